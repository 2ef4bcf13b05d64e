// A local stand-in for Meta's Graph API (offline demo and tests): POST /{version}/{phone_number_id}/messages
// answers in Meta's wire format, checks the showroom's access token, and reports statuses back
// through signed webhooks. The outbound rows already live in the database (the outbox wrote them).
// GET /{version}/{phone_number_id} looks a number up (connecting one on the WhatsApp tab), and
// POST /{version}/{waba_id}/subscribed_apps subscribes, as Meta answers them.
import { DEFAULT_BODY_LIMIT, readBodyWithin } from "@/lib/core/request-body";
import {
  authorizeSimCall,
  graphSimEnabled,
  newSimWamid,
  reportStatusesLater,
  SimMarkRead,
  SimSendRequest,
  simNumberLookup,
} from "@/lib/whatsapp/simulator";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ path: string[] }> };

function graphError(status: number, code: number, message: string, type = "OAuthException"): Response {
  return Response.json(
    { error: { message, type, code, fbtrace_id: `sim-${Date.now().toString(36)}` } },
    { status },
  );
}

export async function POST(request: Request, { params }: Params): Promise<Response> {
  if (!graphSimEnabled()) return new Response("Not found", { status: 404 });
  const path = (await params).path;
  if (path.length === 3 && path[2] === "subscribed_apps") {
    if (!/^Bearer\s+\S/i.test(request.headers.get("authorization") ?? ""))
      return graphError(401, 190, "Invalid OAuth access token - Cannot parse access token");
    return Response.json({ success: true });
  }
  // {version}/{phone_number_id}/messages is the only call the outbox makes.
  if (path.length !== 3 || !/^v\d+\.\d+$/.test(path[0] ?? "") || path[2] !== "messages") {
    return graphError(400, 100, "Unsupported request - method type: post", "GraphMethodException");
  }
  const phoneNumberId = path[1] ?? "";
  const showroom = await authorizeSimCall(phoneNumberId, request.headers.get("authorization"));
  if (!showroom) return graphError(401, 190, "Invalid OAuth access token - Cannot parse access token");

  let body: unknown;
  try {
    const raw = await readBodyWithin(request, DEFAULT_BODY_LIMIT);
    if (!raw) return graphError(413, 100, "Request body too large", "OAuthException");
    body = JSON.parse(raw.toString("utf8"));
  } catch {
    return graphError(400, 100, "Invalid parameter", "OAuthException");
  }
  const markRead = SimMarkRead.safeParse(body);
  if (markRead.success) return Response.json({ success: true });
  const send = SimSendRequest.safeParse(body);
  if (!send.success) return graphError(400, 100, "(#100) Invalid parameter");

  const wamid = newSimWamid();
  reportStatusesLater(showroom, wamid, send.data.to);
  return Response.json({
    messaging_product: "whatsapp",
    contacts: [{ input: send.data.to, wa_id: send.data.to }],
    messages: [{ id: wamid }],
  });
}

export async function GET(request: Request, { params }: Params): Promise<Response> {
  if (!graphSimEnabled()) return new Response("Not found", { status: 404 });
  const path = (await params).path;
  // {version}/{phone_number_id}?fields=...: the number lookup before connecting.
  if (path.length !== 2 || !/^v\d+\.\d+$/.test(path[0] ?? ""))
    return graphError(400, 100, "Unsupported get request", "GraphMethodException");
  const lookup = await simNumberLookup(path[1] ?? "", request.headers.get("authorization"));
  if (!lookup.ok) return graphError(lookup.status, lookup.code, lookup.message);
  return Response.json(lookup.number);
}
