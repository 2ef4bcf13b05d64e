// Where uploaded files live. Local disk under DATA_DIR by default; the interface is S3-shaped so
// an S3 driver can take its place by configuration.

import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { EnvError, getEnv } from "@/lib/env";
import { Invalid } from "@/lib/errors";
import { S3Storage } from "@/lib/storage/s3";

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

const CONTENT_TYPES: Record<string, string> = {
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
};

/** Keys are relative paths of safe segments; nothing can climb out of the storage root. */
export function assertSafeKey(key: string): void {
  if (
    !/^[a-zA-Z0-9][a-zA-Z0-9._-]*(\/[a-zA-Z0-9][a-zA-Z0-9._-]*)*$/.test(key) ||
    key.split("/").includes("..")
  ) {
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
    return {
      bytes: await readFile(file),
      contentType: CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
    };
  }

  async delete(key: string): Promise<void> {
    await rm(this.fileOf(key), { force: true });
  }

  publicUrl(key: string): string {
    assertSafeKey(key);
    return `/media/${key}`;
  }
}

let storage: StorageDriver | undefined;

/** S3 when S3_BUCKET is set, local disk otherwise; one instance per process so the S3 client's connections are reused. */
export function getStorage(): StorageDriver {
  if (storage) return storage;
  const env = getEnv();
  if (!env.S3_BUCKET) {
    storage = new LocalDiskStorage(path.resolve(env.DATA_DIR, "uploads"));
    return storage;
  }
  // Half a key pair would silently fall back to the SDK's default credential chain; say so instead.
  if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
    throw new EnvError([
      "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: set both, or neither to use the default AWS credential chain",
    ]);
  }
  storage = new S3Storage({
    bucket: env.S3_BUCKET,
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    credentials:
      env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
        : undefined,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    publicUrl: env.S3_PUBLIC_URL,
  });
  return storage;
}
