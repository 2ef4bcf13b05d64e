// Secrets at rest (WhatsApp tokens, AI keys, TOTP secrets): AES-256-GCM under a key derived from ENCRYPTION_KEY.
// ENCRYPTION_KEY may list several keys, newest first ("new,old"): new secrets are sealed with the
// first, and any of them opens a stored one, so a key can be rotated without a moment when stored
// secrets are unreadable. `npm run cli -- secrets:rotate` then re-seals everything with the newest.
import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { getEnv } from "@/lib/core/env";

const VERSION = "v1";
const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
/** Mirrors the ENCRYPTION_KEY rule in lib/env.ts, so a key that env would refuse is refused here too. */
export const MIN_ENCRYPTION_KEY_LENGTH = 32;

// Fixed salt and a versioned info string: the derived key is stable for one ENCRYPTION_KEY, and a
// future "v2" can derive a different key from the same setting without colliding with v1.
const HKDF_SALT = "autolumiku";
const HKDF_INFO = `autolumiku/secret-at-rest/${VERSION}`;
// The version tag is authenticated too, so a ciphertext cannot be relabelled as another format.
const AAD = Buffer.from(`autolumiku:${VERSION}`, "utf8");

const BASE64URL = /^[A-Za-z0-9_-]*$/;

export type SecretErrorReason = "malformed" | "unsupported_version" | "authentication_failed" | "invalid_key";

/** Thrown for anything that stops a secret from being sealed or opened; `reason` says which. */
export class SecretCryptoError extends Error {
  constructor(
    public readonly reason: SecretErrorReason,
    message: string,
  ) {
    super(message);
    this.name = "SecretCryptoError";
  }
}

/** Thrown when the operator has not configured ENCRYPTION_KEY. */
export class EncryptionKeyMissingError extends Error {
  constructor() {
    super(
      "ENCRYPTION_KEY is not set, so stored secrets (WhatsApp tokens, AI keys, two-factor secrets) cannot be " +
        `encrypted or read. Set ENCRYPTION_KEY to a random string of at least ${MIN_ENCRYPTION_KEY_LENGTH} characters ` +
        "(try: openssl rand -base64 32) and keep it: changing it makes existing secrets unreadable.",
    );
    this.name = "EncryptionKeyMissingError";
  }
}

/** The keys of an ENCRYPTION_KEY setting: comma-separated, newest first. */
export function parseEncryptionKeys(setting: string): string[] {
  return setting
    .split(",")
    .map((key) => key.trim())
    .filter((key) => key.length > 0);
}

/** Every configured key, newest first; throws a message that tells the operator what to do when none is set. */
export function encryptionKeys(): string[] {
  const keys = parseEncryptionKeys(getEnv().ENCRYPTION_KEY ?? "");
  if (keys.length === 0) throw new EncryptionKeyMissingError();
  return keys;
}

/** The key new secrets are sealed with: the first (newest) of ENCRYPTION_KEY. */
export function encryptionKey(): string {
  return encryptionKeys()[0];
}

/** One key, or a key ring newest first (only the first seals; any opens). */
export type SecretKeys = string | readonly string[];

function ringOf(keys: SecretKeys): readonly string[] {
  const ring = typeof keys === "string" ? [keys] : keys;
  if (ring.length === 0) throw new SecretCryptoError("invalid_key", "No encryption key was given.");
  return ring;
}

export function encryptSecret(plaintext: string, keys: SecretKeys): string {
  const derived = deriveKey(ringOf(keys)[0]);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, derived, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(AAD);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [
    VERSION,
    iv.toString("base64url"),
    tag.toString("base64url"),
    ciphertext.toString("base64url"),
  ].join(":");
}

export function decryptSecret(ciphertext: string, keys: SecretKeys): string {
  return openSecret(ciphertext, keys).plaintext;
}

/** The secret and which key of the ring opened it (0: the newest; more: re-seal it). */
export function openSecret(ciphertext: string, keys: SecretKeys): { plaintext: string; keyIndex: number } {
  const ring = ringOf(keys).map(deriveKey);
  const sealed = parseSealed(ciphertext);
  for (const [keyIndex, derived] of ring.entries()) {
    const decipher = createDecipheriv(ALGORITHM, derived, sealed.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(AAD);
    decipher.setAuthTag(sealed.tag);
    try {
      const plaintext = Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString(
        "utf8",
      );
      return { plaintext, keyIndex };
    } catch {
      // GCM cannot tell a wrong key from altered bytes: try the next key, if any.
    }
  }
  throw new SecretCryptoError(
    "authentication_failed",
    "Could not decrypt the stored secret: none of the keys in ENCRYPTION_KEY is the one it was saved with, or the value was altered.",
  );
}

/** Shows that a write-only setting is set without showing it: "••••abcd", or "••••" when too short to hint at. */
export function maskSecret(secret: string): string {
  if (secret.length === 0) return "";
  const characters = Array.from(secret);
  // Revealing 4 characters of a short secret would give away too much of it.
  if (characters.length < 12) return "••••";
  return `••••${characters.slice(-4).join("")}`;
}

function deriveKey(key: string): Buffer {
  if (key.length < MIN_ENCRYPTION_KEY_LENGTH) {
    throw new SecretCryptoError(
      "invalid_key",
      `The encryption key must be at least ${MIN_ENCRYPTION_KEY_LENGTH} characters.`,
    );
  }
  return Buffer.from(hkdfSync("sha256", Buffer.from(key, "utf8"), HKDF_SALT, HKDF_INFO, KEY_BYTES));
}

type Sealed = { iv: Buffer; tag: Buffer; ciphertext: Buffer };

function parseSealed(value: string): Sealed {
  const parts = value.split(":");
  if (parts.length !== 4) throw malformed("expected v1:<iv>:<tag>:<ciphertext>");
  const [version, iv, tag, ciphertext] = parts;
  if (version !== VERSION) {
    throw new SecretCryptoError(
      "unsupported_version",
      `Unsupported secret format "${version.slice(0, 8)}"; expected ${VERSION}.`,
    );
  }
  return {
    iv: decodePart(iv, "iv", IV_BYTES),
    tag: decodePart(tag, "tag", TAG_BYTES),
    ciphertext: decodePart(ciphertext, "ciphertext"),
  };
}

function decodePart(text: string, name: string, expectedBytes?: number): Buffer {
  // Buffer.from(..., "base64url") silently skips bad characters, so check the alphabet first
  // and re-encode to reject non-canonical forms.
  if (!BASE64URL.test(text)) throw malformed(`${name} is not base64url`);
  const bytes = Buffer.from(text, "base64url");
  if (bytes.toString("base64url") !== text) throw malformed(`${name} is not canonical base64url`);
  if (expectedBytes !== undefined && bytes.length !== expectedBytes)
    throw malformed(`${name} must be ${expectedBytes} bytes`);
  return bytes;
}

function malformed(detail: string): SecretCryptoError {
  return new SecretCryptoError("malformed", `The stored secret is not a valid encrypted value: ${detail}.`);
}
