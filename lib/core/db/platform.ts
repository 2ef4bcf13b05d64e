// The one explicit path across tenants, for super admins and trusted system tasks (CLI, seed).
// Every use writes an audit row in the same transaction, naming who, why and from where. The
// database opens its policies only to a grant signed for this very transaction
// (lib/core/db/platform-grant.ts), never to a setting the app role could set by itself.
import "server-only";
import { db, type Tx } from "@/lib/core/db/client";
import {
  GRANT_SECONDS,
  type PlatformGateKey,
  platformGateKey,
  signPlatformGrant,
} from "@/lib/core/db/platform-grant";
import { isUuid } from "@/lib/core/db/tenant";
import { getEnv } from "@/lib/core/env";
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
  /** The showroom concerned, when there is one; the audit row names it, and outlives its deletion. */
  tenantId?: string;
  details?: Record<string, unknown>;
}

export async function withPlatformAccess<T>(
  access: PlatformAccess,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db().$transaction(
    async (tx) => {
      await enterPlatform(tx);
      const { actor } = access;
      if (actor.kind === "super_admin") {
        const user = await tx.user.findUnique({
          where: { id: actor.userId },
          select: { role: true, isActive: true },
        });
        if (user?.role !== "super_admin" || !user.isActive)
          throw new Forbidden("Platform access is for active super admins only");
      }
      // A malformed id names no showroom; the work itself will find nothing under it.
      const subjectId = access.tenantId && isUuid(access.tenantId) ? access.tenantId : null;
      const subject = subjectId
        ? await tx.tenant.findUnique({ where: { id: subjectId }, select: { slug: true } })
        : null;
      await tx.auditLog.create({
        data: {
          tenantId: null,
          subjectTenantId: subjectId,
          subjectTenantSlug: subject?.slug ?? null,
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

let gate: { secret: string; key: PlatformGateKey } | undefined;

function gateKey(): PlatformGateKey {
  const secret = getEnv().AUTH_SECRET;
  if (!secret)
    throw new Error("AUTH_SECRET is not set: platform access is signed with a key derived from it.");
  if (gate?.secret !== secret) gate = { secret, key: platformGateKey(secret) };
  return gate.key;
}

/** Signs a grant for this transaction (its id and the database's clock) and presents it. */
async function enterPlatform(tx: Tx): Promise<void> {
  const [transaction] = await tx.$queryRaw<{ xid: string; now: number }[]>`
    SELECT pg_current_xact_id()::text AS xid, extract(epoch FROM clock_timestamp())::float8 AS now`;
  if (!transaction) throw new Error("The database did not report a transaction id");
  const grant = signPlatformGrant(gateKey(), {
    xid: transaction.xid,
    expiresAt: Math.floor(transaction.now) + GRANT_SECONDS,
  });
  await tx.$executeRaw`SELECT app_platform_enter(${grant})`;
}
