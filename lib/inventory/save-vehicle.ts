// Saving a vehicle from the dashboard: the one use case behind the form's save. The input is
// validated once (VehicleInput, messages in the user's language), duplicates are checked (a
// clashing stock code is refused, a plate already on another car needs the user's confirmation),
// and the car is written with its history and exactly one audit row, "in stock since" included.
import "server-only";

import type { Actor } from "@/lib/audit/record";
import type { Tx } from "@/lib/core/db/client";
import { isUuid } from "@/lib/core/db/tenant";
import { DomainError, NotFound } from "@/lib/core/errors";
import type { Translate } from "@/lib/core/i18n/messages";
import type { Vehicle } from "@/lib/generated/prisma/client";
import { findVehicleDuplicates } from "@/lib/inventory/dashboard-vehicles";
import { readVehicleForm, type VehicleFormValues } from "@/lib/inventory/vehicle-form";
import { type ValidVehicle, VehicleInput } from "@/lib/inventory/vehicle-input";
import {
  addProblem,
  type VehicleProblems,
  vehicleInvalid,
  vehicleProblemsOf,
} from "@/lib/inventory/vehicle-problems";
import { changeVehicle, insertVehicle } from "@/lib/inventory/vehicles";

export interface SaveVehicleOptions {
  tenantId: string;
  actor: Actor;
  /** The user's language: every refusal comes back in it. */
  t: Translate;
  /** Absent for a new vehicle. */
  vehicleId?: string;
  input: unknown;
  /** What could not be read from the text the user typed (a form or a file), reported with the rest. */
  unreadable?: VehicleProblems;
  /** The user has seen that another car has this plate and saves anyway. */
  acknowledgeDuplicates?: boolean;
}

/** VehicleInput once; what could not be read replaces the schema's word on the same field. */
function validate(options: SaveVehicleOptions): ValidVehicle {
  const parsed = VehicleInput.safeParse(options.input);
  const problems: VehicleProblems = new Map(options.unreadable);
  if (!parsed.success)
    for (const [field, keys] of vehicleProblemsOf(parsed.error))
      if (!problems.has(field)) for (const key of keys) addProblem(problems, field, key);
  if (problems.size || !parsed.success)
    throw vehicleInvalid(problems, options.t, options.t("action.invalid"));
  return parsed.data;
}

async function refuseDuplicates(tx: Tx, vehicle: ValidVehicle, options: SaveVehicleOptions): Promise<void> {
  const { t } = options;
  const duplicates = await findVehicleDuplicates(tx, {
    stockCode: vehicle.stockCode,
    plateNumber: vehicle.plateNumber,
    exceptId: options.vehicleId,
  });
  const details: Record<string, string[]> = {};
  if (duplicates.stockCode)
    details.stockCode = [t("vehicles.duplicate.stockCode", { car: duplicates.stockCode.label })];
  // The same plate twice is usually a mistake, but a car can come back to the showroom: warn, then allow.
  if (duplicates.plateNumber && !options.acknowledgeDuplicates)
    details.plateNumber = [t("vehicles.duplicate.plate", { car: duplicates.plateNumber.label })];
  if (Object.keys(details).length) throw new DomainError("conflict", t("vehicles.duplicate.title"), details);
}

export async function saveVehicle(tx: Tx, options: SaveVehicleOptions): Promise<Vehicle> {
  // Another showroom's id is unknown here: say so before anything about the input.
  const before = options.vehicleId
    ? isUuid(options.vehicleId)
      ? await tx.vehicle.findUnique({ where: { id: options.vehicleId } })
      : null
    : undefined;
  if (before === null) throw new NotFound("Vehicle not found");
  const vehicle = validate(options);
  await refuseDuplicates(tx, vehicle, options);
  const { tenantId, actor } = options;
  return before
    ? changeVehicle(tx, { tenantId, actor, before, patch: vehicle })
    : insertVehicle(tx, { tenantId, actor, data: vehicle });
}

/** The dashboard form's save: its text read (lib/inventory/vehicle-form.ts), then saveVehicle. */
export async function saveVehicleFromForm(
  tx: Tx,
  options: Omit<SaveVehicleOptions, "input" | "unreadable" | "acknowledgeDuplicates"> & {
    values: VehicleFormValues & { acknowledgeDuplicates?: string };
  },
): Promise<Vehicle> {
  const { values, ...rest } = options;
  const form = readVehicleForm(values);
  return saveVehicle(tx, {
    ...rest,
    input: form.input,
    unreadable: form.unreadable,
    acknowledgeDuplicates: form.acknowledgeDuplicates,
  });
}
