// The WhatsApp webhook's abuse limit, over its real route handler: an address sending bad
// signatures is answered 429 with Retry-After once past RATE_LIMIT_WEBHOOK_BAD_SIGNATURE (before
// its body is even read), while Meta's signed deliveries from another address go on being stored.
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/whatsapp/route";
import { getEnv, setEnv } from "@/lib/core/env";
import { signWebhookBody } from "@/lib/whatsapp/signature";
import { behindProxy, proxyHeaders } from "../support/framework";

const SECRET = "abuse-webhook-secret";
const BODY = JSON.stringify({ object: "whatsapp_business_account", entry: [] });

function post(ip: string, signature: string): Promise<Response> {
  return POST(
    new Request("http://localhost/api/webhooks/whatsapp", {
      method: "POST",
      body: BODY,
      headers: { "content-type": "application/json", "x-hub-signature-256": signature, ...proxyHeaders(ip) },
    }),
  );
}

describe("the WhatsApp webhook under attack (issue 12)", () => {
  it("answers 429 with Retry-After to an address past its bad signatures, and keeps taking Meta's", async () => {
    setEnv({ WHATSAPP_APP_SECRET: SECRET });
    behindProxy("203.0.113.90");
    const limit = getEnv().RATE_LIMIT_WEBHOOK_BAD_SIGNATURE.limit;
    const statuses = [];
    for (let attempt = 0; attempt < limit + 3; attempt += 1)
      statuses.push((await post("203.0.113.90", "sha256=00")).status);
    expect(statuses.slice(0, limit).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(limit).every((status) => status === 429)).toBe(true);

    const refused = await post("203.0.113.90", signWebhookBody(BODY, SECRET));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({
      error: "rate_limited",
      message: expect.stringMatching(
        /^Terlalu banyak permintaan dengan tanda tangan tidak sah dari alamat ini\./,
      ),
    });

    const meta = await post("198.51.100.90", signWebhookBody(BODY, SECRET));
    expect(meta.status).toBe(200);
  });
});
