// Server-side permission checks for pages, server actions and route handlers. The proxy's
// redirect to the login page is only a convenience; these are the checks.
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import { loadSessionUser, type SessionUser } from "@/lib/auth/session";
import { can, type Permission } from "@/lib/auth/permissions";
import { Forbidden, Unauthorized } from "@/lib/errors";

/** The signed-in, still-active user, read once per request. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  return id ? loadSessionUser(id) : null;
});

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

export async function requireSuperAdmin(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new Unauthorized();
  if (user.role !== "super_admin" || !can(user.role, "platform.admin")) throw new Forbidden();
  return user;
}

/** For pages and layouts under /dashboard: sends visitors who may not be here somewhere sensible. */
export async function staffPage(permission: Permission = "dashboard.view"): Promise<StaffUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (user.role === "super_admin") redirect("/admin");
  if (!isStaff(user) || !can(user.role, permission)) redirect("/dashboard?denied=1");
  return user;
}

/** For pages and layouts under /admin. */
export async function adminPage(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/admin/login");
  if (user.role !== "super_admin") redirect("/dashboard");
  return user;
}
