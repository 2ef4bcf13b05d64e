// The one path every uploaded photo takes: type, size and pixel checks (decompression bombs are
// refused before decoding), EXIF removed (no GPS leaks), auto-rotated, responsive WebP and AVIF
// variants and a tiny blur placeholder.
import sharp from "sharp";

export type PhotoProblem = "unsupported_type" | "too_large" | "too_many_pixels" | "corrupt";

const MESSAGES: Record<PhotoProblem, { id: string; en: string }> = {
  unsupported_type: {
    id: "Format foto tidak didukung. Gunakan JPEG, PNG, WebP, atau AVIF.",
    en: "Unsupported photo format. Use JPEG, PNG, WebP or AVIF.",
  },
  too_large: { id: "Ukuran file foto terlalu besar.", en: "The photo file is too large." },
  too_many_pixels: { id: "Resolusi foto terlalu besar.", en: "The photo has too many pixels." },
  corrupt: { id: "File foto rusak atau tidak bisa dibaca.", en: "The photo file is damaged or unreadable." },
};

export class PhotoRejected extends Error {
  constructor(public readonly code: PhotoProblem) {
    super(MESSAGES[code].en);
    this.name = "PhotoRejected";
  }
  messageIn(locale: "id" | "en"): string {
    return MESSAGES[this.code][locale];
  }
}

export const VARIANT_WIDTHS = [320, 640, 1024, 1600] as const;

export interface PhotoVariant {
  format: "webp" | "avif";
  width: number;
  height: number;
  bytes: Buffer;
}

export interface ProcessedPhoto {
  width: number;
  height: number;
  variants: PhotoVariant[];
  blurDataUrl: string;
  originalBytes: number;
}

export interface PipelineOptions {
  maxBytes?: number;
  maxPixels?: number;
  widths?: readonly number[];
}

/** Recognised by content, never by file name or claimed type. */
export function sniffImageType(bytes: Buffer): "jpeg" | "png" | "webp" | "avif" | null {
  if (bytes.length < 12) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return "png";
  if (bytes.toString("ascii", 0, 4) === "RIFF" && bytes.toString("ascii", 8, 12) === "WEBP") return "webp";
  if (
    bytes.toString("ascii", 4, 8) === "ftyp" &&
    /^(avif|avis|heic|heix|mif1)/.test(bytes.toString("ascii", 8, 12))
  )
    return "avif";
  return null;
}

export async function processPhoto(input: Buffer, options: PipelineOptions = {}): Promise<ProcessedPhoto> {
  const maxBytes = options.maxBytes ?? 15 * 1024 * 1024;
  const maxPixels = options.maxPixels ?? 40_000_000;
  if (input.length > maxBytes) throw new PhotoRejected("too_large");
  if (!sniffImageType(input)) throw new PhotoRejected("unsupported_type");

  let metadata: sharp.Metadata;
  try {
    // Reading the header decodes no pixels, so it is safe without the limit and tells us the size.
    metadata = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw new PhotoRejected("corrupt");
  }
  // The header's dimensions are checked before any pixel is decoded.
  if (!metadata.width || !metadata.height) throw new PhotoRejected("corrupt");
  if (metadata.width * metadata.height > maxPixels) throw new PhotoRejected("too_many_pixels");

  let upright: { data: Buffer; info: sharp.OutputInfo };
  try {
    // rotate() applies the EXIF orientation; sharp writes no metadata unless asked, so EXIF and GPS are gone.
    upright = await sharp(input, { limitInputPixels: maxPixels })
      .rotate()
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw new PhotoRejected("corrupt");
  }
  const { width, height, channels } = upright.info;
  const decoded = () => sharp(upright.data, { raw: { width, height, channels } });
  const widths = (options.widths ?? VARIANT_WIDTHS).filter((candidate) => candidate <= width);
  if (widths.length === 0) widths.push(width);

  const variants: PhotoVariant[] = [];
  for (const target of widths) {
    const resized = decoded().resize({ width: target, withoutEnlargement: true });
    const webp = await resized.clone().webp({ quality: 75 }).toBuffer({ resolveWithObject: true });
    variants.push({ format: "webp", width: webp.info.width, height: webp.info.height, bytes: webp.data });
    const avif = await resized.clone().avif({ quality: 50, effort: 2 }).toBuffer({ resolveWithObject: true });
    variants.push({ format: "avif", width: avif.info.width, height: avif.info.height, bytes: avif.data });
  }
  const blur = await decoded().resize({ width: 16 }).webp({ quality: 40 }).toBuffer();
  return {
    width,
    height,
    variants,
    blurDataUrl: `data:image/webp;base64,${blur.toString("base64")}`,
    originalBytes: input.length,
  };
}
