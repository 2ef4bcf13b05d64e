// Who is signed in, and what they may do: the checks the action client (lib/actions) and the page
// readers run on the server for every action, route and page. The proxy's redirect to the login
// page is only a convenience; these are the checks.
import "server-only";

import { cookies } from "next/headers";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { authOptions } from "@/lib/auth/options";
import { can, type Permission } from "@/lib/auth/permissions";
import { loadSignedInUser, type SessionUser } from "@/lib/auth/session";
import { checkSecondFactorProof, SECOND_FACTOR_COOKIE } from "@/lib/auth/two-factor-session";
import { Forbidden, Unauthorized } from "@/lib/core/errors";

const currentSession = cache(() => getServerSession(authOptions));

/**
 * The signed-in, still-active user, read once per request: null as well when this session was
 * signed out or the account's session version moved on since it was issued.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await currentSession();
  const id = session?.user?.id;
  return id ? loadSignedInUser({ userId: id, sessionId: session.sid, sessionVersion: session.sv }) : null;
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

export function isStaff(user: SessionUser): user is StaffUser {
  return user.role !== "super_admin" && user.tenantId !== null;
}

/** Throws Unauthorized when nobody (or a deactivated account) is signed in. */
export async function requireSignedIn(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new Unauthorized();
  return user;
}

/** A showroom member holding `permission`; throws Forbidden otherwise. */
export function staffWith(user: SessionUser, permission: Permission): StaffUser {
  if (!isStaff(user) || !can(user.role, permission)) throw new Forbidden();
  return user;
}

/** An active super admin; the second factor may still be pending (enrolment, verification). */
export function superAdmin(user: SessionUser): SessionUser {
  if (user.role !== "super_admin" || !can(user.role, "platform.admin")) throw new Forbidden();
  return user;
}

/** Every admin action and route: an active super admin whose session passed the second factor. */
export async function verifiedSuperAdmin(user: SessionUser): Promise<SessionUser> {
  superAdmin(user);
  if (!(await secondFactorVerified(user))) throw new Forbidden("Second factor required");
  return user;
}
