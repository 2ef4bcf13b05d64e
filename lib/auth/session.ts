// The signed-in user, re-read from the database on every request so that deactivating an
// account, suspending a showroom, changing a password or role, or signing out (here or
// everywhere) takes effect at once, whatever the session cookie says.
import "server-only";

import type { Role } from "@/lib/auth/users";
import { db } from "@/lib/core/db/client";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  tenantId: string | null;
  tenantSlug: string | null;
  tenantName: string | null;
  /** An operator forced a password reset: the action client allows nothing but choosing a new one. */
  mustChangePassword: boolean;
}

/** What a session (the next-auth JWT) says about itself: whose it is, which sign-in, which version. */
export interface SessionClaims {
  userId: string;
  /** Minted at sign-in; one sign-out ends this id only. */
  sessionId: string | undefined;
  /** The account's session version at sign-in; any later bump ends the session. */
  sessionVersion: number | undefined;
}

interface SessionRow {
  id: string;
  tenant_id: string | null;
  email: string;
  name: string;
  role: Role;
  is_active: boolean;
  tenant_status: "active" | "suspended" | null;
  tenant_slug: string | null;
  tenant_name: string | null;
  must_change_password: boolean;
  session_version: number;
  session_ended: boolean;
}

async function readAccount(userId: string, sessionId: string | null): Promise<SessionRow | null> {
  const rows = await db().$queryRaw<
    SessionRow[]
  >`SELECT * FROM app_session_user(${userId}::uuid, ${sessionId})`;
  const row = rows[0];
  if (!row?.is_active) return null;
  if (row.tenant_id && row.tenant_status !== "active") return null;
  return row;
}

function toUser(row: SessionRow): SessionUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    tenantId: row.tenant_id,
    tenantSlug: row.tenant_slug,
    tenantName: row.tenant_name,
    mustChangePassword: row.must_change_password,
  };
}

/** The account as it is now: null when it no longer exists, is deactivated, or its showroom is suspended. */
export async function loadSessionUser(userId: string): Promise<SessionUser | null> {
  const row = await readAccount(userId, null);
  return row ? toUser(row) : null;
}

/**
 * The user behind a session, or null when the session no longer counts: the account as above, and
 * a session signed out, or older than the account's session version (a session without a version
 * predates versions and counts as older).
 */
export async function loadSignedInUser(claims: SessionClaims): Promise<SessionUser | null> {
  if (!claims.sessionId || claims.sessionVersion === undefined) return null;
  const row = await readAccount(claims.userId, claims.sessionId);
  if (!row || row.session_ended || row.session_version !== claims.sessionVersion) return null;
  return toUser(row);
}

/** The account's current session version, written into a session at sign-in. */
export async function currentSessionVersion(userId: string): Promise<number | null> {
  const row = await readAccount(userId, null);
  return row ? row.session_version : null;
}
