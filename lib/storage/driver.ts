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
