// Sign-in decisions: right area, a delay after repeated failures, deactivated accounts and
// suspended showrooms refused, and a fresh session check on every request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { loadSessionUser } from "@/lib/auth/session";
import { withPlatformAccess } from "@/lib/core/db/platform";
import { withTenant } from "@/lib/core/db/tenant";
import { getEnv } from "@/lib/core/env";
import { makeTenant, makeUser } from "../support/factories";

let tenantId: string;
beforeAll(async () => {
  tenantId = (await makeTenant()).id;
});
afterAll(() => undefined);

describe("signing in", () => {
  it("lets showroom staff into the dashboard and super admins into the admin console only", async () => {
    const sales = await makeUser({ tenantId, role: "sales" });
    const admin = await makeUser({ role: "super_admin" });
    expect(
      await authenticate({ email: sales.email, password: sales.password, area: "dashboard" }),
    ).toMatchObject({ ok: true, user: { role: "sales", tenantId } });
    expect(await authenticate({ email: sales.email, password: sales.password, area: "admin" })).toEqual({
      ok: false,
      reason: "use_staff_login",
    });
    expect(await authenticate({ email: admin.email, password: admin.password, area: "admin" })).toMatchObject(
      { ok: true, user: { role: "super_admin", tenantId: null } },
    );
    expect(await authenticate({ email: admin.email, password: admin.password, area: "dashboard" })).toEqual({
      ok: false,
      reason: "use_admin_login",
    });
  });

  it("accepts the e-mail address in any letter case", async () => {
    const owner = await makeUser({ tenantId, role: "owner" });
    expect(
      await authenticate({ email: owner.email.toUpperCase(), password: owner.password, area: "dashboard" }),
    ).toMatchObject({ ok: true });
  });

  it("gives the same answer for an unknown e-mail and a wrong password", async () => {
    const owner = await makeUser({ tenantId, role: "owner" });
    expect(
      await authenticate({
        email: "nobody@example.test",
        password: "x",
        area: "dashboard",
        ip: "192.0.2.21",
      }),
    ).toEqual({
      ok: false,
      reason: "invalid_credentials",
    });
    expect(
      await authenticate({
        email: owner.email,
        password: "wrong-password",
        area: "dashboard",
        ip: "192.0.2.21",
      }),
    ).toEqual({ ok: false, reason: "invalid_credentials" });
  });

  it("slows an address down after repeated failures, even against the right password, and only that address", async () => {
    // The old lockout held the account for everyone; now the delay is the guessing address's alone.
    const admin = await makeUser({ tenantId, role: "admin" });
    const max = getEnv().RATE_LIMIT_SIGNIN_ACCOUNT.limit;
    const guesser = "198.51.100.41";
    const results = [];
    for (let attempt = 0; attempt < max; attempt += 1) {
      results.push(
        (
          await authenticate({
            email: admin.email,
            password: "wrong-password",
            area: "dashboard",
            ip: guesser,
          })
        ).ok
          ? "ok"
          : "refused",
      );
    }
    expect(results.every((result) => result === "refused")).toBe(true);
    expect(
      await authenticate({ email: admin.email, password: admin.password, area: "dashboard", ip: guesser }),
    ).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(
      await authenticate({
        email: admin.email,
        password: admin.password,
        area: "dashboard",
        ip: "198.51.100.42",
      }),
    ).toMatchObject({ ok: true });
  });

  it("resets the failure count after a successful sign-in", async () => {
    const admin = await makeUser({ tenantId, role: "admin" });
    const max = getEnv().RATE_LIMIT_SIGNIN_ACCOUNT.limit;
    for (let attempt = 0; attempt < max - 1; attempt += 1)
      await authenticate({ email: admin.email, password: "nope", area: "dashboard", ip: "192.0.2.22" });
    expect(
      await authenticate({
        email: admin.email,
        password: admin.password,
        area: "dashboard",
        ip: "192.0.2.22",
      }),
    ).toMatchObject({ ok: true });
    await authenticate({ email: admin.email, password: "nope", area: "dashboard", ip: "192.0.2.22" });
    expect(
      await authenticate({
        email: admin.email,
        password: admin.password,
        area: "dashboard",
        ip: "192.0.2.22",
      }),
    ).toMatchObject({ ok: true });
  });

  it("refuses a deactivated account and ends its session at once", async () => {
    const sales = await makeUser({ tenantId, role: "sales" });
    expect(await loadSessionUser(sales.id)).toMatchObject({ id: sales.id, tenantId });
    await withTenant(tenantId, (tx) =>
      tx.user.update({ where: { id: sales.id }, data: { isActive: false } }),
    );
    expect(await authenticate({ email: sales.email, password: sales.password, area: "dashboard" })).toEqual({
      ok: false,
      reason: "inactive",
    });
    expect(await loadSessionUser(sales.id)).toBeNull();
  });

  it("refuses staff of a suspended showroom", async () => {
    const other = (await makeTenant()).id;
    const owner = await makeUser({ tenantId: other, role: "owner" });
    await withPlatformAccess(
      {
        actor: { kind: "system", name: "test" },
        action: "tenant.suspend",
        entity: "tenant",
        tenantId: other,
      },
      (tx) => tx.tenant.update({ where: { id: other }, data: { status: "suspended" } }),
    );
    expect(await authenticate({ email: owner.email, password: owner.password, area: "dashboard" })).toEqual({
      ok: false,
      reason: "suspended",
    });
    expect(await loadSessionUser(owner.id)).toBeNull();
  });

  it("records each sign-in in the showroom's audit log", async () => {
    const owner = await makeUser({ tenantId, role: "owner" });
    await authenticate({
      email: owner.email,
      password: owner.password,
      area: "dashboard",
      ip: "203.0.113.9",
    });
    const entries = await withTenant(tenantId, (tx) =>
      tx.auditLog.findMany({ where: { action: "auth.login", actorId: owner.id } }),
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]?.ip).toBe("203.0.113.9");
  });
});
