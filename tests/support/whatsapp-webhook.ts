// A buyer's (or staff member's) WhatsApp message as Meta posts it: a signed webhook into the real
// route handler. And a patient probe for what the queue does after it.
import { randomBytes } from "node:crypto";
import { POST } from "@/app/api/webhooks/whatsapp/route";
import { signWebhookBody } from "@/lib/whatsapp/signature";
import { messagesWebhook } from "./webhook-body";

export function postMessage(options: {
  appSecret: string;
  phoneNumberId: string;
  from: string;
  name?: string;
  message: Record<string, unknown>;
}): Promise<Response> {
  const body = messagesWebhook(options.phoneNumberId, {
    contacts: [{ profile: { name: options.name ?? "Tester" }, wa_id: options.from }],
    messages: [
      {
        from: options.from,
        id: `wamid.${randomBytes(6).toString("hex")}`,
        timestamp: String(Math.floor(Date.now() / 1000)),
        ...options.message,
      },
    ],
  });
  const headers = new Headers({
    "content-type": "application/json",
    "x-hub-signature-256": signWebhookBody(body, options.appSecret),
  });
  return POST(new Request("http://localhost/api/webhooks/whatsapp", { method: "POST", body, headers }));
}

/** Probes until `ready` (or the time is up) and returns the last value. */
export async function until<T>(
  probe: () => Promise<T> | T,
  ready: (value: T) => boolean,
  timeoutMs = 45_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ready(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
