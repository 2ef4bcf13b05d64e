// Where uploaded files live. Local disk under DATA_DIR by default; the interface is S3-shaped so
// an S3 driver can take its place by configuration.
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { getEnv } from "@/lib/env";
import { Invalid } from "@/lib/errors";

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

const CONTENT_TYPES: Record<string, string> = { ".webp": "image/webp", ".avif": "image/avif", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png" };

/** Keys are relative paths of safe segments; nothing can climb out of the storage root. */
export function assertSafeKey(key: string): void {
  if (!/^[a-zA-Z0-9][a-zA-Z0-9._-]*(\/[a-zA-Z0-9][a-zA-Z0-9._-]*)*$/.test(key) || key.split("/").includes("..")) {
    throw new Invalid(`Unsafe storage key: ${key}`);
  }
}

export class LocalDiskStorage implements StorageDriver {
  constructor(private readonly root: string) {}

  private fileOf(key: string): string {
    assertSafeKey(key);
    return path.join(this.root, key);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const file = this.fileOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Write then rename, so a reader never sees half a file.
    const temporary = `${file}.${randomBytes(4).toString("hex")}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, file);
  }

  async get(key: string): Promise<StoredObject | null> {
    const file = this.fileOf(key);
    if (!existsSync(file)) return null;
    return { bytes: await readFile(file), contentType: CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream" };
  }

  async delete(key: string): Promise<void> {
    await rm(this.fileOf(key), { force: true });
  }

  publicUrl(key: string): string {
    assertSafeKey(key);
    return `/media/${key}`;
  }
}

export function getStorage(): StorageDriver {
  return new LocalDiskStorage(path.resolve(getEnv().DATA_DIR, "uploads"));
}
