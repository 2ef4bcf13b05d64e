// Decides a sign-in attempt: password, lockout, deactivated accounts, suspended showrooms, and
// which login page an account belongs to. Used by the next-auth credentials provider.
import "server-only";
import bcrypt from "bcryptjs";
import { recordAudit } from "@/lib/audit/record";
import { verifyPassword } from "@/lib/auth/password";
import { passwordMatches } from "@/lib/auth/password-check";
import type { Role } from "@/lib/auth/users";
import { db } from "@/lib/core/db/client";
import { withTenant } from "@/lib/core/db/tenant";
import { getEnv } from "@/lib/core/env";

export type LoginArea = "dashboard" | "admin";

export type LoginFailure =
  | "invalid_credentials"
  | "locked"
  | "inactive"
  | "suspended"
  | "use_admin_login"
  | "use_staff_login";

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  tenantId: string | null;
}

export type AuthResult = { ok: true; user: AuthenticatedUser } | { ok: false; reason: LoginFailure };

interface AuthRow {
  id: string;
  tenant_id: string | null;
  email: string;
  name: string;
  role: Role;
  is_active: boolean;
  failed_login_count: number;
  locked_until: Date | null;
  tenant_status: "active" | "suspended" | null;
}

let dummyHash: string | undefined;
/** Checked when the e-mail is unknown, so a miss takes as long as a wrong password. */
function dummy(): string {
  dummyHash ??= bcrypt.hashSync("autolumiku-no-such-user", 11);
  return dummyHash;
}

export async function authenticate(input: {
  email: string;
  password: string;
  area: LoginArea;
  ip?: string | null;
}): Promise<AuthResult> {
  const env = getEnv();
  const email = input.email.trim().toLowerCase();
  const rows = await db().$queryRaw<AuthRow[]>`SELECT * FROM app_auth_user(${email})`;
  const row = rows[0];
  if (!row) {
    await verifyPassword(input.password, dummy());
    return { ok: false, reason: "invalid_credentials" };
  }
  if (row.locked_until && row.locked_until.getTime() > Date.now()) return { ok: false, reason: "locked" };

  const passwordOk = await passwordMatches(row.id, input.password);
  const recorded = await db().$queryRaw<{ locked_until: Date | null }[]>`
    SELECT * FROM app_record_login(${row.id}::uuid, ${passwordOk}, ${env.LOGIN_MAX_FAILURES}::int, ${env.LOGIN_LOCK_MINUTES * 60}::int)`;
  if (!passwordOk) {
    const lockedUntil = recorded[0]?.locked_until;
    return {
      ok: false,
      reason: lockedUntil && lockedUntil.getTime() > Date.now() ? "locked" : "invalid_credentials",
    };
  }
  // Only someone who knows the password learns which page the account belongs to.
  if (input.area === "dashboard" && row.role === "super_admin")
    return { ok: false, reason: "use_admin_login" };
  if (input.area === "admin" && row.role !== "super_admin") return { ok: false, reason: "use_staff_login" };
  if (!row.is_active) return { ok: false, reason: "inactive" };
  if (row.tenant_id && row.tenant_status !== "active") return { ok: false, reason: "suspended" };

  const user: AuthenticatedUser = {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    tenantId: row.tenant_id,
  };
  if (row.tenant_id) {
    const tenantId = row.tenant_id;
    await withTenant(tenantId, (tx) =>
      recordAudit(tx, {
        tenantId,
        actor: { userId: row.id, email: row.email, ip: input.ip },
        action: "auth.login",
        entity: "user",
        entityId: row.id,
      }),
    );
  }
  return { ok: true, user };
}
