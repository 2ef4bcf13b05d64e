// Two-factor sign-in for staff: TOTP (RFC 6238 over RFC 4226 HOTP), base32 secrets, QR enrolment and recovery codes.
import "server-only";
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { toString as renderQrCode } from "qrcode";

/** Authenticator apps assume SHA-1, 6 digits and 30 s unless told otherwise; we stay on those defaults. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
const SECRET_BYTES = 20; // 160 bits, the HMAC-SHA-1 block-friendly size RFC 4226 recommends
const MAX_WINDOW = 10;

const BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** Thrown when a base32 string cannot be a secret we generated (bad character or impossible length). */
export class InvalidBase32Error extends Error {
  constructor(detail: string) {
    super(`Invalid base32: ${detail}`);
    this.name = "InvalidBase32Error";
  }
}

// ---------------------------------------------------------------------------------------------
// Base32 (RFC 4648 section 6), written out without padding because otpauth URIs omit it.

export function base32Encode(bytes: Uint8Array): string {
  let output = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      output += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1; // keep only the bits not yet written, so the number never grows
  }
  if (bits > 0) output += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return output;
}

/** Accepts lower case, spaces and trailing "=" padding, since people copy secrets by hand. */
export function base32Decode(text: string): Buffer {
  const cleaned = text.replace(/\s+/g, "").replace(/=+$/, "").toUpperCase();
  // 1, 3 or 6 leftover characters cannot come from whole bytes.
  if ([1, 3, 6].includes(cleaned.length % 8))
    throw new InvalidBase32Error(`length ${cleaned.length} is impossible`);
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const character of cleaned) {
    const value = BASE32_ALPHABET.indexOf(character);
    if (value === -1) throw new InvalidBase32Error(`unexpected character "${character}"`);
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bytes.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  return Buffer.from(bytes);
}

// ---------------------------------------------------------------------------------------------
// HOTP / TOTP

/** A fresh shared secret for an authenticator app, base32 without padding. */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(SECRET_BYTES));
}

/** The 30-second step a moment falls in; `time` is in milliseconds like Date.now(). */
export function totpStep(time: number): number {
  if (!Number.isFinite(time) || time < 0)
    throw new RangeError(`time must be a non-negative number of milliseconds, got ${time}`);
  return Math.floor(time / 1000 / TOTP_PERIOD_SECONDS);
}

/** RFC 4226 HOTP with HMAC-SHA-1; `digits` exists so the RFC's 8-digit test vectors can be checked. */
export function hotp(key: Uint8Array, counter: number, digits: number = TOTP_DIGITS): string {
  if (!Number.isSafeInteger(counter) || counter < 0)
    throw new RangeError(`counter must be a non-negative integer, got ${counter}`);
  if (!Number.isInteger(digits) || digits < 6 || digits > 8)
    throw new RangeError(`digits must be 6 to 8, got ${digits}`);
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac("sha1", key).update(message).digest();
  const binary = dynamicTruncate(mac);
  return (binary % 10 ** digits).toString().padStart(digits, "0");
}

/** The code an authenticator app shows for `secret` at `time` (ms). */
export function totpCode(secret: string, time: number = Date.now()): string {
  return hotp(base32Decode(secret), totpStep(time));
}

export type VerifyTotpOptions = {
  /** Milliseconds; defaults to now. */
  time?: number;
  /** How many steps either side of now to accept, for clock drift and typing time. */
  window?: number;
  /** The step of the last accepted code; this step and earlier ones are refused so a code works once. */
  lastUsedStep?: number | null;
};

export type VerifyTotpResult = { ok: true; step: number } | { ok: false };

/**
 * Checks a code typed by the user. On success, store the returned `step` as `lastUsedStep`
 * (in the same transaction that signs the user in) so a seen code cannot be replayed.
 */
export function verifyTotp(secret: string, code: string, options: VerifyTotpOptions = {}): VerifyTotpResult {
  const { time = Date.now(), window = 1, lastUsedStep = null } = options;
  if (!Number.isInteger(window) || window < 0 || window > MAX_WINDOW) {
    throw new RangeError(`window must be an integer from 0 to ${MAX_WINDOW}, got ${window}`);
  }
  const typed = normaliseTotpInput(code);
  if (typed === null) return { ok: false };

  const key = base32Decode(secret);
  const current = totpStep(time);
  let matched: number | null = null;
  // Every candidate is computed and compared, so the time taken does not say which step matched.
  for (let step = current - window; step <= current + window; step++) {
    if (step < 0) continue;
    if (lastUsedStep !== null && step <= lastUsedStep) continue;
    const expected = Buffer.from(hotp(key, step), "utf8");
    if (timingSafeEqual(expected, typed) && matched === null) matched = step;
  }
  return matched === null ? { ok: false } : { ok: true, step: matched };
}

