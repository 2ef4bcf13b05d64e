// Uploaded files on Amazon S3 or any S3-compatible store (MinIO, R2, Wasabi...), chosen by getStorage() when S3_BUCKET is set.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
// A cycle with lib/storage (which picks this driver), harmless: assertSafeKey is only called per request, never at load.
import {
  assertPublicKey,
  assertSafeKey,
  isPrivateKey,
  type StorageDriver,
  type StoredObject,
} from "@/lib/storage/driver";

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** Only for S3-compatible stores; unset means AWS itself. */
  endpoint?: string;
  /** Unset: the SDK's default chain (instance role, AWS_* variables, profile). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Most S3-compatible stores (and s3rver) only understand bucket-in-the-path URLs. */
  forcePathStyle: boolean;
  /** Base URL that serves the bucket directly (a CDN, say); unset: the app streams objects through /media. */
  publicUrl?: string;
}

// Keys embed a random photo id and are never rewritten with different bytes, so any cache may keep them forever.
const IMMUTABLE = "public, max-age=31536000, immutable";
// Buyers' files: no shared cache may keep them, whatever serves the bucket.
const PRIVATE = "private, no-store";

export class S3Storage implements StorageDriver {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly publicBase: string | undefined;

  constructor(options: S3StorageOptions) {
    this.bucket = options.bucket;
    this.publicBase = options.publicUrl?.replace(/\/+$/, "");
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      credentials: options.credentials,
      forcePathStyle: options.forcePathStyle,
      // Since SDK 3.729 every upload carries a CRC32 checksum header by default, which several S3-compatible
      // stores answered with 400/501 (Cloudflare R2 at the time); a single PUT needs no checksum on AWS.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  async put(key: string, bytes: Buffer, options: { contentType: string }): Promise<void> {
    assertSafeKey(key);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: bytes,
        ContentType: options.contentType,
        CacheControl: isPrivateKey(key) ? PRIVATE : IMMUTABLE,
      }),
    );
  }

  async get(key: string): Promise<StoredObject | null> {
    assertSafeKey(key);
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      const body = response.Body ? await response.Body.transformToByteArray() : new Uint8Array();
      // A view over the SDK's array rather than a copy: photos can be megabytes.
      return {
        bytes: Buffer.from(body.buffer, body.byteOffset, body.byteLength),
        contentType: response.ContentType ?? "application/octet-stream",
      };
    } catch (error) {
      if (isMissingObject(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertSafeKey(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      // S3 answers 204 for a missing key, but some compatible stores answer 404; both mean "already gone".
      if (!isMissingObject(error)) throw error;
    }
  }

  publicUrl(key: string): string {
    assertPublicKey(key);
    // Safe keys hold only URL-safe characters, so they need no encoding.
    return this.publicBase ? `${this.publicBase}/${key}` : `/media/${key}`;
  }
}

/**
 * NoSuchKey when the store sends an error body; a bare 404 when it does not (HEAD-style answers, some
 * compatible stores). AWS answers 403 instead of 404 when the credentials lack s3:ListBucket: that stays
 * an error on purpose, since it is a misconfiguration, not a missing photo.
 */
function isMissingObject(error: unknown): boolean {
  if (error instanceof NoSuchKey) return true;
  if (!(error instanceof S3ServiceException)) return false;
  // A missing bucket is also a 404, but it is a misconfiguration that must not look like an empty store.
  if (error.name === "NoSuchBucket") return false;
  return error.name === "NoSuchKey" || error.$metadata.httpStatusCode === 404;
}
