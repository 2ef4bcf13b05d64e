"use server";
// Sets a new password for the signed-in account and clears the forced-reset flag.
import { z } from "zod";
import { clientIp } from "@/lib/admin/run";
import { recordAudit } from "@/lib/audit/record";
import { currentUser } from "@/lib/auth/guards";
import { hashPassword, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { withPlatformAccess } from "@/lib/core/db/platform";
import { withTenant } from "@/lib/core/db/tenant";

const NewPassword = z.object({ password: z.string().min(MIN_PASSWORD_LENGTH).max(200) });

export async function changePasswordAction(
  raw: unknown,
): Promise<{ ok: true; next: string } | { ok: false; code: "invalid" | "unauthorized" }> {
  const parsed = NewPassword.safeParse(raw);
  if (!parsed.success) return { ok: false, code: "invalid" };
  const user = await currentUser();
  if (!user) return { ok: false, code: "unauthorized" };
  const passwordHash = await hashPassword(parsed.data.password);
  const data = { passwordHash, mustChangePassword: false };
  const ip = await clientIp();
  if (user.tenantId) {
    const tenantId = user.tenantId;
    await withTenant(tenantId, async (tx) => {
      await tx.user.update({ where: { id: user.id }, data });
      await recordAudit(tx, {
        tenantId,
        actor: { userId: user.id, email: user.email, ip },
        action: "user.password_change",
        entity: "user",
        entityId: user.id,
      });
    });
    return { ok: true, next: "/dashboard" };
  }
  await withPlatformAccess(
    {
      actor: { kind: "super_admin", userId: user.id, email: user.email, ip },
      action: "user.password_change",
      entity: "user",
      entityId: user.id,
    },
    (tx) => tx.user.update({ where: { id: user.id }, data }),
  );
  return { ok: true, next: "/admin" };
}
