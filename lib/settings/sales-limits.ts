// The showroom's setting for what sales staff may do to stock: mark cars sold, and how far below
// the approved price they may cut (lib/inventory/sales-limits.ts enforces it on every change).
import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { can } from "@/lib/auth/permissions";
import type { StaffContext } from "@/lib/auth/staff-context";
import type { Tx } from "@/lib/core/db/client";
import { Forbidden } from "@/lib/core/errors";

export interface SalesLimits {
  salesMayMarkSold: boolean;
  /** 0: sales staff may not cut prices; 100: any cut. */
  salesMaxPriceCutPct: number;
}

const SELECT = { salesMayMarkSold: true, salesMaxPriceCutPct: true } as const;

export const SalesLimitsInput = z.object({
  salesMayMarkSold: z.boolean(),
  salesMaxPriceCutPct: z.coerce
    .number({ error: "security.sales.error.maxCut" })
    .int("security.sales.error.maxCut")
    .min(0, "security.sales.error.maxCut")
    .max(100, "security.sales.error.maxCut"),
});

export async function readSalesLimits(tx: Tx, tenantId: string): Promise<SalesLimits> {
  return tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: SELECT });
}

export async function updateSalesLimits(
  context: StaffContext,
  input: z.output<typeof SalesLimitsInput>,
): Promise<SalesLimits> {
  if (!can(context.user.role, "settings.manage")) throw new Forbidden();
  const { tx, user, actor } = context;
  const before = await readSalesLimits(tx, user.tenantId);
  const after = await tx.tenant.update({ where: { id: user.tenantId }, data: input, select: SELECT });
  await recordAudit(tx, {
    tenantId: user.tenantId,
    actor,
    action: "settings.sales_limits",
    entity: "tenant",
    entityId: user.tenantId,
    before,
    after,
  });
  return after;
}
