// Plan limits (cars in stock, photos per car, active staff) are enforced by the database's own
// triggers (migration 20261205040000), race-free. This module is the app's side of them: the same
// advisory lock, so a check made before an insert is exact for the rest of the transaction, and
// the recognition of the database's refusal, so it reads as a message instead of a crash.
import "server-only";
import type { Tx } from "@/lib/core/db/client";
import { Conflict } from "@/lib/core/errors";
import type { MessageKey, Translate } from "@/lib/core/i18n/messages";

export const PLAN_LIMITS = [
  "vehicles_within_plan",
  "vehicle_photos_within_cap",
  "staff_within_plan",
] as const;
export type PlanLimit = (typeof PLAN_LIMITS)[number];

/** The user's message for each limit: an i18n key taking the limit as {n}. */
const MESSAGE_OF: Record<PlanLimit, MessageKey> = {
  vehicles_within_plan: "inputs.limit.vehicles",
  vehicle_photos_within_cap: "inputs.limit.photos",
  staff_within_plan: "staff.error.limit",
};

/**
 * A plan limit is reached. Thrown by the checks before an insert (nothing was written, so the
 * caller's transaction is still usable and may answer, e.g. a WhatsApp reply), and for a refusal
 * by the database itself (the transaction is then aborted and must end).
 */
export class PlanLimitReached extends Conflict {
  constructor(
    public readonly limit: PlanLimit,
    public readonly max: number,
    public readonly transactionAborted = false,
  ) {
    // "key:n", translated by the action client's one error mapping (lib/actions/result.ts).
    super(`${MESSAGE_OF[limit]}:${max}`);
  }

  /** The message in `t`'s language, for answers outside the action client (a WhatsApp reply). */
  describe(t: Translate): string {
    return t(MESSAGE_OF[this.limit], { n: this.max });
  }
}

/**
 * Takes the limit's lock for `id` (a showroom, or for photos a car) until the transaction ends: the
 * trigger takes the same lock, so a count made after this cannot be overtaken by another request.
 */
export async function lockPlanLimit(tx: Tx, limit: PlanLimit, id: string): Promise<void> {
  await tx.$executeRaw`SELECT app_plan_lock(${limit}, ${id}::uuid)`;
}

const REFUSAL = /^plan limit (\w+) reached/;

function findDriverCause(error: unknown): { code?: unknown; message?: unknown; detail?: unknown } | null {
  if (typeof error !== "object" || error === null) return null;
  const meta = "meta" in error ? error.meta : undefined;
  if (typeof meta !== "object" || meta === null || !("driverAdapterError" in meta)) return null;
  const adapterError = meta.driverAdapterError;
  if (typeof adapterError !== "object" || adapterError === null || !("cause" in adapterError)) return null;
  const cause = adapterError.cause;
  return typeof cause === "object" && cause !== null ? cause : null;
}

/** The database's refusal (SQLSTATE 23514 from app_plan_refuse) as PlanLimitReached; null for anything else. */
export function planLimitRefusal(error: unknown): PlanLimitReached | null {
  const cause = findDriverCause(error);
  const message = cause?.code === "23514" && typeof cause.message === "string" ? cause.message : null;
  if (message === null) return null;
  const limit = PLAN_LIMITS.find((name) => REFUSAL.exec(message)?.[1] === name);
  if (!limit) return null;
  return new PlanLimitReached(limit, Number(cause?.detail) || 0, true);
}

/** Runs one write; a plan-limit refusal from the database comes out as PlanLimitReached. */
export async function refusingOverLimit<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    throw planLimitRefusal(error) ?? error;
  }
}
