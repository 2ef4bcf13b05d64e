"use server";
// Second-factor actions. Only these run before the second factor: they need a password session
// of an active super admin, and on success they set the session-bound proof cookie.
import { cookies } from "next/headers";
import { actorOf } from "@/lib/admin/run";
import { currentSessionId, requireSuperAdminPassword } from "@/lib/auth/guards";
import {
  confirmEnrolment,
  SecondFactorCode,
  type SecondFactorResult,
  verifySecondFactor,
} from "@/lib/auth/two-factor";
import {
  issueSecondFactorProof,
  SECOND_FACTOR_COOKIE,
  secondFactorCookieOptions,
} from "@/lib/auth/two-factor-session";
import { DomainError } from "@/lib/core/errors";

type TwoFactorActionResult = SecondFactorResult | { ok: false; reason: "invalid_input" | "forbidden" };

async function run(raw: unknown, step: typeof confirmEnrolment): Promise<TwoFactorActionResult> {
  const parsed = SecondFactorCode.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid_input" };
  try {
    const user = await requireSuperAdminPassword();
    const sessionId = await currentSessionId();
    if (!sessionId) return { ok: false, reason: "forbidden" };
    const result = await step(await actorOf(user), parsed.data.code);
    if (result.ok)
      (await cookies()).set(
        SECOND_FACTOR_COOKIE,
        issueSecondFactorProof({ userId: user.id, sessionId }),
        secondFactorCookieOptions(),
      );
    return result;
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, reason: "forbidden" };
    throw error;
  }
}

export async function confirmEnrolmentAction(raw: unknown): Promise<TwoFactorActionResult> {
  return run(raw, confirmEnrolment);
}

export async function verifySecondFactorAction(raw: unknown): Promise<TwoFactorActionResult> {
  return run(raw, verifySecondFactor);
}
