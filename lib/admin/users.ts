// Accounts across showrooms for platform operators: search, deactivate/reactivate, force a
// password reset (a one-time temporary password) and unlock. Super admins' own accounts are out
// of reach here on purpose: one operator cannot lock another out of the console.
import "server-only";
import { z } from "zod";
import { temporaryPassword } from "@/lib/admin/showrooms";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import type { Tx } from "@/lib/core/db/client";
import type { SuperAdminActor } from "@/lib/core/db/platform";
import { withPlatformAccess } from "@/lib/core/db/platform";
import { Invalid, NotFound } from "@/lib/core/errors";

export const UserSearch = z.object({ q: z.string().trim().max(120).optional() });

export interface AdminUserRow {
  id: string;
  email: string;
  name: string;
  role: "super_admin" | "owner" | "admin" | "sales";
  isActive: boolean;
  locked: boolean;
  mustChangePassword: boolean;
  tenantName: string | null;
  tenantSlug: string | null;
}

export async function searchUsers(
  actor: SuperAdminActor,
  search: { q?: string } = {},
): Promise<AdminUserRow[]> {
  const q = search.q?.trim();
  return withPlatformAccess(
    { actor, action: "user.search", entity: "user", details: q ? { q } : undefined },
    async (tx) => {
      const users = await tx.user.findMany({
        where: q
          ? { OR: [{ email: { contains: q.toLowerCase() } }, { name: { contains: q, mode: "insensitive" } }] }
          : {},
        select: {
          id: true,
          email: true,
          name: true,
          role: true,
          isActive: true,
          lockedUntil: true,
          mustChangePassword: true,
          tenant: { select: { name: true, slug: true } },
        },
        orderBy: { email: "asc" },
        take: 100,
      });
      const now = Date.now();
      return users.map((user) => ({
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        isActive: user.isActive,
        locked: Boolean(user.lockedUntil && user.lockedUntil.getTime() > now),
        mustChangePassword: user.mustChangePassword,
        tenantName: user.tenant?.name ?? null,
        tenantSlug: user.tenant?.slug ?? null,
      }));
    },
  );
}

async function staffAccount(
  tx: Tx,
  userId: string,
): Promise<{ id: string; tenantId: string; email: string }> {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, tenantId: true, email: true, role: true },
  });
  if (!user) throw new NotFound("User not found");
  if (!user.tenantId)
    throw new Invalid(
      "Akun admin platform tidak diubah dari sini / Platform admin accounts are not changed here",
    );
  return { id: user.id, tenantId: user.tenantId, email: user.email };
}

const auditActor = (actor: SuperAdminActor) => ({ userId: actor.userId, email: actor.email, ip: actor.ip });

export const UserActiveInput = z.object({ userId: z.uuid(), active: z.boolean() });

export async function setUserActive(
  actor: SuperAdminActor,
  input: z.output<typeof UserActiveInput>,
): Promise<{ isActive: boolean }> {
  return withPlatformAccess(
    {
      actor,
      action: input.active ? "user.reactivate" : "user.deactivate",
      entity: "user",
      entityId: input.userId,
    },
    async (tx) => {
      const user = await staffAccount(tx, input.userId);
      await tx.user.update({ where: { id: user.id }, data: { isActive: input.active } });
      await recordAudit(tx, {
        tenantId: user.tenantId,
        actor: auditActor(actor),
        action: input.active ? "user.reactivate" : "user.deactivate",
        entity: "user",
        entityId: user.id,
      });
      return { isActive: input.active };
    },
  );
}

export const UserIdInput = z.object({ userId: z.uuid() });

/** A new temporary password, shown once; the next sign-in must replace it. */
export async function forcePasswordReset(
  actor: SuperAdminActor,
  input: z.output<typeof UserIdInput>,
): Promise<{ email: string; temporaryPassword: string }> {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return withPlatformAccess(
    { actor, action: "user.force_password_reset", entity: "user", entityId: input.userId },
    async (tx) => {
      const user = await staffAccount(tx, input.userId);
      await tx.user.update({
        where: { id: user.id },
        data: { passwordHash, mustChangePassword: true, failedLoginCount: 0, lockedUntil: null },
      });
      await recordAudit(tx, {
        tenantId: user.tenantId,
        actor: auditActor(actor),
        action: "user.force_password_reset",
        entity: "user",
        entityId: user.id,
      });
      return { email: user.email, temporaryPassword: password };
    },
  );
}

export async function unlockUser(
  actor: SuperAdminActor,
  input: z.output<typeof UserIdInput>,
): Promise<{ ok: true }> {
  return withPlatformAccess(
    { actor, action: "user.unlock", entity: "user", entityId: input.userId },
    async (tx) => {
      const user = await staffAccount(tx, input.userId);
      await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null } });
      await recordAudit(tx, {
        tenantId: user.tenantId,
        actor: auditActor(actor),
        action: "user.unlock",
        entity: "user",
        entityId: user.id,
      });
      return { ok: true as const };
    },
  );
}
