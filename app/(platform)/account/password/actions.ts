"use server";
// Sets a new password for the signed-in account (the current one asked again) and clears the
// forced-reset flag. The change ends every other session; this one is re-issued and stays.
import { accountAction } from "@/lib/actions/client";
import { currentSessionId } from "@/lib/auth/guards";
import { ChangePasswordInput, changeOwnPassword } from "@/lib/auth/password-change";
import { reissueSession } from "@/lib/auth/session-cookie";

export const changePasswordAction = accountAction()
  .input(ChangePasswordInput)
  .action(async ({ user, actor }, input) => {
    // The account kind opens no transaction: changeOwnPassword has committed when it resolves.
    const { sessionVersion } = await changeOwnPassword(user, actor, input);
    const sessionId = await currentSessionId();
    if (sessionId) await reissueSession({ userId: user.id, sessionId, sessionVersion });
    return { next: user.tenantId ? "/dashboard" : "/admin" };
  });
