// Inbound images and documents: media id -> URL -> download with the bearer token, checked against
// the sha256 WhatsApp sent, then stored through the storage driver. Images are re-encoded by sharp
// on the way in (EXIF and GPS dropped, pixel limit enforced) like every other photo.
import "server-only";
import sharp from "sharp";
import { withTenant } from "@/lib/core/db/tenant";
import { getStorage } from "@/lib/storage";
import { graphClientFor } from "@/lib/whatsapp/accounts";
import { MediaIntegrityError } from "@/lib/whatsapp/graph-client";
import type { InboundMessage } from "@/lib/whatsapp/webhook-schema";

export const MAX_MEDIA_BYTES = 16 * 1024 * 1024;
const MAX_PIXELS = 40_000_000;
const DOCUMENT_TYPES: Record<string, string> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
};

export interface MediaReference {
  mediaId: string;
  sha256?: string;
  mimeType?: string;
  kind: "image" | "document";
}

/** The media a stored message points at, for the kinds we keep. */
export function mediaOf(message: InboundMessage): MediaReference | null {
  if (message.type !== "image" && message.type !== "document") return null;
  const media = message.type === "image" ? message.image : message.document;
  return { mediaId: media.id, sha256: media.sha256, mimeType: media.mime_type, kind: message.type };
}

async function normalise(
  bytes: Buffer,
  reference: MediaReference,
  mimeType: string,
): Promise<{ bytes: Buffer; extension: string; contentType: string } | null> {
  if (reference.kind === "image" || mimeType.startsWith("image/")) {
    const meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
    if (!meta.width || !meta.height) return null;
    const jpeg = await sharp(bytes, { limitInputPixels: MAX_PIXELS })
      .rotate()
      .jpeg({ quality: 85 })
      .toBuffer();
    return { bytes: jpeg, extension: "jpg", contentType: "image/jpeg" };
  }
  const extension = DOCUMENT_TYPES[mimeType];
  return extension ? { bytes, extension, contentType: mimeType } : null;
}

/** The queue's job for one inbound media message. Throws to be retried on network errors. */
export async function fetchInboundMedia(options: {
  tenantId: string;
  messageId: string;
  reference: MediaReference;
}): Promise<"stored" | "skipped"> {
  const client = await withTenant(options.tenantId, (tx) => graphClientFor(tx, options.tenantId));
  if (!client) return "skipped";
  const info = await client.getMediaInfo(options.reference.mediaId);
  if (info.file_size > MAX_MEDIA_BYTES) return "skipped";
  let bytes: Buffer;
  try {
    bytes = await client.downloadMedia(info.url, options.reference.sha256 ?? info.sha256);
  } catch (error) {
    // A file that is not the one WhatsApp described is never stored, and retrying will not fix it.
    if (error instanceof MediaIntegrityError) {
      console.warn(`[whatsapp] media ${options.reference.mediaId} refused: ${error.message}`);
      return "skipped";
    }
    throw error;
  }
  const stored = await normalise(bytes, options.reference, info.mime_type).catch(() => null);
  if (!stored) return "skipped";
  const key = `wa/${options.tenantId}/${options.messageId}.${stored.extension}`;
  await getStorage().put(key, stored.bytes, { contentType: stored.contentType });
  await withTenant(options.tenantId, (tx) =>
    tx.waMessage.update({ where: { id: options.messageId }, data: { mediaKey: key } }),
  );
  return "stored";
}
