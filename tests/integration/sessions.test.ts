// Sessions as an attacker meets them (issue 12): a copied session cookie must die when its owner
// changes the password, when an operator forces a reset, when it is signed out, when the account
// is deactivated (and stay dead after reactivation), when the role changes, and on "sign out
// everywhere". Changing a password needs the current one, and a super admin's second factor.
// A "stolen" session is the session cookie's value, replayed later (framework.setSessionToken).
import { randomUUID } from "node:crypto";
import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { signOutEverywhereAction } from "@/app/(platform)/account/actions";
import { changePasswordAction } from "@/app/(platform)/account/password/actions";
import { forcePasswordResetAction, setUserActiveAction } from "@/app/(platform)/admin/actions";
import { createLeadAction } from "@/app/(platform)/dashboard/leads/actions";
import { changeStaffRoleAction, setStaffActiveAction } from "@/app/(platform)/dashboard/staff/actions";
import { GET as exportRoute } from "@/app/api/dashboard/vehicles/export/route";
import { authenticate } from "@/lib/auth/authenticate";
import { currentUser } from "@/lib/auth/guards";
import { authOptions } from "@/lib/auth/options";
import { getEnv } from "@/lib/core/env";
import { MESSAGES } from "@/lib/core/i18n/messages";
import { makeTenant, makeUser } from "../support/factories";
import { sessionToken, setSessionToken, signInAs } from "../support/framework";
import { verifiedSuperAdmin } from "../support/super-admin";

async function showroom() {
  const tenant = await makeTenant();
  const owner = await makeUser({ tenantId: tenant.id, role: "owner" });
  const sales = await makeUser({ tenantId: tenant.id, role: "sales" });
  return { tenant, owner, sales };
}

/** A new sign-in's id, as next-auth mints them: never the id of an earlier (maybe ended) session. */
const newSignIn = (device: string) => `${device}-${randomUUID()}`;

/** Signs in as `user` on another device and hands back that session's cookie value. */
async function stealSession(user: { id: string }, device = "attacker-laptop"): Promise<string> {
  await signInAs(user, { sessionId: newSignIn(device) });
  const token = await sessionToken();
  if (!token) throw new Error("no session");
  return token;
}

/** Whether a replayed session still gets in: a page read, an action and a route. */
async function replayGetsIn(token: string): Promise<boolean> {
  setSessionToken(token);
  const user = await currentUser();
  const lead = await createLeadAction({ name: "Penyusup", phone: "081299990000", source: "walk_in" });
  const exported = await exportRoute(new Request("http://localhost/api/dashboard/vehicles/export"));
  const results = [user !== null, lead.ok, exported.status === 200];
  // All three checks agree, or the test says which one leaked.
  expect(new Set(results).size, `page/action/route disagree: ${results}`).toBe(1);
  return results[0] ?? false;
}

