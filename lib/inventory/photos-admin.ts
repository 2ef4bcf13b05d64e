// Staff changes to a vehicle's photos: add (through the one image pipeline), reorder, choose the
// main photo, delete. Each runs in the caller's tenant transaction and writes an audit row; RLS
// makes another showroom's vehicle or photo id look unknown (NotFound).
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/audit/record";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/core/db/client";
import { Invalid, NotFound } from "@/lib/core/errors";
import type { Locale } from "@/lib/core/i18n/messages";
import { readVariants, storeVehiclePhoto } from "@/lib/images/photos";
import { PhotoRejected } from "@/lib/images/pipeline";
import { getStorage } from "@/lib/storage";

interface PhotoContext {
  tenantId: string;
  actor: Actor;
}

const isUuid = (value: string) => z.uuid().safeParse(value).success;

async function photoOrThrow(tx: Tx, photoId: string) {
  const photo = isUuid(photoId) ? await tx.vehiclePhoto.findUnique({ where: { id: photoId } }) : null;
  if (!photo) throw new NotFound("Photo not found");
  return photo;
}

async function vehicleOrThrow(tx: Tx, vehicleId: string): Promise<void> {
  const vehicle = isUuid(vehicleId)
    ? await tx.vehicle.findUnique({ where: { id: vehicleId }, select: { id: true } })
    : null;
  if (!vehicle) throw new NotFound("Vehicle not found");
}

/** Adds one uploaded photo; a refused file becomes Invalid with the pipeline's message in `locale`. */
export async function addVehiclePhoto(
  tx: Tx,
  options: PhotoContext & { vehicleId: string; bytes: Buffer; locale: Locale },
) {
  await vehicleOrThrow(tx, options.vehicleId);
  try {
    const photo = await storeVehiclePhoto(tx, {
      tenantId: options.tenantId,
      vehicleId: options.vehicleId,
      bytes: options.bytes,
    });
    await recordAudit(tx, {
      tenantId: options.tenantId,
      actor: options.actor,
      action: "vehicle.photo.add",
      entity: "vehicle",
      entityId: options.vehicleId,
      after: {
        photoId: photo.id,
        position: photo.position,
        isMain: photo.isMain,
        width: photo.width,
        height: photo.height,
      },
    });
    return photo;
  } catch (error) {
    if (error instanceof PhotoRejected)
      throw new Invalid(error.messageIn(options.locale), { file: [error.messageIn(options.locale)] });
    throw error;
  }
}

/** Puts the vehicle's photos in the given order; the list must name each of its photos once. */
export async function reorderVehiclePhotos(
  tx: Tx,
  options: PhotoContext & { vehicleId: string; photoIds: string[] },
) {
  await vehicleOrThrow(tx, options.vehicleId);
  const photos = await tx.vehiclePhoto.findMany({
    where: { vehicleId: options.vehicleId },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  const current = photos.map((photo) => photo.id);
  const sameSet =
    options.photoIds.length === current.length &&
    new Set(options.photoIds).size === current.length &&
    options.photoIds.every((id) => current.includes(id));
  if (!sameSet) throw new NotFound("Photo not found");
  for (const [position, id] of options.photoIds.entries())
    await tx.vehiclePhoto.update({ where: { id }, data: { position } });
  await recordAudit(tx, {
    tenantId: options.tenantId,
    actor: options.actor,
    action: "vehicle.photo.reorder",
    entity: "vehicle",
    entityId: options.vehicleId,
    before: { order: current },
    after: { order: options.photoIds },
  });
  return { vehicleId: options.vehicleId, order: options.photoIds };
}

/** Makes one photo the vehicle's main (cover) photo. */
export async function setMainVehiclePhoto(tx: Tx, options: PhotoContext & { photoId: string }) {
  const photo = await photoOrThrow(tx, options.photoId);
  const previous = await tx.vehiclePhoto.findFirst({
    where: { vehicleId: photo.vehicleId, isMain: true },
    select: { id: true },
  });
  await tx.vehiclePhoto.updateMany({
    where: { vehicleId: photo.vehicleId, isMain: true },
    data: { isMain: false },
  });
  await tx.vehiclePhoto.update({ where: { id: photo.id }, data: { isMain: true } });
  await recordAudit(tx, {
    tenantId: options.tenantId,
    actor: options.actor,
    action: "vehicle.photo.main",
    entity: "vehicle",
    entityId: photo.vehicleId,
    before: { mainPhotoId: previous?.id ?? null },
    after: { mainPhotoId: photo.id },
  });
  return { vehicleId: photo.vehicleId, photoId: photo.id };
}

/**
 * Deletes a photo's row and returns the storage keys of its files, to be deleted once the
 * transaction has committed (a rollback must not leave a row pointing at deleted files).
 */
export async function deleteVehiclePhoto(tx: Tx, options: PhotoContext & { photoId: string }) {
  const photo = await photoOrThrow(tx, options.photoId);
  await tx.vehiclePhoto.delete({ where: { id: photo.id } });
  const rest = await tx.vehiclePhoto.findMany({
    where: { vehicleId: photo.vehicleId },
    orderBy: { position: "asc" },
    select: { id: true, isMain: true },
  });
  for (const [position, other] of rest.entries()) {
    // The next photo becomes the cover so the catalog never shows a car without one while it has photos.
    const isMain = other.isMain || (photo.isMain && position === 0);
    await tx.vehiclePhoto.update({ where: { id: other.id }, data: { position, isMain } });
  }
  await recordAudit(tx, {
    tenantId: options.tenantId,
    actor: options.actor,
    action: "vehicle.photo.delete",
    entity: "vehicle",
    entityId: photo.vehicleId,
    before: { photoId: photo.id, position: photo.position, isMain: photo.isMain },
  });
  const keys = [
    ...new Set(
      [photo.storageKey, ...readVariants(photo.variants).map((variant) => variant.key)].filter(Boolean),
    ),
  ];
  return { vehicleId: photo.vehicleId, photoId: photo.id, keys };
}

/** Removes stored files; a file that is already gone is not an error. */
export async function deleteStoredFiles(keys: string[]): Promise<void> {
  const storage = getStorage();
  await Promise.all(keys.map((key) => storage.delete(key)));
}
