// Writes an audit row inside the caller's tenant transaction, so the change and its record
// commit or roll back together.
import "server-only";
import type { Tx } from "@/lib/core/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Who did something: a signed-in user, or a system task such as the CLI or the seed. */
export interface Actor {
  userId: string | null;
  email: string;
  ip?: string | null;
}

export const systemActor = (name: "cli" | "seed" | "test"): Actor => ({
  userId: null,
  email: `system:${name}`,
});

export interface AuditEntry {
  tenantId: string;
  actor: Actor;
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** JSON cannot hold BigInt or Date; money stays exact as a decimal string. */
export function toAuditJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item)),
  ) as Prisma.InputJsonValue;
}

export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      tenantId: entry.tenantId,
      actorId: entry.actor.userId,
      actorEmail: entry.actor.email,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      before: toAuditJson(entry.before),
      after: toAuditJson(entry.after),
      ip: entry.actor.ip ?? null,
    },
  });
}
