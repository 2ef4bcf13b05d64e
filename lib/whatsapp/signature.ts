// Proves a webhook came from Meta: X-Hub-Signature-256 on POSTs, the verify token on the subscription GET.
import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

const SIGNATURE_PREFIX = "sha256=";
const SHA256_HEX = /^[0-9a-f]{64}$/i;

/** The X-Hub-Signature-256 value Meta would send for these exact bytes: `sha256=<lowercase hex>`. */
export function signWebhookBody(rawBody: Buffer | string, appSecret: string): string {
  return `${SIGNATURE_PREFIX}${hmacSha256(rawBody, appSecret).toString("hex")}`;
}

/**
 * True only when `header` is `sha256=<hex>` and the hex is the HMAC-SHA256 of `rawBody` under `appSecret`.
 * Pass the bytes exactly as received: Meta may escape non-ASCII as \uXXXX, so re-serialised JSON hashes differently.
 */
export function verifyWebhookSignature(rawBody: Buffer, header: string | null, appSecret: string): boolean {
  // An empty secret would let anyone who guesses that forge a valid signature.
  if (appSecret.length === 0) return false;
  const received = parseSignatureHeader(header);
  if (received === null) return false;
  const expected = hmacSha256(rawBody, appSecret);
  // timingSafeEqual throws on different lengths; both are 32 bytes here, but the check keeps that a guarantee.
  return received.length === expected.length && timingSafeEqual(received, expected);
}

/**
 * Answers Meta's subscription handshake (`GET ?hub.mode=subscribe&hub.verify_token=...&hub.challenge=...`):
 * the challenge to echo back with 200, or null when the request is not ours to confirm.
 */
export function verifySubscription(params: URLSearchParams, verifyToken: string): string | null {
  const mode = params.get("hub.mode");
  const token = params.get("hub.verify_token");
  const challenge = params.get("hub.challenge");
  if (mode !== "subscribe" || token === null || challenge === null || challenge === "") return null;
  if (verifyToken.length === 0) return null;
  return constantTimeEqualStrings(token, verifyToken) ? challenge : null;
}

function hmacSha256(rawBody: Buffer | string, secret: string): Buffer {
  return createHmac("sha256", secret).update(rawBody).digest();
}

function parseSignatureHeader(header: string | null): Buffer | null {
  if (header === null) return null;
  const trimmed = header.trim();
  if (!trimmed.startsWith(SIGNATURE_PREFIX)) return null;
  const hex = trimmed.slice(SIGNATURE_PREFIX.length);
  // Buffer.from(hex, "hex") silently stops at the first bad character, so validate the whole string first.
  if (!SHA256_HEX.test(hex)) return null;
  return Buffer.from(hex, "hex");
}

// Hashing both sides first gives equal-length inputs, so neither the content nor the length of the secret leaks.
function constantTimeEqualStrings(a: string, b: string): boolean {
  const digestA = createHash("sha256").update(a, "utf8").digest();
  const digestB = createHash("sha256").update(b, "utf8").digest();
  return timingSafeEqual(digestA, digestB);
}
