// A real S3-protocol server (s3rver) on a random local port with throwaway storage, for tests of the S3 driver.
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/** s3rver checks request signatures against this fixed key pair. */
export const FAKE_S3_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

export interface FakeS3 {
  /** http://127.0.0.1:<port>; buckets live in the path, so clients need forcePathStyle. */
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  close(): Promise<void>;
}

// The part of s3rver's API used here; it ships no type declarations.
interface S3rverOptions {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string }[];
}
interface S3rverServer {
  run(): Promise<AddressInfo | string | null>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: S3rverOptions) => S3rverServer;

function isS3rverConstructor(value: unknown): value is S3rverConstructor {
  return typeof value === "function";
}

// Loaded through require because an untyped package cannot be imported under strict TypeScript without a declaration file.
function loadS3rver(): S3rverConstructor {
  const loaded: unknown = createRequire(import.meta.url)("s3rver");
  if (!isS3rverConstructor(loaded)) throw new Error("s3rver did not export a constructor");
  return loaded;
}

export async function startFakeS3(options: { buckets: string[] }): Promise<FakeS3> {
  const directory = await mkdtemp(path.join(tmpdir(), "autolumiku-s3-"));
  const S3rver = loadS3rver();
  const server = new S3rver({
    // An IP rather than "localhost", so the SDK never tries ::1 while the server listens on IPv4 only.
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: options.buckets.map((name) => ({ name })),
  });
  let address: AddressInfo | string | null;
  try {
    address = await server.run();
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  if (address === null || typeof address === "string") {
    await server.close();
    await rm(directory, { recursive: true, force: true });
    throw new Error("s3rver is not listening on a TCP port");
  }
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    credentials: { ...FAKE_S3_CREDENTIALS },
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