/** Strips the spaces people type ("123 456"); anything but exactly six digits is refused. */
function normaliseTotpInput(code: string): Buffer | null {
  const digits = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(digits)) return null;
  return Buffer.from(digits, "utf8");
}

/** RFC 4226 section 5.3: 31 bits taken at an offset chosen by the last nibble of the MAC. */
function dynamicTruncate(mac: Buffer): number {
  const offset = mac[mac.length - 1] & 0x0f;
  return mac.readUInt32BE(offset) & 0x7fffffff;
}

// ---------------------------------------------------------------------------------------------
// Enrolment: otpauth URI and its QR code

export type OtpauthUriInput = {
  secret: string;
  /** Shown in the app under the issuer, e.g. the staff member's e-mail. */
  account: string;
  issuer?: string;
};

/** Key URI format understood by Google Authenticator, Authy, 1Password, Aegis and others. */
export function otpauthUri({ secret, account, issuer = "autolumiku" }: OtpauthUriInput): string {
  // encodeURIComponent rather than URLSearchParams: apps show "+" literally, not as a space.
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const query = [
    ["secret", secret.replace(/\s+/g, "").replace(/=+$/, "").toUpperCase()],
    ["issuer", issuer],
    ["algorithm", "SHA1"],
    ["digits", String(TOTP_DIGITS)],
    ["period", String(TOTP_PERIOD_SECONDS)],
  ]
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join("&");
  return `otpauth://totp/${label}?${query}`;
}

/**
 * The URI as an SVG QR code, rendered in-process: the secret never leaves the server for a QR service.
 * The markup holds only modules, no text from the URI, so it is safe to inline.
 */
export function qrCodeSvg(uri: string): Promise<string> {
  return renderQrCode(uri, { type: "svg", errorCorrectionLevel: "M", margin: 4 });
}

// ---------------------------------------------------------------------------------------------
// Recovery codes

// No 0/o, 1/l/i: codes get read off paper and typed on phones.
export const RECOVERY_CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
const RECOVERY_GROUPS = 3;
const RECOVERY_GROUP_LENGTH = 4;
const RECOVERY_CODE_LENGTH = RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH;
const RECOVERY_CODE_SHAPE = new RegExp(`^[${RECOVERY_CODE_ALPHABET}]{${RECOVERY_CODE_LENGTH}}$`);

/**
 * Single-use codes like "7kq4-m9xz-p2ht" (about 59 bits each). Three groups rather than two, because the
 * hashes are unsalted SHA-256: a leaked table of 8-character codes (~40 bits) could be searched in minutes.
 */
export function generateRecoveryCodes(count = 10): string[] {
  if (!Number.isInteger(count) || count < 1 || count > 100)
    throw new RangeError(`count must be 1 to 100, got ${count}`);
  const codes = new Set<string>();
  while (codes.size < count) codes.add(randomRecoveryCode());
  return [...codes];
}

/** What to store: SHA-256 hex of the normalised code (codes are random enough not to need a slow hash). */
export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normaliseRecoveryCode(code), "utf8").digest("hex");
}

/**
 * The index of the stored hash `code` matches, or -1. The caller must delete that hash in the same
 * transaction that signs the user in, so each code works once.
 */
export function matchRecoveryCode(code: string, hashes: readonly string[]): number {
  const normalised = normaliseRecoveryCode(code);
  if (!RECOVERY_CODE_SHAPE.test(normalised)) return -1;
  const candidate = Buffer.from(hashRecoveryCode(normalised), "utf8");
  let found = -1;
  // No early exit and a constant-time compare: timing reveals neither the hash nor its position.
  hashes.forEach((hash, index) => {
    const stored = Buffer.from(hash.toLowerCase(), "utf8");
    if (stored.length === candidate.length && timingSafeEqual(stored, candidate) && found === -1)
      found = index;
  });
  return found;
}

/** Lower case, no spaces or dashes: "7KQ4 M9XZ-P2HT" and "7kq4m9xzp2ht" are the same code. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]+/g, "");
}

function randomRecoveryCode(): string {
  const groups: string[] = [];
  for (let group = 0; group < RECOVERY_GROUPS; group++) {
    let text = "";
    // randomInt is unbiased, unlike a random byte modulo a 31-letter alphabet.
    for (let index = 0; index < RECOVERY_GROUP_LENGTH; index++)
      text += RECOVERY_CODE_ALPHABET[randomInt(RECOVERY_CODE_ALPHABET.length)];
    groups.push(text);
  }
  return groups.join("-");
}
