// WhatsApp Cloud API webhook. GET: Meta's subscription check. POST: the signature is checked on
// the raw bytes, the raw event is stored and queued, and 200 goes back at once; everything else
// happens in the queue (lib/whatsapp/ingest.ts), so a slow assistant never delays the ack. The
// secret and the verify token are the platform settings in effect (/admin/settings over the
// environment, lib/settings/platform.ts).

import { answeringRateLimits } from "@/lib/actions/result";
import { acceptWebhook } from "@/lib/assistant/jobs/process-webhook-event";
import { getTranslator } from "@/lib/core/i18n/server";
import { readBodyWithin, WEBHOOK_BODY_LIMIT } from "@/lib/core/request-body";
import { whatsappSettings } from "@/lib/settings/platform";
import { countBadSignature, refuseAddressWithBadSignatures } from "@/lib/whatsapp/bad-signature-limit";
import { verifySubscription, verifyWebhookSignature } from "@/lib/whatsapp/signature";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const token = (await whatsappSettings()).verifyToken;
  const challenge = token ? verifySubscription(new URL(request.url).searchParams, token) : null;
  if (challenge === null)
    return new Response("Forbidden", { status: 403, headers: { "content-type": "text/plain" } });
  return new Response(challenge, { status: 200, headers: { "content-type": "text/plain" } });
}

/** An address past its limit of bad signatures gets 429 with Retry-After (lib/whatsapp/bad-signature-limit.ts). */
export async function POST(request: Request): Promise<Response> {
  return answeringRateLimits((await getTranslator()).t, () => receive(request));
}

async function receive(request: Request): Promise<Response> {
  await refuseAddressWithBadSignatures(request.headers);
  const secret = (await whatsappSettings()).appSecret;
  // Over 1 MB is refused before the signature work, and before reading it all (lib/core/request-body).
  const raw = await readBodyWithin(request, WEBHOOK_BODY_LIMIT);
  if (!raw) return Response.json({ error: "too_large", message: "Body over 1 MB" }, { status: 413 });
  if (!secret || !verifyWebhookSignature(raw, request.headers.get("x-hub-signature-256"), secret)) {
    await countBadSignature(request.headers);
    return Response.json(
      { error: "unauthorized", message: "Bad or missing X-Hub-Signature-256" },
      { status: 401 },
    );
  }
  // Stored as it came, readable or not: a signed body that cannot be read is set aside once as a
  // dead letter by its job (lib/whatsapp/ingest.ts), instead of Meta redelivering it for days.
  // (PostgreSQL text cannot hold NUL, which only a non-JSON body can contain.)
  await acceptWebhook(raw.toString("utf8").replaceAll("\u0000", "\uFFFD"));
  return Response.json({ received: true });
}
