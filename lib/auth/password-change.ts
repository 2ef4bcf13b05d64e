// A signed-in account choosing its own new password (also the way out of a forced reset): the hash
// and the cleared flag are written with the audit row in one transaction, in the showroom for staff
// and through the audited platform path for super admins, who belong to no showroom.
import "server-only";
import { z } from "zod";
import { type Actor, recordAudit } from "@/lib/audit/record";
import { hashPassword, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/session";
import { withPlatformAccess } from "@/lib/core/db/platform";
import { withTenant } from "@/lib/core/db/tenant";

export const NewPasswordInput = z.object({
  password: z.string().min(MIN_PASSWORD_LENGTH, "account.password.new").max(200, "account.password.new"),
});

export async function changeOwnPassword(
  user: SessionUser,
  actor: Actor,
  input: z.output<typeof NewPasswordInput>,
): Promise<void> {
  const data = { passwordHash: await hashPassword(input.password), mustChangePassword: false };
  const tenantId = user.tenantId;
  if (tenantId) {
    await withTenant(tenantId, async (tx) => {
      await tx.user.update({ where: { id: user.id }, data });
      await recordAudit(tx, {
        tenantId,
        actor,
        action: "user.password_change",
        entity: "user",
        entityId: user.id,
      });
    });
    return;
  }
  await withPlatformAccess(
    {
      actor: { kind: "super_admin", userId: user.id, email: user.email, ip: actor.ip },
      action: "user.password_change",
      entity: "user",
      entityId: user.id,
    },
    (tx) => tx.user.update({ where: { id: user.id }, data }),
  );
}
