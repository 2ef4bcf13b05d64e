"use server";
// "Sign out everywhere": every session of this account ends on its next request, this one too.
import { accountAction } from "@/lib/actions/client";
import { signOutEverywhere } from "@/lib/auth/sign-out";

export const signOutEverywhereAction = accountAction().action(async ({ user, actor }) => {
  await signOutEverywhere(user, actor);
  return { next: user.tenantId ? "/login" : "/admin/login" };
});
