// A super admin signed in with a password, enrolled in TOTP and verified for this session, through
// the real enrolment (lib/auth/two-factor) and the real second-factor action (its proof cookie).
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { confirmEnrolmentAction } from "@/app/(platform)/admin/two-factor/actions";
import { totpCode } from "@/lib/auth/totp";
import { startEnrolment } from "@/lib/auth/two-factor";
import { makeUser } from "./factories";
import { signInAs } from "./framework";

export type TestUser = Awaited<ReturnType<typeof makeUser>>;

export const superAdminActor = (user: { id: string; email: string }) => ({
  kind: "super_admin" as const,
  userId: user.id,
  email: user.email,
});

/** `admin`: an existing super admin to sign in as (default: a new one). */
export async function verifiedSuperAdmin(admin?: TestUser): Promise<{ admin: TestUser; secret: string }> {
  const user = admin ?? (await makeUser({ role: "super_admin" }));
  // A sign-in of its own: the proof is bound to it, and no earlier test's sign-out ended it.
  await signInAs(user, { sessionId: `admin-${randomUUID()}` });
  const { secret } = await startEnrolment(superAdminActor(user));
  const result = await confirmEnrolmentAction({ code: totpCode(secret) });
  expect(result).toMatchObject({ ok: true });
  return { admin: user, secret };
}
