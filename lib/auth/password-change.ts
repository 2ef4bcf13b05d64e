// A signed-in account choosing its own new password (also the way out of a forced reset). The
// current password is asked again: a session alone (a stolen cookie, an unlocked phone) must not
// be enough to take the account over. The new hash and the cleared flag are written with the audit
// row in one transaction; the database then bumps the account's session version (migration
// 20261205010000), which ends every other session, and the caller re-issues this one.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/audit/record";
import { changeOwnAccount } from "@/lib/auth/own-account";
import { hashPassword, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { passwordMatches } from "@/lib/auth/password-check";
import type { SessionUser } from "@/lib/auth/session";
import { Invalid } from "@/lib/core/errors";

export const ChangePasswordInput = z.object({
  currentPassword: z
    .string({ error: "security.password.currentRequired" })
    .min(1, "security.password.currentRequired")
    .max(200),
  password: z.string().min(MIN_PASSWORD_LENGTH, "account.password.new").max(200, "account.password.new"),
});

/** Changes the password; resolves with the account's new session version. */
export async function changeOwnPassword(
  user: SessionUser,
  actor: Actor,
  input: z.output<typeof ChangePasswordInput>,
): Promise<{ sessionVersion: number }> {
  if (!(await passwordMatches(user.id, input.currentPassword)))
    throw new Invalid("security.password.currentWrong", {
      currentPassword: ["security.password.currentWrong"],
    });
  if (input.password === input.currentPassword)
    throw new Invalid("security.password.unchanged", { password: ["security.password.unchanged"] });
  const data = { passwordHash: await hashPassword(input.password), mustChangePassword: false };
  return changeOwnAccount(user, actor, "user.password_change", (tx) =>
    tx.user.update({ where: { id: user.id }, data, select: { sessionVersion: true } }),
  );
}
