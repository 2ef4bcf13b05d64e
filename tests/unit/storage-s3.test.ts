// The S3 storage driver against a real S3-protocol server, and the contract it shares with local disk, down to the /media route.
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { HeadObjectCommand, S3Client } from "@aws-sdk/client-s3";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { Invalid } from "@/lib/core/errors";
import { LocalDiskStorage, type StorageDriver } from "@/lib/storage";
import { S3Storage, type S3StorageOptions } from "@/lib/storage/s3";
import { type FakeS3, startFakeS3 } from "@/tests/fakes/s3";

const BUCKET = "autolumiku-photos";
const REGION = "ap-southeast-3";
const IMMUTABLE = "public, max-age=31536000, immutable";
const UNSAFE_KEYS = [
  "../x",
  "/abs",
  "a//b",
  "a/../b",
  "a/b/",
  "",
  ".hidden",
  "a\\b",
  "a/b?c",
  "tenants/t1/%2e%2e/x",
];

let fake: FakeS3;
let webp: Buffer;
let avif: Buffer;
const temporaryDirectories: string[] = [];

beforeAll(async () => {
  fake = await startFakeS3({ buckets: [BUCKET] });
  // Real encoded photos, so any byte mangling on the wire (chunk framing, text decoding) shows up.
  const car = sharp({ create: { width: 64, height: 48, channels: 3, background: "#3366aa" } });
  [webp, avif] = await Promise.all([car.clone().webp().toBuffer(), car.clone().avif().toBuffer()]);
});

afterAll(async () => {
  await fake?.close();
  await Promise.all(temporaryDirectories.map((directory) => rm(directory, { recursive: true, force: true })));
});

function s3Storage(overrides: Partial<S3StorageOptions> = {}): S3Storage {
  return new S3Storage({
    bucket: BUCKET,
    region: REGION,
    endpoint: fake.endpoint,
    credentials: fake.credentials,
    forcePathStyle: true,
    ...overrides,
  });
}

async function temporaryDirectory(): Promise<string> {
  const directory = await mkdtemp(path.join(tmpdir(), "autolumiku-storage-"));
  temporaryDirectories.push(directory);
  return directory;
}

let keyCounter = 0;
/** A fresh key per test, shaped like the ones lib/images/photos.ts writes. */
function photoKey(extension: "webp" | "avif"): string {
  keyCounter += 1;
  return `tenants/t${keyCounter}/vehicles/v1/photo-${keyCounter}-640.${extension}`;
}

async function rejection(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  return "accepted";
}

describe("S3 storage driver over real HTTP (s3rver)", () => {
  it("stores, reads back and deletes the bytes of a real photo", async () => {
    const storage = s3Storage();
    const key = photoKey("webp");
    await storage.put(key, webp, { contentType: "image/webp" });

    const stored = await storage.get(key);
    expect(stored?.contentType).toBe("image/webp");
    expect(stored?.bytes.equals(webp)).toBe(true);

    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
  });

  it("stores the content type and a cache-forever header with the object", async () => {
    const storage = s3Storage();
    const key = photoKey("avif");
    await storage.put(key, avif, { contentType: "image/avif" });

    const client = new S3Client({
      region: REGION,
      endpoint: fake.endpoint,
      credentials: fake.credentials,
      forcePathStyle: true,
    });
    const head = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    client.destroy();
    expect(head).toMatchObject({
      ContentType: "image/avif",
      CacheControl: IMMUTABLE,
      ContentLength: avif.length,
    });

    // What a CDN in front of the bucket would receive and pass on to browsers.
    const response = await fetch(`${fake.endpoint}/${BUCKET}/${key}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/avif");
    expect(response.headers.get("cache-control")).toBe(IMMUTABLE);
    expect(Buffer.from(await response.arrayBuffer()).equals(avif)).toBe(true);
  });

  it("reads a missing key as null", async () => {
    expect(await s3Storage().get(photoKey("webp"))).toBeNull();
  });

  it("deletes a missing key without complaint", async () => {
    await expect(s3Storage().delete(photoKey("webp"))).resolves.toBeUndefined();
  });

  it("reports a missing bucket as an error instead of an empty store", async () => {
    const error = await rejection(() => s3Storage({ bucket: "no-such-bucket" }).get(photoKey("webp")));
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: "NoSuchBucket" });
  });

  it("rejects unsafe keys before sending any request", async () => {
    // A stand-in endpoint that only counts: had a request left the driver, it would be seen here.
    let requests = 0;
    const counter: Server = createServer((_request, response) => {
      requests += 1;
      response.statusCode = 500;
      response.end();
    });
    await new Promise<void>((resolve) => counter.listen(0, "127.0.0.1", resolve));
    const address = counter.address();
    try {
      if (address === null || typeof address === "string")
        throw new Error("the counting server has no TCP port");
      const storage = s3Storage({ endpoint: `http://127.0.0.1:${address.port}` });
      await expectEveryUnsafeKeyRefused(storage);
      expect(requests).toBe(0);
    } finally {
      await new Promise<void>((resolve) => counter.close(() => resolve()));
    }
  });

  it("links photos to S3_PUBLIC_URL when it is set, and through /media otherwise", () => {
    const key = "tenants/t1/vehicles/v1/p-640.webp";
    expect(s3Storage({ publicUrl: "https://cdn.example.com/photos/" }).publicUrl(key)).toBe(
      `https://cdn.example.com/photos/${key}`,
    );
    expect(s3Storage({ publicUrl: "https://cdn.example.com" }).publicUrl(key)).toBe(
      `https://cdn.example.com/${key}`,
    );
    expect(s3Storage().publicUrl(key)).toBe(`/media/${key}`);
  });
});

