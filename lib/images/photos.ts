// Vehicle photos: through the pipeline, into storage, onto the vehicle, inside the tenant's transaction.
import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Tx } from "@/lib/core/db/client";
import { lockPlanLimit, PlanLimitReached, refusingOverLimit } from "@/lib/core/db/plan-limits";
import { NotFound } from "@/lib/core/errors";
import type { VehiclePhoto } from "@/lib/generated/prisma/client";
import { processPhoto } from "@/lib/images/pipeline";
import { getStorage } from "@/lib/storage";

export interface StoredVariant {
  format: "webp" | "avif";
  width: number;
  height: number;
  key: string;
  bytes: number;
}

// Photos one car may have: plenty for a listing, and a bound on storage and page weight. The
// database trigger (migration 20261205040000) holds the same number.
export const MAX_PHOTOS_PER_VEHICLE = 30;

/**
 * Throws PlanLimitReached (nothing written) when the car already has its photos. `locked` takes
 * the car's lock first, so two uploads at once cannot both take the last place; it is held until
 * the transaction ends, so it is taken only just before the insert, after the image work.
 */
async function assertPhotoSlotFree(tx: Tx, vehicleId: string, options: { locked: boolean }): Promise<void> {
  if (options.locked) await lockPlanLimit(tx, "vehicle_photos_within_cap", vehicleId);
  const photos = await tx.vehiclePhoto.count({ where: { vehicleId } });
  if (photos >= MAX_PHOTOS_PER_VEHICLE)
    throw new PlanLimitReached("vehicle_photos_within_cap", MAX_PHOTOS_PER_VEHICLE);
}

export async function storeVehiclePhoto(
  tx: Tx,
  options: { tenantId: string; vehicleId: string; bytes: Buffer; isMain?: boolean },
): Promise<VehiclePhoto> {
  // Another showroom's vehicle is invisible here, so its id is refused like an unknown one.
  const vehicle = await tx.vehicle.findUnique({ where: { id: options.vehicleId }, select: { id: true } });
  if (!vehicle) throw new NotFound("Vehicle not found");
  // Refused before any image work when the car is full; checked again under the lock below.
  await assertPhotoSlotFree(tx, vehicle.id, { locked: false });
  const processed = await processPhoto(options.bytes);
  const photoId = randomUUID();
  const storage = getStorage();
  const variants: StoredVariant[] = [];
  for (const variant of processed.variants) {
    const key = `tenants/${options.tenantId}/vehicles/${options.vehicleId}/${photoId}-${variant.width}.${variant.format}`;
    await storage.put(key, variant.bytes, { contentType: `image/${variant.format}` });
    variants.push({
      format: variant.format,
      width: variant.width,
      height: variant.height,
      key,
      bytes: variant.bytes.length,
    });
  }
  try {
    await assertPhotoSlotFree(tx, vehicle.id, { locked: true });
  } catch (error) {
    await Promise.all(variants.map((variant) => storage.delete(variant.key)));
    throw error;
  }
  const existing = await tx.vehiclePhoto.findMany({
    where: { vehicleId: options.vehicleId },
    select: { position: true, isMain: true },
  });
  const isMain = options.isMain ?? !existing.some((photo) => photo.isMain);
  if (isMain)
    await tx.vehiclePhoto.updateMany({
      where: { vehicleId: options.vehicleId, isMain: true },
      data: { isMain: false },
    });
  const largestWebp = variants.filter((variant) => variant.format === "webp").at(-1) ?? variants[0];
  return refusingOverLimit(
    tx.vehiclePhoto.create({
      data: {
        id: photoId,
        tenantId: options.tenantId,
        vehicleId: options.vehicleId,
        position: existing.reduce((max, photo) => Math.max(max, photo.position + 1), 0),
        isMain,
        storageKey: largestWebp?.key ?? "",
        variants: variants.map((variant) => ({ ...variant })),
        width: processed.width,
        height: processed.height,
        bytes: processed.originalBytes,
        blurDataUrl: processed.blurDataUrl,
      },
    }),
  );
}

const StoredVariants = z.array(
  z.object({
    format: z.enum(["webp", "avif"]),
    width: z.number(),
    height: z.number(),
    key: z.string(),
    bytes: z.number(),
  }),
);

/** The variants column as written by storeVehiclePhoto; anything else reads as no variants. */
export function readVariants(json: unknown): StoredVariant[] {
  const parsed = StoredVariants.safeParse(json);
  return parsed.success ? parsed.data : [];
}

/** srcset strings for a <picture>: AVIF first for browsers that take it, WebP otherwise. */
export function photoSources(variants: StoredVariant[]): {
  avifSrcSet: string;
  webpSrcSet: string;
  fallbackUrl: string;
} {
  const storage = getStorage();
  const srcSet = (format: "webp" | "avif") =>
    variants
      .filter((variant) => variant.format === format)
      .map((variant) => `${storage.publicUrl(variant.key)} ${variant.width}w`)
      .join(", ");
  const webp = variants.filter((variant) => variant.format === "webp");
  const fallback = webp.find((variant) => variant.width >= 640) ?? webp.at(-1) ?? variants[0];
  return {
    avifSrcSet: srcSet("avif"),
    webpSrcSet: srcSet("webp"),
    fallbackUrl: fallback ? storage.publicUrl(fallback.key) : "",
  };
}
