// The role of a showroom member as stored now, read inside the showroom's transaction: for rules
// that depend on who acts (what sales staff may do to stock), whichever channel the change came by.
import "server-only";
import type { Role } from "@/lib/auth/users";
import type { Tx } from "@/lib/core/db/client";

export async function memberRole(tx: Tx, userId: string): Promise<Role | null> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
  return user?.role ?? null;
}
