// WhatsApp Cloud API webhook. GET: Meta's subscription check. POST: the signature is checked on
// the raw bytes, the raw event is stored and queued, and 200 goes back at once; everything else
// happens in the queue (lib/whatsapp/ingest.ts), so a slow assistant never delays the ack. The
// secret and the verify token are the platform settings in effect (/admin/settings over the
// environment, lib/settings/platform.ts).

import { acceptWebhook } from "@/lib/assistant/jobs/process-webhook-event";
import { whatsappSettings } from "@/lib/settings/platform";
import { verifySubscription, verifyWebhookSignature } from "@/lib/whatsapp/signature";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const token = (await whatsappSettings()).verifyToken;
  const challenge = token ? verifySubscription(new URL(request.url).searchParams, token) : null;
  if (challenge === null)
    return new Response("Forbidden", { status: 403, headers: { "content-type": "text/plain" } });
  return new Response(challenge, { status: 200, headers: { "content-type": "text/plain" } });
}

export async function POST(request: Request): Promise<Response> {
  const secret = (await whatsappSettings()).appSecret;
  const raw = Buffer.from(await request.arrayBuffer());
  if (!secret || !verifyWebhookSignature(raw, request.headers.get("x-hub-signature-256"), secret)) {
    return Response.json(
      { error: "unauthorized", message: "Bad or missing X-Hub-Signature-256" },
      { status: 401 },
    );
  }
  const text = raw.toString("utf8");
  try {
    JSON.parse(text);
  } catch {
    return Response.json({ error: "invalid", message: "Body is not JSON" }, { status: 400 });
  }
  await acceptWebhook(text);
  return Response.json({ received: true });
}
