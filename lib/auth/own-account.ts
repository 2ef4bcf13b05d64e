// A change a signed-in person makes to their own account (password, signing out everywhere), in
// the right transaction with its audit row: the showroom's for staff, the audited platform path for
// super admins, who belong to no showroom.
import "server-only";
import { type Actor, recordAudit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/session";
import type { Tx } from "@/lib/core/db/client";
import { withPlatformAccess } from "@/lib/core/db/platform";
import { withTenant } from "@/lib/core/db/tenant";

export async function changeOwnAccount<T>(
  user: SessionUser,
  actor: Actor,
  action: string,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  const tenantId = user.tenantId;
  if (tenantId) {
    return withTenant(tenantId, async (tx) => {
      const result = await work(tx);
      await recordAudit(tx, { tenantId, actor, action, entity: "user", entityId: user.id });
      return result;
    });
  }
  return withPlatformAccess(
    {
      actor: { kind: "super_admin", userId: user.id, email: user.email, ip: actor.ip },
      action,
      entity: "user",
      entityId: user.id,
    },
    work,
  );
}
