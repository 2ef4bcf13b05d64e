// The dashboard's quick changes to one vehicle (status, price). The form's full save is
// lib/inventory/save-vehicle.ts.
import "server-only";

import type { Actor } from "@/lib/audit/record";
import type { Tx } from "@/lib/core/db/client";
import { isUuid } from "@/lib/core/db/tenant";
import { NotFound } from "@/lib/core/errors";
import type { Translate } from "@/lib/core/i18n/messages";
import type { Vehicle } from "@/lib/generated/prisma/client";
import type { VehiclePatch } from "@/lib/inventory/vehicle-input";
import { updateVehicle } from "@/lib/inventory/vehicles";

/** A partial update (a quick status or price change); a foreign or malformed id is simply not found. */
export async function updateVehicleFields(
  tx: Tx,
  options: { tenantId: string; actor: Actor; vehicleId: string; patch: VehiclePatch; t?: Translate },
): Promise<Vehicle> {
  if (!isUuid(options.vehicleId)) throw new NotFound("Vehicle not found");
  return updateVehicle(tx, {
    tenantId: options.tenantId,
    actor: options.actor,
    vehicleId: options.vehicleId,
    input: options.patch,
    t: options.t,
  });
}