/** Every call refuses every unsafe key with Invalid, each assertion naming the key. */
async function expectEveryUnsafeKeyRefused(storage: StorageDriver): Promise<void> {
  for (const key of UNSAFE_KEYS) {
    expect(await rejection(() => storage.put(key, webp, { contentType: "image/webp" })), key).toBeInstanceOf(
      Invalid,
    );
    expect(await rejection(() => storage.get(key)), key).toBeInstanceOf(Invalid);
    expect(await rejection(() => storage.delete(key)), key).toBeInstanceOf(Invalid);
    expect(() => storage.publicUrl(key), key).toThrow(Invalid);
  }
}

// The same calls, the same answers: whichever driver configuration picks, the rest of the app cannot tell.
const drivers: { name: string; create: () => Promise<StorageDriver> }[] = [
  { name: "local disk", create: async () => new LocalDiskStorage(await temporaryDirectory()) },
  { name: "S3", create: async () => s3Storage() },
];

describe.each(drivers)("storage contract on $name", ({ create }) => {
  it("round-trips each photo format with its content type", async () => {
    const storage = await create();
    for (const [extension, bytes] of [
      ["webp", webp],
      ["avif", avif],
    ] as const) {
      const key = photoKey(extension);
      await storage.put(key, bytes, { contentType: `image/${extension}` });
      const stored = await storage.get(key);
      expect(stored?.contentType).toBe(`image/${extension}`);
      expect(stored?.bytes.equals(bytes)).toBe(true);
    }
  });

  it("replaces an object written twice under the same key", async () => {
    const storage = await create();
    const key = photoKey("webp");
    await storage.put(key, Buffer.from("first"), { contentType: "image/webp" });
    await storage.put(key, webp, { contentType: "image/webp" });
    expect((await storage.get(key))?.bytes.equals(webp)).toBe(true);
  });

  it("keeps objects under different keys apart", async () => {
    const storage = await create();
    const [first, second] = [photoKey("webp"), photoKey("webp")];
    await storage.put(first, webp, { contentType: "image/webp" });
    await storage.put(second, Buffer.from("other"), { contentType: "image/webp" });
    await storage.delete(second);
    expect((await storage.get(first))?.bytes.equals(webp)).toBe(true);
    expect(await storage.get(second)).toBeNull();
  });

  it("reads a missing key as null and deletes it without complaint, twice", async () => {
    const storage = await create();
    const key = photoKey("webp");
    expect(await storage.get(key)).toBeNull();
    await storage.delete(key);
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
  });

  it("rejects unsafe keys with Invalid", async () => {
    const storage = await create();
    await expectEveryUnsafeKeyRefused(storage);
  });

  it("links photos through /media when no public URL is configured", async () => {
    expect((await create()).publicUrl("tenants/t1/a.webp")).toBe("/media/tenants/t1/a.webp");
  });
});

