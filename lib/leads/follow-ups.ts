// Follow-ups that are due: a lead's follow_up_at has passed (within the last day), the lead is
// still open and nobody was reminded of that date yet. The schedule that reminds the assignee asks
// which showrooms have any (one narrow lookup across showrooms), then works inside each showroom.
import "server-only";
import { db, type Tx } from "@/lib/core/db/client";
import { OPEN_LEAD_STATUSES } from "@/lib/leads/vocabulary";

/** Showrooms with at least one follow-up due now (a security-definer function: ids only). */
export async function tenantsWithDueFollowUps(): Promise<string[]> {
  const rows = await db().$queryRaw<
    { tenant_id: string }[]
  >`SELECT tenant_id FROM app_tenants_with_due_follow_ups()`;
  return rows.map((row) => row.tenant_id);
}

export interface DueFollowUp {
  id: string;
  name: string;
  phone: string;
  assigneeId: string | null;
  followUpAt: Date;
  vehicleId: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Locks and returns this showroom's due follow-ups; a second run at the same moment skips the ones
 * the first holds. Mark each with `markFollowUpReminded` in the same transaction.
 */
export async function lockDueFollowUps(tx: Tx, now: Date = new Date()): Promise<DueFollowUp[]> {
  return tx.$queryRaw<DueFollowUp[]>`
    SELECT id, name, phone, assignee_id AS "assigneeId", follow_up_at AS "followUpAt", vehicle_id AS "vehicleId"
    FROM leads
    WHERE follow_up_at <= ${now} AND follow_up_at > ${new Date(now.getTime() - DAY_MS)}
      AND (follow_up_reminded_at IS NULL OR follow_up_reminded_at < follow_up_at)
      AND status::text = ANY(${[...OPEN_LEAD_STATUSES]}::text[])
    ORDER BY follow_up_at
    LIMIT 200
    FOR UPDATE SKIP LOCKED`;
}

/** Raw SQL: a reminder is not an edit of the lead, so its updated_at stays. */
export async function markFollowUpReminded(tx: Tx, leadId: string, now: Date = new Date()): Promise<void> {
  await tx.$executeRaw`UPDATE leads SET follow_up_reminded_at = ${now} WHERE id = ${leadId}::uuid`;
}
