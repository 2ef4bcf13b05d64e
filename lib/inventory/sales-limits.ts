// What sales staff may do to stock, whichever way the change comes (dashboard form, quick actions,
// command bar, WhatsApp staff commands): every vehicle change goes through applyChanges
// (lib/inventory/vehicles.ts), which asks here. Owners and admins (vehicles.manage) and system
// tasks (CLI, import by an admin, seed) are never limited. A sales price cut is measured from the
// vehicle's approved price (the one a manager last set), so small cuts in a row cannot add up.
import "server-only";
import type { Actor } from "@/lib/audit/record";
import { memberRole } from "@/lib/auth/member-role";
import { can } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/core/db/client";
import { Forbidden } from "@/lib/core/errors";
import type { MessageKey } from "@/lib/core/i18n/messages";
import type { Vehicle } from "@/lib/generated/prisma/client";
import type { ValidVehicle } from "@/lib/inventory/vehicle-input";
import { readSalesLimits, type SalesLimits } from "@/lib/settings/sales-limits";

export interface SalesLimitRefusal {
  field: "status" | "price";
  key: MessageKey;
  /** The allowed cut, for the message's {n}. */
  percent?: number;
}

/** The refusal as a domain error's message: the key, and its argument after a colon ("key:5"). */
function messageOf(refusal: SalesLimitRefusal): string {
  return refusal.percent === undefined ? refusal.key : `${refusal.key}:${refusal.percent}`;
}

/** Null when `actor` is not limited: not a person, or a person allowed to manage stock. */
export async function limitsFor(
  tx: Tx,
  options: { tenantId: string; actor: Actor },
): Promise<SalesLimits | null> {
  const userId = options.actor.userId;
  if (!userId) return null;
  const role = await memberRole(tx, userId);
  if (role && can(role, "vehicles.manage")) return null;
  return readSalesLimits(tx, options.tenantId);
}

/** Whether a change touches what the limits are about; other changes need no lookup at all. */
export function touchesSalesLimits(before: Vehicle, changes: Partial<ValidVehicle>): boolean {
  const sells = changes.status === "sold" && before.status !== "sold";
  const cuts = changes.price !== undefined && changes.price < before.price;
  return sells || cuts;
}

/** The lowest price sales staff may set: the approved price less the showroom's allowed cut (rounded up). */
export function salesPriceFloor(
  vehicle: Pick<Vehicle, "price" | "approvedPrice">,
  limits: SalesLimits,
): bigint {
  const reference = vehicle.approvedPrice ?? vehicle.price;
  const allowed = 100n - BigInt(limits.salesMaxPriceCutPct);
  return (reference * allowed + 99n) / 100n;
}

export function salesLimitRefusal(
  limits: SalesLimits,
  before: Vehicle,
  changes: Partial<ValidVehicle>,
): SalesLimitRefusal | null {
  if (changes.status === "sold" && before.status !== "sold" && !limits.salesMayMarkSold)
    return { field: "status", key: "security.sales.soldNotAllowed" };
  if (
    changes.price !== undefined &&
    changes.price < before.price &&
    changes.price < salesPriceFloor(before, limits)
  )
    return limits.salesMaxPriceCutPct === 0
      ? { field: "price", key: "security.sales.priceCutNone" }
      : { field: "price", key: "security.sales.priceCutTooDeep", percent: limits.salesMaxPriceCutPct };
  return null;
}

/** The refusal for this actor and change, if any (one role and one settings read, only when it matters). */
export async function checkSalesLimits(
  tx: Tx,
  options: { tenantId: string; actor: Actor; before: Vehicle; changes: Partial<ValidVehicle> },
): Promise<SalesLimitRefusal | null> {
  if (!touchesSalesLimits(options.before, options.changes)) return null;
  const limits = await limitsFor(tx, options);
  return limits ? salesLimitRefusal(limits, options.before, options.changes) : null;
}

/**
 * Run by every vehicle change: refuses what the actor may not do (Forbidden naming the field and
 * the rule), and returns what the change also sets: the approved price, when a manager (or the
 * system) sets a price.
 */
export async function guardStockChange(
  tx: Tx,
  options: { tenantId: string; actor: Actor; before: Vehicle; changes: Partial<ValidVehicle> },
): Promise<{ approvedPrice?: bigint }> {
  const { before, changes } = options;
  const sells = changes.status === "sold" && before.status !== "sold";
  if (!sells && changes.price === undefined) return {};
  const limits = await limitsFor(tx, options);
  if (!limits) return changes.price === undefined ? {} : { approvedPrice: changes.price };
  const refusal = salesLimitRefusal(limits, before, changes);
  if (refusal) throw new Forbidden(messageOf(refusal), { [refusal.field]: [messageOf(refusal)] });
  return {};
}
