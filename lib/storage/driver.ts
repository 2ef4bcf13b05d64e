// The storage driver's contract and the key rule every driver enforces.
import { Invalid } from "@/lib/core/errors";

export interface StoredObject {
  bytes: Buffer;
  contentType: string;
}

export interface StorageDriver {
  put(key: string, bytes: Buffer, options: { contentType: string }): Promise<void>;
  get(key: string): Promise<StoredObject | null>;
  delete(key: string): Promise<void>;
  publicUrl(key: string): string;
}

/** Keys are relative paths of safe segments; nothing can climb out of the storage root. */
export function assertSafeKey(key: string): void {
  if (
    !/^[a-zA-Z0-9][a-zA-Z0-9._-]*(\/[a-zA-Z0-9][a-zA-Z0-9._-]*)*$/.test(key) ||
    key.split("/").includes("..")
  ) {
    throw new Invalid(`Unsafe storage key: ${key}`);
  }
}

/**
 * Keys that are never public: buyers' WhatsApp photos and documents (`wa/{tenant}/...`, written by
 * lib/whatsapp/media.ts). /media refuses them, no public URL is ever made for them, and on S3 they
 * are stored with a private Cache-Control (a bucket served publicly must expose `tenants/*` only).
 * Staff read them through /api/dashboard/inbox/media/{messageId}, which checks session and showroom.
 */
const PRIVATE_PREFIXES = ["wa/"];

export function isPrivateKey(key: string): boolean {
  return PRIVATE_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/** The key for a public URL; a private key here is a bug that would leak a buyer's file. */
export function assertPublicKey(key: string): void {
  assertSafeKey(key);
  if (isPrivateKey(key)) throw new Invalid(`Private storage key has no public URL: ${key}`);
}
