// Server-side permission checks for pages, server actions and route handlers. The proxy's
// redirect to the login page is only a convenience; these are the checks.
import "server-only";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { authOptions } from "@/lib/auth/options";
import { can, type Permission } from "@/lib/auth/permissions";
import { loadSessionUser, type SessionUser } from "@/lib/auth/session";
import { checkSecondFactorProof, SECOND_FACTOR_COOKIE } from "@/lib/auth/two-factor-session";
import { withTenant } from "@/lib/core/db/tenant";
import { Forbidden, Unauthorized } from "@/lib/core/errors";

const currentSession = cache(() => getServerSession(authOptions));

/** The signed-in, still-active user, read once per request. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await currentSession();
  const id = session?.user?.id;
  return id ? loadSessionUser(id) : null;
});

/** Whether this session (not just this account) has passed the super admin's second factor. */
export async function secondFactorVerified(user: SessionUser): Promise<boolean> {
  const session = await currentSession();
  const proof = (await cookies()).get(SECOND_FACTOR_COOKIE)?.value;
  return checkSecondFactorProof(proof, { userId: user.id, sessionId: session?.sid });
}

/** The session id minted at sign-in, which the second-factor proof is bound to. */
export async function currentSessionId(): Promise<string | null> {
  return (await currentSession())?.sid ?? null;
}

export interface StaffUser extends SessionUser {
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
}

function isStaff(user: SessionUser): user is StaffUser {
  return user.role !== "super_admin" && user.tenantId !== null;
}

/** For server actions and route handlers: throws Unauthorized / Forbidden. */
export async function requireStaff(permission: Permission = "dashboard.view"): Promise<StaffUser> {
  const user = await currentUser();
  if (!user) throw new Unauthorized();
  if (!isStaff(user) || !can(user.role, permission)) throw new Forbidden();
  return user;
}

/** Signed in with a password as an active super admin; the second factor may still be pending (enrolment, verification). */
export async function requireSuperAdminPassword(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new Unauthorized();
  if (user.role !== "super_admin" || !can(user.role, "platform.admin")) throw new Forbidden();
  return user;
}

/** Every admin action and route: an active super admin whose session passed the second factor. */
export async function requireSuperAdmin(): Promise<SessionUser> {
  const user = await requireSuperAdminPassword();
  if (!(await secondFactorVerified(user))) throw new Forbidden("Second factor required");
  return user;
}

/** For pages and layouts under /dashboard: sends visitors who may not be here somewhere sensible. */
export async function staffPage(permission: Permission = "dashboard.view"): Promise<StaffUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (user.role === "super_admin") redirect("/admin");
  if (!isStaff(user) || !can(user.role, permission)) redirect("/dashboard?denied=1");
  // An operator forced a password reset: nothing else until a new one is chosen.
  const tenantId = user.tenantId;
  const account = await withTenant(tenantId, (tx) =>
    tx.user.findUnique({ where: { id: user.id }, select: { mustChangePassword: true } }),
  );
  if (account?.mustChangePassword) redirect("/account/password");
  return user;
}

/** For pages and layouts under /admin. */
export async function adminPage(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/admin/login");
  if (user.role !== "super_admin") redirect("/dashboard");
  if (!(await secondFactorVerified(user))) redirect("/admin/two-factor");
  return user;
}