describe("storage chosen by configuration, as the /media route sees it", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  /** Settings as a deployment would write them; empty means unset, as in a .env file. */
  async function localSettings(): Promise<Record<string, string>> {
    return { S3_BUCKET: "", DATA_DIR: await temporaryDirectory() };
  }
  function s3Settings(): Record<string, string> {
    return {
      S3_BUCKET: BUCKET,
      S3_REGION: REGION,
      S3_ENDPOINT: fake.endpoint,
      S3_ACCESS_KEY_ID: fake.credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: fake.credentials.secretAccessKey,
      S3_FORCE_PATH_STYLE: "true",
      S3_PUBLIC_URL: "",
    };
  }

  /** A fresh module graph under the given settings, since getEnv() and getStorage() both memoise. */
  async function loadApp(settings: Record<string, string>) {
    vi.resetModules();
    vi.unstubAllEnvs();
    for (const [name, value] of Object.entries(settings)) vi.stubEnv(name, value);
    const storageModule = await import("@/lib/storage");
    const s3Module = await import("@/lib/storage/s3");
    const route = await import("@/app/media/[...key]/route");
    return { ...storageModule, S3Storage: s3Module.S3Storage, GET: route.GET };
  }

  /** The same uploads and requests, reduced to what a browser would see. */
  async function mediaTranscript(settings: Record<string, string>) {
    const app = await loadApp(settings);
    const key = photoKey("webp");
    await app.getStorage().put(key, webp, { contentType: "image/webp" });
    const request = async (segments: string[]) => {
      const response = await app.GET(new Request(`http://localhost/media/${segments.join("/")}`), {
        params: Promise.resolve({ key: segments }),
      });
      const body = Buffer.from(await response.arrayBuffer());
      return {
        status: response.status,
        contentType: response.headers.get("content-type"),
        cacheControl: response.headers.get("cache-control"),
        noSniff: response.headers.get("x-content-type-options"),
        body: response.headers.get("content-type")?.startsWith("image/")
          ? body.equals(webp)
          : body.toString("utf8"),
      };
    };
    return [
      await request(key.split("/")),
      await request(photoKey("webp").split("/")),
      await request(["..", "etc", "passwd"]),
      await request(["tenants", "", "x.webp"]),
    ];
  }

  it("picks local disk without S3_BUCKET and S3 with it, once per process", async () => {
    const local = await loadApp(await localSettings());
    expect(local.getStorage()).toBeInstanceOf(local.LocalDiskStorage);
    expect(local.getStorage()).toBe(local.getStorage());

    const s3 = await loadApp(s3Settings());
    expect(s3.getStorage()).toBeInstanceOf(s3.S3Storage);
    expect(s3.getStorage()).toBe(s3.getStorage());
  });

  it("refuses half an S3 key pair instead of quietly using other credentials", async () => {
    const app = await loadApp({ ...s3Settings(), S3_SECRET_ACCESS_KEY: "" });
    expect(() => app.getStorage()).toThrow(/S3_SECRET_ACCESS_KEY/);
  });

  it("serves the same responses from /media whichever driver stores the photos", async () => {
    const fromLocal = await mediaTranscript(await localSettings());
    const fromS3 = await mediaTranscript(s3Settings());
    expect(fromS3).toEqual(fromLocal);
    expect(fromLocal).toEqual([
      { status: 200, contentType: "image/webp", cacheControl: IMMUTABLE, noSniff: "nosniff", body: true },
      {
        status: 404,
        contentType: "application/json",
        cacheControl: null,
        noSniff: null,
        body: JSON.stringify({ error: "not_found", message: "No such file" }),
      },
      {
        status: 400,
        contentType: "application/json",
        cacheControl: null,
        noSniff: null,
        body: expect.stringContaining('"error":"invalid"'),
      },
      {
        status: 400,
        contentType: "application/json",
        cacheControl: null,
        noSniff: null,
        body: expect.stringContaining('"error":"invalid"'),
      },
    ]);
  });
});
