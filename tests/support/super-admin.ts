// A super admin as the console sees one: signed in with a password, enrolled and verified for this
// session (the second-factor gate every admin action checks). Shared by the console's tests.
import { expect } from "vitest";
import { confirmEnrolmentAction } from "@/app/(platform)/admin/two-factor/actions";
import { totpCode } from "@/lib/auth/totp";
import { startEnrolment } from "@/lib/auth/two-factor";
import { makeUser } from "./factories";
import { signInAs } from "./framework";

export type Admin = Awaited<ReturnType<typeof makeUser>>;
export const actorOf = (user: Admin) => ({
  kind: "super_admin" as const,
  userId: user.id,
  email: user.email,
});

export async function verifiedAdmin(): Promise<{ admin: Admin; secret: string }> {
  const admin = await makeUser({ role: "super_admin" });
  signInAs(admin);
  const { secret } = await startEnrolment(actorOf(admin));
  const result = await confirmEnrolmentAction({ code: totpCode(secret) });
  expect(result).toMatchObject({ ok: true });
  return { admin, secret };
}
