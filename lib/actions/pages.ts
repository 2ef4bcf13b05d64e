// Page reads through the same checks as actions, for server components: a visitor who may not be
// here is sent somewhere sensible (sign-in, second factor, new password, the dashboard), and a read
// runs in the showroom's tenant transaction (staff) or with the platform actor (super admin).
// A NotFound from the read is the page's 404: another showroom's id looks like no id at all.
import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import type { AdminContext } from "@/lib/actions/kinds";
import { ipOf } from "@/lib/actions/request";
import { currentUser, isStaff, type StaffUser, secondFactorVerified } from "@/lib/auth/guards";
import { can, type Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import type { StaffContext } from "@/lib/auth/staff-context";
import { withTenant } from "@/lib/core/db/tenant";
import { NotFound } from "@/lib/core/errors";

async function notFoundAs404<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof NotFound) notFound();
    throw error;
  }
}

async function requestIp(): Promise<string | null> {
  return ipOf({ headers: new Headers(await headers()) });
}

async function staffVisitor(permission: Permission): Promise<StaffUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (user.role === "super_admin") redirect("/admin");
  // An operator forced a password reset: nothing else until a new one is chosen.
  if (user.mustChangePassword) redirect("/account/password");
  if (!isStaff(user) || !can(user.role, permission)) redirect("/dashboard?denied=1");
  return user;
}

/** For pages and layouts under /dashboard: the signed-in staff member, or a redirect. */
export function staffPage(permission?: Permission): Promise<StaffUser>;
/** ... and a read in their showroom's tenant transaction. */
export function staffPage<T>(
  permission: Permission,
  read: (ctx: StaffContext) => Promise<T>,
): Promise<{ user: StaffUser; data: T }>;
export async function staffPage<T>(
  permission: Permission = "dashboard.view",
  read?: (ctx: StaffContext) => Promise<T>,
): Promise<StaffUser | { user: StaffUser; data: T }> {
  const user = await staffVisitor(permission);
  if (!read) return user;
  const actor = { userId: user.id, email: user.email, ip: await requestIp() };
  const data = await notFoundAs404(() => withTenant(user.tenantId, (tx) => read({ user, actor, tx })));
  return { user, data };
}

async function adminVisitor(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/admin/login");
  if (user.role !== "super_admin") redirect("/dashboard");
  if (!(await secondFactorVerified(user))) redirect("/admin/two-factor");
  if (user.mustChangePassword) redirect("/account/password");
  return user;
}

/** For pages and layouts under /admin: a super admin past the second factor, or a redirect. */
export function adminPage(): Promise<SessionUser>;
/** ... and a read as the platform actor (lib/admin audits each read across showrooms). */
export function adminPage<T>(
  read: (ctx: AdminContext) => Promise<T>,
): Promise<{ user: SessionUser; data: T }>;
export async function adminPage<T>(
  read?: (ctx: AdminContext) => Promise<T>,
): Promise<SessionUser | { user: SessionUser; data: T }> {
  const user = await adminVisitor();
  if (!read) return user;
  const actor = { kind: "super_admin" as const, userId: user.id, email: user.email, ip: await requestIp() };
  return { user, data: await notFoundAs404(() => read({ user, actor })) };
}

/** For /account pages: anyone signed in (a super admin past the second factor). */
export async function accountPage(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (user.role === "super_admin" && !(await secondFactorVerified(user))) redirect("/admin/two-factor");
  return user;
}
