// A showroom's full data export before deletion: every row of every showroom table as JSON (read
// inside the showroom's own tenant transaction, so RLS guarantees no other showroom's rows), plus
// the vehicles CSV. Credentials (password hashes, 2FA and WhatsApp secrets) are left out.
import "server-only";

import type { SuperAdminActor } from "@/lib/core/db/platform";
import { withPlatformAccess } from "@/lib/core/db/platform";
import { withTenant } from "@/lib/core/db/tenant";
import { NotFound } from "@/lib/core/errors";
import { exportVehiclesCsv } from "@/lib/inventory/csv-import";

export interface ShowroomExport {
  format: "autolumiku.showroom-export.v1";
  exportedAt: string;
  tenantId: string;
  slug: string;
  tables: Record<string, unknown[]>;
  vehiclesCsv: string;
}

export async function exportShowroom(actor: SuperAdminActor, tenantId: string): Promise<ShowroomExport> {
  const data = await withTenant(
    tenantId,
    async (tx) => {
      const tenant = await tx.tenant.findUnique({
        where: { id: tenantId },
        omit: { whatsappAccessTokenEnc: true },
      });
      if (!tenant) throw new NotFound("Showroom not found");
      const tables: Record<string, unknown[]> = {
        tenants: [tenant],
        tenant_domains: await tx.tenantDomain.findMany(),
        users: await tx.user.findMany({
          omit: { passwordHash: true, totpSecretEnc: true, recoveryCodeHashes: true },
        }),
        vehicles: await tx.vehicle.findMany(),
        vehicle_photos: await tx.vehiclePhoto.findMany(),
        vehicle_events: await tx.vehicleEvent.findMany(),
        vehicle_views: await tx.vehicleView.findMany(),
        leads: await tx.lead.findMany(),
        lead_notes: await tx.leadNote.findMany(),
        notifications: await tx.notification.findMany(),
        wa_contacts: await tx.waContact.findMany(),
        wa_conversations: await tx.waConversation.findMany(),
        wa_messages: await tx.waMessage.findMany(),
        wa_outbox: await tx.waOutbox.findMany(),
        llm_calls: await tx.llmCall.findMany(),
        audit_logs: await tx.auditLog.findMany(),
      };
      return { slug: tenant.slug, tables, vehiclesCsv: await exportVehiclesCsv({ tenantId, tx }) };
    },
    { timeout: 120_000 },
  );
  const counts = Object.fromEntries(Object.entries(data.tables).map(([table, rows]) => [table, rows.length]));
  // Recorded only once the read succeeded: deletion trusts this row as proof of an export.
  await withPlatformAccess(
    { actor, action: "tenant.export", entity: "tenant", tenantId, details: { counts } },
    async () => undefined,
  );
  return { format: "autolumiku.showroom-export.v1", exportedAt: new Date().toISOString(), tenantId, ...data };
}

/** JSON with BigInt as decimal strings (money stays exact). */
export function exportToJson(value: ShowroomExport): string {
  return JSON.stringify(
    value,
    (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item),
    2,
  );
}
