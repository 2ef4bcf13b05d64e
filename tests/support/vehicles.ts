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

/** An older, cheaper Avanza (1.3 E manual, 80,000 km, Rp 139 juta); its status is the test's to say. */
export const AVANZA_2018 = {
  brand: "Toyota",
  model: "Avanza",
  variant: "1.3 E",
  year: 2018,
  transmission: "manual",
  mileageKm: 80_000,
  price: 139_000_000n,
} as const satisfies Partial<VehicleInput>;

/** A 2019 Jazz RS automatic, 60,000 km; price and status are the test's to say. */
export const JAZZ_RS_2019 = {
  brand: "Honda",
  model: "Jazz",
  variant: "RS",
  year: 2019,
  transmission: "automatic",
  mileageKm: 60_000,
} as const satisfies Partial<VehicleInput>;

/** Adds a car inside a transaction already open on the showroom. */
export function addVehicle(tx: Tx, tenantId: string, input: VehicleInput) {
  return createVehicle(tx, { tenantId, actor: systemActor("test"), input });
}

/** Adds a car in a transaction of its own. */
export function makeVehicle(tenantId: string, input: VehicleInput) {
  return withTenant(tenantId, (tx) => addVehicle(tx, tenantId, input));
}
