// Files on local disk under DATA_DIR/uploads, served through /media.
import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { assertPublicKey, assertSafeKey, type StorageDriver, type StoredObject } from "@/lib/storage/driver";

const CONTENT_TYPES: Record<string, string> = {
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
};

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
    return {
      bytes: await readFile(file),
      contentType: CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
    };
  }

  async delete(key: string): Promise<void> {
    await rm(this.fileOf(key), { force: true });
  }

  publicUrl(key: string): string {
    assertPublicKey(key);
    return `/media/${key}`;
  }
}
