// The one explicit path across tenants, for super admins and trusted system tasks (CLI, seed).
// Every use writes an audit row in the same transaction, naming who, why and from where.
import "server-only";
import { db, type Tx } from "@/lib/core/db/client";
import { Forbidden } from "@/lib/core/errors";

export type PlatformActor =
  | { kind: "super_admin"; userId: string; email: string; ip?: string | null }
  | { kind: "system"; name: "cli" | "seed" | "test" };
export type SuperAdminActor = Extract<PlatformActor, { kind: "super_admin" }>;

export interface PlatformAccess {
  actor: PlatformActor;
  /** What is being done, e.g. "tenant.list" or "tenant.create"; recorded as the audit action. */
  action: string;
  entity: string;
  entityId?: string;
  /** The showroom concerned, when there is one; the audit row is filed under it too. */
  tenantId?: string;
  details?: Record<string, unknown>;
}

export async function withPlatformAccess<T>(
  access: PlatformAccess,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db().$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT set_config('app.platform_admin', 'on', true)`;
      const { actor } = access;
      if (actor.kind === "super_admin") {
        const user = await tx.user.findUnique({
          where: { id: actor.userId },
          select: { role: true, isActive: true },
        });
        if (user?.role !== "super_admin" || !user.isActive)
          throw new Forbidden("Platform access is for active super admins only");
      }
      await tx.auditLog.create({
        data: {
          tenantId: null,
          actorId: actor.kind === "super_admin" ? actor.userId : null,
          actorEmail: actor.kind === "super_admin" ? actor.email : `system:${actor.name}`,
          action: access.action,
          entity: access.entity,
          entityId: access.entityId ?? access.tenantId ?? null,
          after: { platform: true, tenantId: access.tenantId ?? null, ...(access.details ?? {}) },
          ip: actor.kind === "super_admin" ? (actor.ip ?? null) : null,
        },
      });
      return work(tx);
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}
