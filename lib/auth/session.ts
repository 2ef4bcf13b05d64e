// The signed-in user, re-read from the database on every request so that deactivating an
// account or suspending a showroom takes effect at once, whatever the session cookie says.
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
}

/** Null when the account no longer exists, is deactivated, or its showroom is suspended. */
export async function loadSessionUser(userId: string): Promise<SessionUser | null> {
  const rows = await db().$queryRaw<SessionRow[]>`SELECT * FROM app_session_user(${userId}::uuid)`;
  const row = rows[0];
  if (!row?.is_active) return null;
  if (row.tenant_id && row.tenant_status !== "active") return null;
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
