// Where uploaded files live: local disk under DATA_DIR by default, S3 (or any S3-compatible store)
// when S3_BUCKET is set.
import path from "node:path";
import { EnvError, getEnv } from "@/lib/core/env";
import type { StorageDriver } from "@/lib/storage/driver";
import { LocalDiskStorage } from "@/lib/storage/local";
import { S3Storage } from "@/lib/storage/s3";

export {
  assertSafeKey,
  isPrivateKey,
  type StorageDriver,
  type StoredObject,
} from "@/lib/storage/driver";
export { LocalDiskStorage } from "@/lib/storage/local";

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
