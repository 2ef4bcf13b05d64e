"use server";
// Second-factor actions, the only ones before the second factor: a password session of an active
// super admin; on success they set the session-bound proof cookie. The form reads the step's own
// result (invalid code, locked), so the action client's answer is unwrapped here.
import { cookies } from "next/headers";
import { type ActionResult, secondFactorAction } from "@/lib/actions/client";
import type { SecondFactorContext } from "@/lib/actions/kinds";
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

type TwoFactorActionResult = SecondFactorResult | { ok: false; reason: "invalid_input" | "forbidden" };

const step = secondFactorAction()
  .input(SecondFactorCode)
  .afterCommit(async (result: SecondFactorResult, { user, sessionId }: SecondFactorContext) => {
    if (result.ok)
      (await cookies()).set(
        SECOND_FACTOR_COOKIE,
        issueSecondFactorProof({ userId: user.id, sessionId }),
        secondFactorCookieOptions(),
      );
  });

const confirm = step.action(({ actor }, input) => confirmEnrolment(actor, input.code));
const verify = step.action(({ actor }, input) => verifySecondFactor(actor, input.code));

function unwrap(result: ActionResult<SecondFactorResult>): TwoFactorActionResult {
  if (result.ok) return result.data;
  return { ok: false, reason: result.code === "invalid" ? "invalid_input" : "forbidden" };
}

export async function confirmEnrolmentAction(raw: unknown): Promise<TwoFactorActionResult> {
  return unwrap(await confirm(raw));
}

export async function verifySecondFactorAction(raw: unknown): Promise<TwoFactorActionResult> {
  return unwrap(await verify(raw));
}
