// Platform admins from the command line (`npm run cli -- admin:create`): how a production
// deployment gets its first super admin, since it seeds no demo accounts. The account gets a
// one-time password shown once; its first sign-in enrols an authenticator (every super admin must
// pass the second factor before anything in the console) and then chooses its own password.
import "server-only";
import { z } from "zod";
import { temporaryPassword } from "@/lib/admin/showrooms";
import { systemActor } from "@/lib/audit/record";
import { createUser } from "@/lib/auth/users";
import { withPlatformAccess } from "@/lib/core/db/platform";

export const PlatformAdminInput = z.object({
  email: z.email().transform((email) => email.toLowerCase()),
  name: z.string().trim().min(1).max(120).optional(),
});

export interface CreatedPlatformAdmin {
  id: string;
  email: string;
  /** Shown once; the first sign-in must replace it. */
  temporaryPassword: string;
}

export async function createPlatformAdmin(
  input: z.input<typeof PlatformAdminInput>,
): Promise<CreatedPlatformAdmin> {
  const { email, name } = PlatformAdminInput.parse(input);
  const password = temporaryPassword();
  const user = await createUser(
    {
      email,
      password,
      name: name ?? email.split("@")[0] ?? email,
      role: "super_admin",
      mustChangePassword: true,
    },
    systemActor("cli"),
  );
  return { id: user.id, email: user.email, temporaryPassword: password };
}

/** Whether any active platform admin exists (a production start says how to create the first). */
export async function hasPlatformAdmin(): Promise<boolean> {
  return withPlatformAccess(
    { actor: { kind: "system", name: "cli" }, action: "user.count_admins", entity: "user" },
    async (tx) => (await tx.user.count({ where: { role: "super_admin", isActive: true } })) > 0,
  );
}
