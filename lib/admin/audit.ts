// Every showroom's audit entries and the platform's own (tenant null), filterable, for operators.
import "server-only";
import { z } from "zod";
import type { SuperAdminActor } from "@/lib/core/db/platform";
import { withPlatformAccess } from "@/lib/core/db/platform";

export const AuditFilter = z.object({
  tenant: z.string().trim().max(63).optional(),
  action: z.string().trim().max(80).optional(),
  actor: z.string().trim().max(320).optional(),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
});
export type AuditFilter = z.output<typeof AuditFilter>;

export interface AuditRow {
  id: string;
  createdAt: string;
  tenantSlug: string | null;
  actorEmail: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  ip: string | null;
}

export async function listAudit(actor: SuperAdminActor, filter: AuditFilter): Promise<AuditRow[]> {
  return withPlatformAccess(
    { actor, action: "audit.list", entity: "audit_log", details: { filter } },
    async (tx) => {
      // A showroom's entries and the platform's entries about it, which outlive its deletion.
      const tenantWhere =
        filter.tenant === "platform"
          ? { tenantId: null }
          : filter.tenant
            ? { OR: [{ tenant: { slug: filter.tenant } }, { subjectTenantSlug: filter.tenant }] }
            : {};
      const rows = await tx.auditLog.findMany({
        where: {
          ...tenantWhere,
          ...(filter.action ? { action: { startsWith: filter.action } } : {}),
          ...(filter.actor ? { actorEmail: { contains: filter.actor.toLowerCase() } } : {}),
          createdAt: {
            ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
            ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
          },
        },
        include: { tenant: { select: { slug: true } } },
        orderBy: { createdAt: "desc" },
        take: 200,
      });
      return rows.map((row) => ({
        id: row.id,
        createdAt: row.createdAt.toISOString(),
        tenantSlug: row.tenant?.slug ?? null,
        actorEmail: row.actorEmail,
        action: row.action,
        entity: row.entity,
        entityId: row.entityId,
        ip: row.ip,
      }));
    },
  );
}
