// Saving a vehicle from the dashboard form: duplicate checks first (a clashing stock code is refused,
// a plate already on another car needs the user's confirmation), then createVehicle/updateVehicle,
// which keep the history and the audit trail; "in stock since" is set here because the shared
// VehicleInput does not carry it.
import "server-only";

import type { Actor } from "@/lib/audit/record";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/core/db/client";
import { isUuid } from "@/lib/core/db/tenant";
import { DomainError, NotFound } from "@/lib/core/errors";
import type { Translate } from "@/lib/core/i18n/messages";
import type { Vehicle } from "@/lib/generated/prisma/client";
import { findVehicleDuplicates } from "@/lib/inventory/dashboard-vehicles";
import type { ParsedVehicleForm } from "@/lib/inventory/vehicle-form";
import type { VehiclePatch } from "@/lib/inventory/vehicle-input";
import { createVehicle, updateVehicle } from "@/lib/inventory/vehicles";

interface SaveOptions {
  tenantId: string;
  actor: Actor;
  form: ParsedVehicleForm;
  t: Translate;
  /** Absent for a new vehicle. */
  vehicleId?: string;
}

async function refuseDuplicates(tx: Tx, options: SaveOptions): Promise<void> {
  const { vehicle, acknowledgeDuplicates } = options.form;
  const duplicates = await findVehicleDuplicates(tx, {
    stockCode: vehicle.stockCode,
    plateNumber: vehicle.plateNumber,
    exceptId: options.vehicleId,
  });
  const details: Record<string, string[]> = {};
  if (duplicates.stockCode)
    details.stockCode = [options.t("vehicles.duplicate.stockCode", { car: duplicates.stockCode.label })];
  // The same plate twice is usually a mistake, but a car can come back to the showroom: warn, then allow.
  if (duplicates.plateNumber && !acknowledgeDuplicates)
    details.plateNumber = [options.t("vehicles.duplicate.plate", { car: duplicates.plateNumber.label })];
  if (Object.keys(details).length)
    throw new DomainError("conflict", options.t("vehicles.duplicate.title"), details);
}

async function setInStockSince(
  tx: Tx,
  options: { tenantId: string; actor: Actor; vehicle: Vehicle; inStockSince: Date | null },
): Promise<Vehicle> {
  const { vehicle, inStockSince } = options;
  if (!inStockSince || inStockSince.getTime() === vehicle.inStockSince.getTime()) return vehicle;
  const updated = await tx.vehicle.update({ where: { id: vehicle.id }, data: { inStockSince } });
  await recordAudit(tx, {
    tenantId: options.tenantId,
    actor: options.actor,
    action: "vehicle.update",
    entity: "vehicle",
    entityId: vehicle.id,
    before: { inStockSince: vehicle.inStockSince },
    after: { inStockSince },
  });
  return updated;
}

export async function saveVehicleFromForm(tx: Tx, options: SaveOptions): Promise<Vehicle> {
  // Another showroom's id is unknown here: say so before anything about duplicates.
  if (
    options.vehicleId &&
    !(
      isUuid(options.vehicleId) &&
      (await tx.vehicle.findUnique({ where: { id: options.vehicleId }, select: { id: true } }))
    )
  ) {
    throw new NotFound("Vehicle not found");
  }
  await refuseDuplicates(tx, options);
  const { tenantId, actor, form } = options;
  const saved = options.vehicleId
    ? await updateVehicle(tx, { tenantId, actor, vehicleId: options.vehicleId, input: form.vehicle })
    : await createVehicle(tx, { tenantId, actor, input: form.vehicle });
  return setInStockSince(tx, { tenantId, actor, vehicle: saved, inStockSince: form.inStockSince });
}

/** A partial update (a quick status or price change); a foreign or malformed id is simply not found. */
export async function updateVehicleFields(
  tx: Tx,
  options: { tenantId: string; actor: Actor; vehicleId: string; patch: VehiclePatch },
): Promise<Vehicle> {
  if (!isUuid(options.vehicleId)) throw new NotFound("Vehicle not found");
  return updateVehicle(tx, {
    tenantId: options.tenantId,
    actor: options.actor,
    vehicleId: options.vehicleId,
    input: options.patch,
  });
}
