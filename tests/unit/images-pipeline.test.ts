import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { PhotoRejected, processPhoto } from "@/lib/images/pipeline";

async function photo(
  width: number,
  height: number,
  options: { orientation?: number; gps?: boolean } = {},
): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: "#3366aa" } }).jpeg();
  if (options.orientation) return image.withMetadata({ orientation: options.orientation }).toBuffer();
  if (options.gps)
    return image
      .withExif({ IFD0: { Make: "TestCam" }, IFD3: { GPSLatitudeRef: "S", GPSLatitude: "6/1 10/1 0/1" } })
      .toBuffer();
  return image.toBuffer();
}

const rejection = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (error) {
    return error instanceof PhotoRejected ? error.code : String(error);
  }
  return "accepted";
};

describe("photo pipeline", () => {
  it("rejects a file that is not an image, whatever it is called", async () => {
    expect(await rejection(processPhoto(Buffer.from("this is a text file pretending to be car.jpg")))).toBe(
      "unsupported_type",
    );
  });

  it("rejects a decompression bomb before decoding it", async () => {
    const bomb = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: "#fff" } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(1_000_000);
    expect(await rejection(processPhoto(bomb, { maxPixels: 40_000_000 }))).toBe("too_many_pixels");
    // Making the 100-megapixel bomb itself takes seconds on a busy two-core machine.
  }, 30_000);

  it("rejects files over the size limit", async () => {
    expect(await rejection(processPhoto(await photo(200, 100), { maxBytes: 100 }))).toBe("too_large");
  });

  it("removes EXIF, including GPS, from every variant", async () => {
    const original = await photo(800, 600, { gps: true });
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const processed = await processPhoto(original);
    for (const variant of processed.variants) {
      const metadata = await sharp(variant.bytes).metadata();
      expect(metadata.exif).toBeUndefined();
    }
  });

  it("turns a photo taken sideways upright", async () => {
    const processed = await processPhoto(await photo(800, 600, { orientation: 6 }));
    expect({ width: processed.width, height: processed.height }).toEqual({ width: 600, height: 800 });
  });

  it("makes WebP and AVIF variants no wider than the original, and a tiny placeholder", async () => {
    const processed = await processPhoto(await photo(700, 500));
    expect(processed.variants.map((variant) => `${variant.format}@${variant.width}`)).toEqual([
      "webp@320",
      "avif@320",
      "webp@640",
      "avif@640",
    ]);
    expect(processed.blurDataUrl).toMatch(/^data:image\/webp;base64,/);
    expect(processed.blurDataUrl.length).toBeLessThan(800);
  });
});
