// Vehicles inside a showroom's transaction: create, update with history, upsert by stock code.
// Each entry point validates its input once (VehicleInput / VehiclePatch) and writes one audit row
// per save; the writers below them take validated data. Reads rely on row-level security; writes
// name the tenant because the policy checks it.
import "server-only";

import type { Actor } from "@/lib/audit/record";
import { recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/core/db/client";
import { refusingOverLimit } from "@/lib/core/db/plan-limits";
import { NotFound } from "@/lib/core/errors";
import { type Translate, translator } from "@/lib/core/i18n/messages";
import type { Vehicle } from "@/lib/generated/prisma/client";
import { parsePlate } from "@/lib/inventory/plate";
import { guardStockChange } from "@/lib/inventory/sales-limits";
import { assertVehicleSlotFree } from "@/lib/inventory/vehicle-capacity";
import { type ValidVehicle, VehicleInput, VehiclePatch } from "@/lib/inventory/vehicle-input";
import { vehicleInvalid, vehicleProblemsOf } from "@/lib/inventory/vehicle-problems";
import { slugify } from "@/lib/tenancy/slug";

interface WriteContext {
  tenantId: string;
  actor: Actor;
}

/** Messages of a refused input: the caller's language, English for the CLI, seed and scripts. */
interface Language {
  t?: Translate;
}

const english = translator("en");

/** The plate as stored, with its region and ganjil/genap derived from it. */
function plateFields(plateNumber: string | null) {
  const plate = plateNumber ? parsePlate(plateNumber) : null;
  return {
    plateNumber: plate?.normalized ?? null,
    plateRegion: plate?.region ?? null,
    plateParity: plate?.parity ?? null,
  };
}

/** "TOY-0007": the brand's first three letters and the next number for this showroom. */
export async function suggestStockCode(tx: Tx, options: { brand: string }): Promise<string> {
  const prefix = (options.brand.replace(/[^a-z]/gi, "").slice(0, 3) || "CAR").toUpperCase();
  const existing = await tx.vehicle.findMany({
    where: { stockCode: { startsWith: `${prefix}-` } },
    select: { stockCode: true },
  });
  const highest = existing.reduce(
    (max, { stockCode }) => Math.max(max, Number(stockCode.slice(prefix.length + 1)) || 0),
    0,
  );
  return `${prefix}-${String(highest + 1).padStart(4, "0")}`;
}

async function uniqueSlug(
  tx: Tx,
  vehicle: Pick<ValidVehicle, "brand" | "model" | "variant" | "year" | "stockCode">,
  exceptId?: string,
): Promise<string> {
  const base =
    slugify(`${vehicle.brand} ${vehicle.model} ${vehicle.variant ?? ""} ${vehicle.year}`) || "mobil";
  const clash = await tx.vehicle.findFirst({
    where: { slug: base, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  return clash ? `${base}-${slugify(vehicle.stockCode)}` : base;
}

export async function createVehicle(
  tx: Tx,
  options: WriteContext & Language & { input: VehicleInput },
): Promise<Vehicle> {
  const parsed = VehicleInput.safeParse(options.input);
  if (!parsed.success) throw vehicleInvalid(vehicleProblemsOf(parsed.error), options.t ?? english);
  return insertVehicle(tx, { ...options, data: parsed.data });
}

/** A validated new vehicle: the row, its "created" history event and one audit row. */
export async function insertVehicle(
  tx: Tx,
  options: WriteContext & { data: ValidVehicle },
): Promise<Vehicle> {
  const { data } = options;
  if (data.status !== "sold") await assertVehicleSlotFree(tx, options.tenantId);
  const vehicle = await refusingOverLimit(
    tx.vehicle.create({
      data: {
        ...data,
        ...plateFields(data.plateNumber),
        // The first price is the approved one: sales cuts are measured from it.
        approvedPrice: data.price,
        tenantId: options.tenantId,
        slug: await uniqueSlug(tx, data),
      },
    }),
  );
  await tx.vehicleEvent.create({
    data: {
      tenantId: options.tenantId,
      vehicleId: vehicle.id,
      type: "created",
      toStatus: vehicle.status,
      toPrice: vehicle.price,
      actorId: options.actor.userId,
    },
  });
  await recordAudit(tx, {
    tenantId: options.tenantId,
    actor: options.actor,
    action: "vehicle.create",
    entity: "vehicle",
    entityId: vehicle.id,
    after: vehicle,
  });
  return vehicle;
}

const comparable = (value: unknown): unknown => {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.join("\u0001");
  if (typeof value === "bigint") return value.toString();
  return value ?? null;
};

/** The fields of `patch` whose value differs from the stored vehicle. */
export function changedFields(vehicle: Vehicle, patch: Partial<ValidVehicle>): Partial<ValidVehicle> {
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const current = field === "plateNumber" ? vehicle.plateNumber : vehicle[field as keyof Vehicle];
    const next = field === "plateNumber" ? plateFields(value as string | null).plateNumber : value;
    if (comparable(current) !== comparable(next)) changes[field] = value;
  }
  return changes as Partial<ValidVehicle>;
}

export async function updateVehicle(
  tx: Tx,
  options: WriteContext & Language & { vehicleId: string; input: VehiclePatch },
): Promise<Vehicle> {
  const before = await tx.vehicle.findUnique({ where: { id: options.vehicleId } });
  if (!before) throw new NotFound("Vehicle not found");
  const parsed = VehiclePatch.safeParse(options.input);
  if (!parsed.success) throw vehicleInvalid(vehicleProblemsOf(parsed.error), options.t ?? english);
  return changeVehicle(tx, { ...options, before, patch: parsed.data });
}

/** A validated change to a stored vehicle: what differs is written, with history and one audit row. */
export async function changeVehicle(
  tx: Tx,
  options: WriteContext & { before: Vehicle; patch: Partial<ValidVehicle> },
): Promise<Vehicle> {
  const changes = changedFields(options.before, options.patch);
  if (Object.keys(changes).length === 0) return options.before;
  return applyChanges(tx, { ...options, changes });
}

async function applyChanges(
  tx: Tx,
  options: WriteContext & { before: Vehicle; changes: Partial<ValidVehicle> },
): Promise<Vehicle> {
  const { before, changes, tenantId, actor } = options;
  // What sales staff may do is checked here, the one path of every change, whatever its channel.
  const guarded = await guardStockChange(tx, { tenantId, actor, before, changes });
  const merged = { ...before, ...changes };
  const slugChanged = ["brand", "model", "variant", "year"].some((field) => field in changes);
  // A sold car put back on sale takes a place in stock again.
  if (before.status === "sold" && changes.status && changes.status !== "sold")
    await assertVehicleSlotFree(tx, tenantId);
  const vehicle = await refusingOverLimit(
    tx.vehicle.update({
      where: { id: before.id },
      data: {
        ...changes,
        ...guarded,
        ...("plateNumber" in changes ? plateFields(changes.plateNumber ?? null) : {}),
        ...(slugChanged ? { slug: await uniqueSlug(tx, merged, before.id) } : {}),
      },
    }),
  );
  const actorId = actor.userId;
  if (vehicle.status !== before.status) {
    await tx.vehicleEvent.create({
      data: {
        tenantId,
        vehicleId: vehicle.id,
        type: "status_changed",
        fromStatus: before.status,
        toStatus: vehicle.status,
        actorId,
      },
    });
  }
  if (vehicle.price !== before.price) {
    await tx.vehicleEvent.create({
      data: {
        tenantId,
        vehicleId: vehicle.id,
        type: "price_changed",
        fromPrice: before.price,
        toPrice: vehicle.price,
        actorId,
      },
    });
  }
  const beforeChanged = Object.fromEntries(
    Object.keys(changes).map((field) => [field, before[field as keyof Vehicle]]),
  );
  await recordAudit(tx, {
    tenantId,
    actor,
    action: "vehicle.update",
    entity: "vehicle",
    entityId: vehicle.id,
    before: beforeChanged,
    after: changes,
  });
  return vehicle;
}

export type UpsertOutcome = "created" | "updated" | "unchanged";

/**
 * A validated vehicle by stock code: created, or only what differs updated (importing the same data
 * twice changes nothing). Only the columns the source had (`provided`) may change a stored car.
 */
export async function upsertVehicleByStockCode(
  tx: Tx,
  options: WriteContext & { data: ValidVehicle; provided?: ReadonlySet<keyof ValidVehicle> },
): Promise<{ outcome: UpsertOutcome; vehicle: Vehicle }> {
  const existing = await tx.vehicle.findUnique({
    where: { tenantId_stockCode: { tenantId: options.tenantId, stockCode: options.data.stockCode } },
  });
  if (!existing) return { outcome: "created", vehicle: await insertVehicle(tx, options) };
  const patch = pickProvided(options.data, options.provided);
  const changes = changedFields(existing, patch);
  if (Object.keys(changes).length === 0) return { outcome: "unchanged", vehicle: existing };
  return { outcome: "updated", vehicle: await applyChanges(tx, { ...options, before: existing, changes }) };
}

/** The fields of `data` whose columns the source had (all of them without `provided`). */
export function pickProvided(
  data: ValidVehicle,
  provided?: ReadonlySet<keyof ValidVehicle>,
): Partial<ValidVehicle> {
  return Object.fromEntries(
    Object.entries(data).filter(([field]) => !provided || provided.has(field as keyof ValidVehicle)),
  );
}
