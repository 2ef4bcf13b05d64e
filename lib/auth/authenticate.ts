// Decides a sign-in attempt: how often one may try (lib/auth/sign-in-limits.ts), the password,
// deactivated accounts, suspended showrooms, and which login page an account belongs to. Used by
// the next-auth credentials provider. Before the password is known right, every refusal is the
// same generic one, so no answer tells whether an e-mail address has an account.
import "server-only";
import bcrypt from "bcryptjs";
import { recordAudit } from "@/lib/audit/record";
import { verifyPassword } from "@/lib/auth/password";
import { passwordMatches } from "@/lib/auth/password-check";
import { beginSignInAttempt } from "@/lib/auth/sign-in-limits";
import type { Role } from "@/lib/auth/users";
import { db } from "@/lib/core/db/client";
import { withTenant } from "@/lib/core/db/tenant";

export type LoginArea = "dashboard" | "admin";

export type LoginFailure =
  | "invalid_credentials"
  | "rate_limited"
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

export type AuthResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: Exclude<LoginFailure, "rate_limited"> }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

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
  const email = input.email.trim().toLowerCase();
  const attempt = await beginSignInAttempt({ email, ip: input.ip });
  if (!attempt.decision.allowed)
    return { ok: false, reason: "rate_limited", retryAfterSeconds: attempt.decision.retryAfterSeconds };
  const rows = await db().$queryRaw<AuthRow[]>`SELECT * FROM app_auth_user(${email})`;
  const row = rows[0];
  // An unknown e-mail costs the same hash check as a wrong password, and answers the same.
  const passwordOk = row
    ? await passwordMatches(row.id, input.password)
    : await verifyPassword(input.password, dummy()).then(() => false);
  if (!row || !passwordOk) {
    await attempt.failed();
    return { ok: false, reason: "invalid_credentials" };
  }
  await attempt.passed();
  // Set only by failed second-factor codes (lib/auth/two-factor.ts), which need this password: only
  // someone who knows it learns of the lock, and signing in again must not lift it.
  if (row.locked_until && row.locked_until.getTime() > Date.now()) return { ok: false, reason: "locked" };
  // Success only: stamps last_login_at (its failure branch, the old lockout, is no longer used).
  await db().$queryRaw`SELECT * FROM app_record_login(${row.id}::uuid, true, 1::int, 1::int)`;
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
