// Staff management through the real server actions (session faked at next-auth, everything else
// real): who may create and change whom, the plan limit, and that deactivation ends a session at
// once and refuses sign-in. Cross-showroom ids are refused and change nothing.
import { beforeEach, describe, expect, it } from "vitest";

import {
  changeStaffRoleAction,
  createStaffAction,
  setStaffActiveAction,
} from "@/app/(platform)/dashboard/staff/actions";
import { authenticate } from "@/lib/auth/authenticate";
import { loadSessionUser } from "@/lib/auth/session";
import { withPlatformAccess } from "@/lib/core/db/platform";
import { withTenant } from "@/lib/core/db/tenant";
import { makeTenant, makeUser } from "../support/factories";
import { behindProxy, signInAs } from "../support/framework";

// Behind one proxy that saw the client at 203.0.113.7: the audit rows carry it.
beforeEach(() => behindProxy("203.0.113.7"));

async function showroom() {
  const tenant = await makeTenant();
  const owner = await makeUser({ tenantId: tenant.id, role: "owner" });
  const admin = await makeUser({ tenantId: tenant.id, role: "admin" });
  const sales = await makeUser({ tenantId: tenant.id, role: "sales" });
  return { tenant, owner, admin, sales };
}

const userRow = (tenantId: string, id: string) =>
  withTenant(tenantId, (tx) => tx.user.findUnique({ where: { id }, select: { role: true, isActive: true } }));

describe("staff management", () => {
  it("lets an admin create a sales user who can then sign in, with a normalised WhatsApp number, audited in the same transaction", async () => {
    const { tenant, admin } = await showroom();
    signInAs(admin);
    const result = await createStaffAction({
      name: "Budi Sales",
      email: "Budi.New@Example.test",
      role: "sales",
      whatsappNumber: "0812-3456-7890",
      password: "",
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.data.user).toMatchObject({
      email: "budi.new@example.test",
      role: "sales",
      whatsappNumber: "6281234567890",
      isActive: true,
    });
    expect(result.data.generatedPassword).toMatch(/^[A-Za-z0-9]{12}$/);
    const signIn = await authenticate({
      email: "budi.new@example.test",
      password: result.data.generatedPassword ?? "",
      area: "dashboard",
    });
    expect(signIn).toMatchObject({ ok: true, user: { tenantId: tenant.id, role: "sales" } });
    const audit = await withTenant(tenant.id, (tx) =>
      tx.auditLog.findFirst({ where: { action: "user.create", entityId: result.data.user.id } }),
    );
    expect(audit).toMatchObject({ actorId: admin.id, ip: "203.0.113.7" });
  });

  it("refuses an e-mail address already used in another showroom with a clear message", async () => {
    const a = await showroom();
    const b = await showroom();
    signInAs(a.owner);
    const result = await createStaffAction({
      name: "Dup",
      email: b.sales.email,
      role: "sales",
      password: "rahasia-123",
    });
    expect(result).toMatchObject({
      ok: false,
      code: "conflict",
      message: "Email ini sudah dipakai akun lain.",
    });
  });

  it("lets only the owner create or promote admins", async () => {
    const { tenant, owner, admin, sales } = await showroom();
    signInAs(admin);
    expect(
      await createStaffAction({
        name: "X",
        email: "x-admin@example.test",
        role: "admin",
        password: "rahasia-123",
      }),
    ).toMatchObject({ ok: false, code: "forbidden" });
    expect(await changeStaffRoleAction({ userId: sales.id, role: "admin" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await changeStaffRoleAction({ userId: owner.id, role: "sales" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await userRow(tenant.id, owner.id)).toMatchObject({ role: "owner" });
    signInAs(owner);
    expect(await changeStaffRoleAction({ userId: sales.id, role: "admin" })).toMatchObject({
      ok: true,
      data: { role: "admin" },
    });
    expect(await changeStaffRoleAction({ userId: owner.id, role: "sales" })).toMatchObject({
      ok: false,
      code: "invalid",
    });
  });

  it("refuses every staff action to a salesperson and changes nothing", async () => {
    const { tenant, admin, sales } = await showroom();
    signInAs(sales);
    expect(
      await createStaffAction({ name: "Y", email: "y@example.test", role: "sales", password: "rahasia-123" }),
    ).toMatchObject({ ok: false, code: "forbidden" });
    expect(await changeStaffRoleAction({ userId: admin.id, role: "sales" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await setStaffActiveAction({ userId: admin.id, active: false })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await userRow(tenant.id, admin.id)).toEqual({ role: "admin", isActive: true });
  });

  it("deactivation ends the user's session on the next request and refuses sign-in; reactivation restores both", async () => {
    const { tenant, admin } = await showroom();
    const victim = await makeUser({ tenantId: tenant.id, role: "sales" });
    expect(await loadSessionUser(victim.id)).toMatchObject({ id: victim.id });
    signInAs(admin);
    expect(await setStaffActiveAction({ userId: victim.id, active: false })).toMatchObject({
      ok: true,
      data: { isActive: false },
    });
    expect(await loadSessionUser(victim.id)).toBeNull();
    expect(await authenticate({ email: victim.email, password: victim.password, area: "dashboard" })).toEqual(
      { ok: false, reason: "inactive" },
    );
    // The deactivated user's own session can no longer run any action.
    signInAs(victim);
    expect(
      await createStaffAction({ name: "Z", email: "z@example.test", role: "sales", password: "rahasia-123" }),
    ).toMatchObject({ ok: false, code: "unauthorized" });
    signInAs(admin);
    expect(await setStaffActiveAction({ userId: victim.id, active: true })).toMatchObject({ ok: true });
    expect(
      await authenticate({ email: victim.email, password: victim.password, area: "dashboard" }),
    ).toMatchObject({ ok: true });
  });

  it("enforces the plan's staff limit, counting only active accounts", async () => {
    const { tenant, owner, sales } = await showroom();
    await withPlatformAccess(
      {
        actor: { kind: "system", name: "test" },
        action: "tenant.limits",
        entity: "tenant",
        tenantId: tenant.id,
      },
      (tx) => tx.tenant.update({ where: { id: tenant.id }, data: { maxStaff: 3 } }),
    );
    signInAs(owner);
    // The same fourth account, asked for before and after a place is freed.
    const createFourth = () =>
      createStaffAction({
        name: "Four",
        email: `four-${tenant.id}@example.test`,
        role: "sales",
        password: "rahasia-123",
      });
    expect(await createFourth()).toMatchObject({
      ok: false,
      code: "conflict",
      message: expect.stringContaining("3"),
    });
    expect(await setStaffActiveAction({ userId: sales.id, active: false })).toMatchObject({ ok: true });
    expect(await createFourth()).toMatchObject({ ok: true });
    expect(await setStaffActiveAction({ userId: sales.id, active: true })).toMatchObject({
      ok: false,
      code: "conflict",
    });
  });

  it("refuses another showroom's user ids for every staff action and changes nothing there", async () => {
    const a = await showroom();
    const b = await showroom();
    signInAs(a.owner);
    expect(await changeStaffRoleAction({ userId: b.sales.id, role: "admin" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await setStaffActiveAction({ userId: b.admin.id, active: false })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await userRow(b.tenant.id, b.sales.id)).toEqual({ role: "sales", isActive: true });
    expect(await userRow(b.tenant.id, b.admin.id)).toEqual({ role: "admin", isActive: true });
    expect(await withTenant(b.tenant.id, (tx) => tx.auditLog.count({ where: { actorId: a.owner.id } }))).toBe(
      0,
    );
  });
});
