// The showroom plan's limit on cars in stock (every car not sold counts; sold cars stay for history
// and reports without taking a place). Checked under the limit's lock before a car is added or a
// sold car put back on sale; the database trigger refuses whatever gets past (see
// lib/core/db/plan-limits.ts).
import "server-only";
import type { Tx } from "@/lib/core/db/client";
import { lockPlanLimit, PlanLimitReached } from "@/lib/core/db/plan-limits";

/** Throws PlanLimitReached (nothing written yet) when one more unsold car would pass the plan. */
export async function assertVehicleSlotFree(tx: Tx, tenantId: string): Promise<void> {
  await lockPlanLimit(tx, "vehicles_within_plan", tenantId);
  const { maxVehicles } = await tx.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { maxVehicles: true },
  });
  const inStock = await tx.vehicle.count({ where: { tenantId, status: { not: "sold" } } });
  if (inStock >= maxVehicles) throw new PlanLimitReached("vehicles_within_plan", maxVehicles);
}
