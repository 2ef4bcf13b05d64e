"use server";
// Sets a new password for the signed-in account and clears the forced-reset flag.
import { accountAction } from "@/lib/actions/client";
import { changeOwnPassword, NewPasswordInput } from "@/lib/auth/password-change";

export const changePasswordAction = accountAction()
  .input(NewPasswordInput)
  .action(async ({ user, actor }, input) => {
    await changeOwnPassword(user, actor, input);
    return { next: user.tenantId ? "/dashboard" : "/admin" };
  });
