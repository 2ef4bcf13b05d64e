import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhookBody, verifySubscription, verifyWebhookSignature } from "@/lib/whatsapp/signature";

const SECRET = "app-secret-5f2b9c";

function hmacHex(body: Buffer | string, secret = SECRET): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

describe("webhook signature", () => {
  it("accepts a body signed with the app secret", () => {
    const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');
    const header = signWebhookBody(body, SECRET);
    expect(header).toBe(`sha256=${hmacHex(body)}`);
    expect(verifyWebhookSignature(body, header, SECRET)).toBe(true);
  });

  it("accepts Indonesian text and emoji sent as raw UTF-8", () => {
    const body = Buffer.from(
      '{"text":{"body":"Halo kak, Avanza 2019 masih ada? Harga nego 🚗🙏 — terima kasih"}}',
      "utf8",
    );
    expect(verifyWebhookSignature(body, `sha256=${hmacHex(body)}`, SECRET)).toBe(true);
  });

  it("hashes the bytes received, so Meta's \\uXXXX-escaped form verifies and its re-serialised JSON does not", () => {
    // Meta escapes non-ASCII in what it sends; JSON.stringify after JSON.parse writes the characters themselves.
    const escaped = '{"text":{"body":"Halo kak \\ud83d\\ude97 Xenia \\u00e9 masih ada?"}}';
    const received = Buffer.from(escaped, "utf8");
    const header = `sha256=${hmacHex(received)}`;
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(escaped)), "utf8");

    expect(reserialised.equals(received)).toBe(false);
    expect(reserialised.toString("utf8")).toContain("🚗");
    expect(verifyWebhookSignature(received, header, SECRET)).toBe(true);
    expect(verifyWebhookSignature(reserialised, header, SECRET)).toBe(false);
  });

  it("and the other way round: a signature over raw UTF-8 does not verify an escaped copy", () => {
    const raw = Buffer.from('{"body":"Fortuner 2.4 VRZ 😍"}', "utf8");
    const escaped = Buffer.from('{"body":"Fortuner 2.4 VRZ \\ud83d\\ude0d"}', "utf8");
    const header = signWebhookBody(raw, SECRET);
    expect(verifyWebhookSignature(raw, header, SECRET)).toBe(true);
    expect(verifyWebhookSignature(escaped, header, SECRET)).toBe(false);
  });

  it("rejects a webhook whose whitespace changed", () => {
    const body = Buffer.from('{"a":1}');
    const header = signWebhookBody(body, SECRET);
    expect(verifyWebhookSignature(Buffer.from('{"a": 1}'), header, SECRET)).toBe(false);
    expect(verifyWebhookSignature(Buffer.from('{"a":1}\n'), header, SECRET)).toBe(false);
  });

  it("rejects a webhook with a bad signature", () => {
    const body = Buffer.from('{"entry":[{"id":"1"}]}');
    const good = signWebhookBody(body, SECRET);
    expect(verifyWebhookSignature(body, signWebhookBody(body, "another-secret"), SECRET)).toBe(false);
    expect(verifyWebhookSignature(Buffer.from('{"entry":[{"id":"2"}]}'), good, SECRET)).toBe(false);
    const flipped = `${good.slice(0, -1)}${good.endsWith("0") ? "1" : "0"}`;
    expect(verifyWebhookSignature(body, flipped, SECRET)).toBe(false);
  });

  it("rejects a missing or malformed signature header", () => {
    const body = Buffer.from("{}");
    const hex = hmacHex(body);
    const malformed: (string | null)[] = [
      null,
      "",
      "sha256=",
      hex,
      `sha1=${hex}`,
      `SHA256=${hex}`,
      `sha256=${hex.slice(0, 63)}`,
      `sha256=${hex}00`,
      `sha256=${hex.slice(0, 62)}zz`,
      `sha256=${Buffer.from(hex, "hex").toString("base64")}`,
      `sha256=${hex},sha256=${hex}`,
    ];
    for (const header of malformed)
      expect([header, verifyWebhookSignature(body, header, SECRET)]).toEqual([header, false]);
  });

  it("tolerates surrounding whitespace and upper-case hex in the header", () => {
    const body = Buffer.from("{}");
    expect(verifyWebhookSignature(body, ` sha256=${hmacHex(body).toUpperCase()} `, SECRET)).toBe(true);
  });

  it("never verifies with an empty app secret", () => {
    const body = Buffer.from("{}");
    expect(verifyWebhookSignature(body, signWebhookBody(body, ""), "")).toBe(false);
  });
});

describe("subscription handshake", () => {
  const params = (entries: Record<string, string>) => new URLSearchParams(entries);

  it("answers with the challenge when the mode is subscribe and the token matches", () => {
    const query = params({
      "hub.mode": "subscribe",
      "hub.verify_token": "rahasia-showroom",
      "hub.challenge": "1158201444",
    });
    expect(verifySubscription(query, "rahasia-showroom")).toBe("1158201444");
  });

  it("refuses a wrong or missing token", () => {
    expect(
      verifySubscription(
        params({ "hub.mode": "subscribe", "hub.verify_token": "salah", "hub.challenge": "1" }),
        "rahasia",
      ),
    ).toBeNull();
    expect(
      verifySubscription(
        params({ "hub.mode": "subscribe", "hub.verify_token": "rahasia-", "hub.challenge": "1" }),
        "rahasia",
      ),
    ).toBeNull();
    expect(
      verifySubscription(params({ "hub.mode": "subscribe", "hub.challenge": "1" }), "rahasia"),
    ).toBeNull();
  });

  it("refuses another mode or a missing challenge", () => {
    expect(
      verifySubscription(
        params({ "hub.mode": "unsubscribe", "hub.verify_token": "rahasia", "hub.challenge": "1" }),
        "rahasia",
      ),
    ).toBeNull();
    expect(
      verifySubscription(params({ "hub.verify_token": "rahasia", "hub.challenge": "1" }), "rahasia"),
    ).toBeNull();
    expect(
      verifySubscription(params({ "hub.mode": "subscribe", "hub.verify_token": "rahasia" }), "rahasia"),
    ).toBeNull();
  });

  it("refuses everything when no verify token is configured", () => {
    expect(
      verifySubscription(
        params({ "hub.mode": "subscribe", "hub.verify_token": "", "hub.challenge": "1" }),
        "",
      ),
    ).toBeNull();
  });

  it("reads the query exactly as Meta sends it", () => {
    const query = new URL(
      "https://example.test/api/whatsapp/webhook?hub.mode=subscribe&hub.challenge=987654&hub.verify_token=t%C3%B6ken+1",
    ).searchParams;
    expect(verifySubscription(query, "töken 1")).toBe("987654");
  });
});