describe("a copied session (issue 12)", () => {
  it("dies when its owner changes the password, while the owner's own session stays", async () => {
    const { owner } = await showroom();
    const stolen = await stealSession(owner);
    await signInAs(owner, { sessionId: newSignIn("owner-phone") });
    expect(
      await changePasswordAction({ currentPassword: owner.password, password: "sandi-baru-789" }),
    ).toMatchObject({ ok: true });
    const own = await sessionToken();
    expect(await currentUser()).toMatchObject({ id: owner.id });
    expect(await replayGetsIn(stolen)).toBe(false);
    // The owner's session was re-issued with the new version and keeps working.
    expect(await replayGetsIn(own ?? "")).toBe(true);
  });

  it("dies at an operator's forced reset, so it cannot choose the new password itself", async () => {
    const { sales } = await showroom();
    const stolen = await stealSession(sales);
    await verifiedSuperAdmin();
    const reset = await forcePasswordResetAction({ userId: sales.id });
    if (!reset.ok) throw new Error(reset.message);
    expect(await replayGetsIn(stolen)).toBe(false);
    // Knowing the old password does not help either: the stolen session cannot change it.
    setSessionToken(stolen);
    expect(
      await changePasswordAction({ currentPassword: sales.password, password: "punya-penyusup-1" }),
    ).toMatchObject({ ok: false, code: "unauthorized" });
    expect(
      await authenticate({ email: sales.email, password: reset.data.temporaryPassword, area: "dashboard" }),
    ).toMatchObject({ ok: true });
  });

  it("dies when it is signed out, even though the cookie's copy is still valid", async () => {
    const { owner } = await showroom();
    const stolen = await stealSession(owner);
    expect(await replayGetsIn(stolen)).toBe(true);
    // What next-auth runs on POST /api/auth/signout with this cookie.
    const token = await decode({ token: stolen, secret: getEnv().AUTH_SECRET ?? "" });
    if (!token) throw new Error("undecodable session");
    const session = {
      user: { id: owner.id, email: owner.email, name: "", role: owner.role, tenantId: owner.tenantId },
      expires: "",
    };
    await authOptions.events?.signOut?.({ token, session });
    expect(await replayGetsIn(stolen)).toBe(false);
    // Only that session: another sign-in of the same account is untouched.
    const other = await stealSession(owner, "owner-desktop");
    expect(await replayGetsIn(other)).toBe(true);
  });

  it("stays dead after the account is deactivated and reactivated (dashboard and console)", async () => {
    const { owner, sales } = await showroom();
    const stolen = await stealSession(sales);
    await signInAs(owner, { sessionId: newSignIn("owner") });
    expect(await setStaffActiveAction({ userId: sales.id, active: false })).toMatchObject({ ok: true });
    expect(await setStaffActiveAction({ userId: sales.id, active: true })).toMatchObject({ ok: true });
    expect(await replayGetsIn(stolen)).toBe(false);

    const again = await stealSession(sales, "second-theft");
    await verifiedSuperAdmin();
    expect(await setUserActiveAction({ userId: sales.id, active: false })).toMatchObject({ ok: true });
    expect(await setUserActiveAction({ userId: sales.id, active: true })).toMatchObject({ ok: true });
    expect(await replayGetsIn(again)).toBe(false);
    // A fresh sign-in after reactivation works.
    const fresh = await stealSession(sales, "after-reactivation");
    expect(await replayGetsIn(fresh)).toBe(true);
  });

  it("dies when the account's role changes", async () => {
    const { tenant, owner } = await showroom();
    const admin = await makeUser({ tenantId: tenant.id, role: "admin" });
    const stolen = await stealSession(admin);
    await signInAs(owner, { sessionId: newSignIn("owner") });
    expect(await changeStaffRoleAction({ userId: admin.id, role: "sales" })).toMatchObject({ ok: true });
    expect(await replayGetsIn(stolen)).toBe(false);
  });

  it("dies, with every other session of the account, on sign out everywhere", async () => {
    const { owner } = await showroom();
    const phone = await stealSession(owner, "phone");
    const laptop = await stealSession(owner, "laptop");
    setSessionToken(laptop);
    expect(await signOutEverywhereAction(undefined)).toEqual({ ok: true, data: { next: "/login" } });
    expect(await replayGetsIn(phone)).toBe(false);
    expect(await replayGetsIn(laptop)).toBe(false);
  });

  it("is refused when it predates session versions (a cookie from before this release)", async () => {
    const { owner } = await showroom();
    await signInAs(owner);
    const token = await decode({ token: (await sessionToken()) ?? "", secret: getEnv().AUTH_SECRET ?? "" });
    const old = await encode({
      token: { sub: owner.id, uid: owner.id, sid: token?.sid },
      secret: getEnv().AUTH_SECRET ?? "",
    });
    expect(await replayGetsIn(old)).toBe(false);
  });
});

describe("changing a password (issue 12)", () => {
  it("needs the current password: without it or with a wrong one nothing changes", async () => {
    const { owner } = await showroom();
    await signInAs(owner);
    expect(await changePasswordAction({ password: "diambil-alih-1" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { currentPassword: [MESSAGES.id["security.password.currentRequired"]] },
    });
    expect(
      await changePasswordAction({ currentPassword: "tebakan-salah", password: "diambil-alih-1" }),
    ).toMatchObject({
      ok: false,
      code: "invalid",
      message: MESSAGES.id["security.password.currentWrong"],
      fieldErrors: { currentPassword: [MESSAGES.id["security.password.currentWrong"]] },
    });
    expect(
      await authenticate({ email: owner.email, password: owner.password, area: "dashboard" }),
    ).toMatchObject({ ok: true });
    expect(
      await authenticate({ email: owner.email, password: "diambil-alih-1", area: "dashboard" }),
    ).toMatchObject({ ok: false });
  });

  it("refuses a super admin who has the password but has not passed the second factor", async () => {
    const { admin } = await verifiedSuperAdmin();
    // The same account signed in again elsewhere with the password only: no second-factor proof.
    await signInAs(admin, { sessionId: newSignIn("password-only") });
    expect(
      await changePasswordAction({ currentPassword: admin.password, password: "sandi-baru-999" }),
    ).toMatchObject({ ok: false, code: "forbidden" });
    expect(await authenticate({ email: admin.email, password: admin.password, area: "admin" })).toMatchObject(
      { ok: true },
    );
  });
});
