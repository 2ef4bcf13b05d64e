// Round-robin assignment of new leads: the active salesperson who was given a lead longest ago
// (never first) gets the next one. Used by the dashboard, the catalog lead form and WhatsApp.
import "server-only";
import type { Tx } from "@/lib/core/db/client";
import { leadAssigned } from "@/lib/leads/events";

export interface Assignee {
  id: string;
  name: string;
}

/**
 * Picks the active sales user with the oldest last_assigned_at (nulls first) and stamps it, in the
 * caller's tenant transaction. The row lock makes two leads arriving together go to two people:
 * SKIP LOCKED passes over a salesperson another transaction is assigning right now.
 * Returns null when the showroom has no active salesperson (other than those in `except`).
 */
export async function assignRoundRobin(
  tx: Tx,
  options: { except?: readonly string[] } = {},
): Promise<Assignee | null> {
  const except = [...(options.except ?? [])];
  const pick = (skipLocked: boolean) =>
    skipLocked
      ? tx.$queryRaw<Assignee[]>`
          SELECT id, name FROM users
          WHERE role = 'sales' AND is_active AND tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid
            AND NOT (id = ANY(${except}::uuid[]))
          ORDER BY last_assigned_at ASC NULLS FIRST, created_at ASC, id ASC
          LIMIT 1 FOR UPDATE SKIP LOCKED`
      : tx.$queryRaw<Assignee[]>`
          SELECT id, name FROM users
          WHERE role = 'sales' AND is_active AND tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid
            AND NOT (id = ANY(${except}::uuid[]))
          ORDER BY last_assigned_at ASC NULLS FIRST, created_at ASC, id ASC
          LIMIT 1 FOR UPDATE`;
  const chosen = (await pick(true))[0] ?? (await pick(false))[0];
  if (!chosen) return null;
  // clock_timestamp, not now(): several assignments in one transaction must still rotate.
  await tx.$executeRaw`UPDATE users SET last_assigned_at = clock_timestamp() WHERE id = ${chosen.id}::uuid`;
  return chosen;
}

/** Tells the assignee about a lead given to them: shown in their dashboard, and `leadAssigned` for their other channels. */
export async function notifyLeadAssigned(
  tx: Tx,
  options: { tenantId: string; userId: string; leadId: string; leadName: string },
): Promise<void> {
  await tx.notification.create({
    data: {
      tenantId: options.tenantId,
      userId: options.userId,
      kind: "lead.assigned",
      title: `Prospek baru: ${options.leadName}`,
      link: `/dashboard/leads/${options.leadId}`,
    },
  });
  await leadAssigned.emitInTx(tx, {
    tenantId: options.tenantId,
    leadId: options.leadId,
    assigneeId: options.userId,
  });
}
