// Cars for tests, created through createVehicle as the dashboard does (validation, history, audit).
import { systemActor } from "@/lib/audit/record";
import type { Tx } from "@/lib/core/db/client";
import { withTenant } from "@/lib/core/db/tenant";
import type { VehicleInput } from "@/lib/inventory/vehicle-input";
import { createVehicle } from "@/lib/inventory/vehicles";

/** The car most tests ask about: a 2020 Avanza 1.5 G automatic, 40,000 km, Rp 185 juta, for sale. */
export const AVANZA_2020 = {
  brand: "Toyota",
  model: "Avanza",
  variant: "1.5 G",
  year: 2020,
  transmission: "automatic",
  mileageKm: 40_000,
  price: 185_000_000n,
  status: "available",
} as const satisfies Partial<VehicleInput>;

/** Adds a car inside a transaction already open on the showroom. */
export function addVehicle(tx: Tx, tenantId: string, input: VehicleInput) {
  return createVehicle(tx, { tenantId, actor: systemActor("test"), input });
}

/** Adds a car in a transaction of its own. */
export function makeVehicle(tenantId: string, input: VehicleInput) {
  return withTenant(tenantId, (tx) => addVehicle(tx, tenantId, input));
}
