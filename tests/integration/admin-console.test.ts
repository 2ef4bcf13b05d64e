// The platform console through its real server actions and domain functions (only the framework's
// edges faked, tests/support/framework.ts): TOTP enrolment and verification, the
// second-factor gate on every action, suspension, deletion after export, audited reads, health.
import { describe, expect, it } from "vitest";

import {
  createShowroomAction,
  deleteShowroomAction,
  forcePasswordResetAction,
  savePlatformSettingsAction,
  setShowroomStatusAction,
  setUserActiveAction,
  unlockUserAction,
  updateShowroomLimitsAction,
} from "@/app/(platform)/admin/actions";
import { confirmEnrolmentAction, verifySecondFactorAction } from "@/app/(platform)/admin/two-factor/actions";
import { POST as createShowroomRoute } from "@/app/api/admin/showrooms/route";
import { GET as healthRoute } from "@/app/api/health/route";
import { exportShowroom } from "@/lib/admin/export";
import { healthReport } from "@/lib/admin/health";
import { listShowrooms } from "@/lib/admin/showrooms";
import { authenticate } from "@/lib/auth/authenticate";
import { totpCode } from "@/lib/auth/totp";
import { startEnrolment, verifySecondFactor } from "@/lib/auth/two-factor";
import { db } from "@/lib/core/db/client";
import { withPlatformAccess } from "@/lib/core/db/platform";
import { withTenant } from "@/lib/core/db/tenant";
import { findTenantIdBySlug } from "@/lib/tenancy/tenants";
import { makeTenant, makeUser, uniqueSlug } from "../support/factories";
import { cookieJar, signInAs, signOut } from "../support/framework";
import { superAdminActor, verifiedSuperAdmin } from "../support/super-admin";

const STEP = 30_000;

const actorOf = superAdminActor;
const verifiedAdmin = () => verifiedSuperAdmin();

describe("two-factor for super admins", () => {
  it("enrols with a code from the secret, shows ten recovery codes, and refuses a replayed code", async () => {
    const admin = await makeUser({ role: "super_admin" });
    signInAs(admin);
    const enrolment = await startEnrolment(actorOf(admin));
    expect(enrolment.qrSvg).toContain("<svg");
    expect(enrolment.uri).toContain(`secret=${enrolment.secret}`);
    const now = Date.now();
    const confirmed = await confirmEnrolmentAction({ code: totpCode(enrolment.secret, now) });
    if (!confirmed.ok) throw new Error(JSON.stringify(confirmed));
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect(cookieJar().size).toBe(1);
    // The same code again (same step) is a replay.
    expect(await verifySecondFactor(actorOf(admin), totpCode(enrolment.secret, now), now)).toEqual({
      ok: false,
      reason: "invalid_code",
    });
    // The next step's code works.
    expect(
      await verifySecondFactor(actorOf(admin), totpCode(enrolment.secret, now + STEP), now + STEP),
    ).toMatchObject({ ok: true });
  });

  it("accepts a recovery code once", async () => {
    const admin = await makeUser({ role: "super_admin" });
    signInAs(admin);
    const { secret } = await startEnrolment(actorOf(admin));
    const confirmed = await confirmEnrolmentAction({ code: totpCode(secret) });
    if (!confirmed.ok || !confirmed.recoveryCodes) throw new Error("not enrolled");
    cookieJar().clear();
    const code = confirmed.recoveryCodes[3] ?? "";
    expect(await verifySecondFactorAction({ code })).toMatchObject({ ok: true, usedRecoveryCode: true });
    expect(await verifySecondFactorAction({ code })).toEqual({ ok: false, reason: "invalid_code" });
  });

  it("locks the account for 15 minutes after five wrong codes", async () => {
    const { admin, secret } = await verifiedAdmin();
    for (let attempt = 0; attempt < 4; attempt++)
      expect(await verifySecondFactorAction({ code: "000000" })).toMatchObject({
        ok: false,
        reason: "invalid_code",
      });
    expect(await verifySecondFactorAction({ code: "000000" })).toEqual({ ok: false, reason: "locked" });
    // Even the right code is refused while locked, and the password sign-in too.
    expect(
      await verifySecondFactor(actorOf(admin), totpCode(secret, Date.now() + STEP), Date.now() + STEP),
    ).toEqual({ ok: false, reason: "locked" });
    expect(await authenticate({ email: admin.email, password: admin.password, area: "admin" })).toEqual({
      ok: false,
      reason: "locked",
    });
  });
});

describe("who may use admin actions", () => {
  const everyAction = (tenantId: string, userId: string) => [
    () =>
      createShowroomAction({
        name: "Nope",
        slug: uniqueSlug("nope"),
        ownerName: "X",
        ownerEmail: `${uniqueSlug("x")}@example.test`,
      }),
    () =>
      updateShowroomLimitsAction({
        tenantId,
        maxVehicles: 1,
        maxStaff: 1,
        aiMonthlyBudgetUsd: 1,
        aiRatePerMinute: 1,
      }),
    () => setShowroomStatusAction({ tenantId, status: "suspended" }),
    () => deleteShowroomAction({ tenantId, confirmSlug: "x" }),
    () => setUserActiveAction({ userId, active: false }),
    () => forcePasswordResetAction({ userId }),
    () => unlockUserAction({ userId }),
    () =>
      savePlatformSettingsAction({
        aiProvider: "local",
        aiModel: "",
        whatsappAppId: "",
        whatsappApiVersion: "",
        whatsappVerifyToken: "",
        rootDomain: "",
      }),
  ];

  it("refuses a showroom owner, admin and sales, and a super admin without a verified second factor", async () => {
    const tenant = await makeTenant();
    const owner = await makeUser({ tenantId: tenant.id, role: "owner" });
    const staffAdmin = await makeUser({ tenantId: tenant.id, role: "admin" });
    const sales = await makeUser({ tenantId: tenant.id, role: "sales" });
    const unverified = await makeUser({ role: "super_admin" });
    for (const user of [owner, staffAdmin, sales, unverified]) {
      signInAs(user);
      for (const action of everyAction(tenant.id, sales.id))
        expect(await action()).toMatchObject({ ok: false, code: "forbidden" });
      const response = await createShowroomRoute(
        new Request("http://x/api/admin/showrooms", {
          method: "POST",
          body: "{}",
          headers: { origin: "http://x" },
        }),
      );
      expect(response.status).toBe(403);
    }
    signOut();
    expect(
      (
        await createShowroomRoute(
          new Request("http://x/api/admin/showrooms", {
            method: "POST",
            body: "{}",
            headers: { origin: "http://x" },
          }),
        )
      ).status,
    ).toBe(401);
    const row = await withTenant(tenant.id, (tx) =>
      tx.tenant.findUnique({ where: { id: tenant.id }, select: { status: true, maxVehicles: true } }),
    );
    expect(row).toEqual({ status: "active", maxVehicles: 1000 });
  });

  it("refuses a proof cookie from another session of the same admin", async () => {
    const tenant = await makeTenant();
    const { admin } = await verifiedAdmin();
    signInAs(admin, { sessionId: "a-new-sign-in" });
    expect(await setShowroomStatusAction({ tenantId: tenant.id, status: "suspended" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
  });
});

describe("showroom lifecycle", () => {
  it("creates a showroom with an owner who can sign in; suspension refuses sign-in and the catalog reports it", async () => {
    await verifiedAdmin();
    const slug = uniqueSlug("baru");
    const email = `${slug}@example.test`;
    const created = await createShowroomAction({
      name: "Mobil Baru",
      slug,
      city: "Bandung",
      ownerName: "Pak Baru",
      ownerEmail: email,
    });
    if (!created.ok) throw new Error(created.message);
    expect(created.data.welcomeMessage).toContain(created.data.temporaryPassword);
    expect(
      await authenticate({ email, password: created.data.temporaryPassword, area: "dashboard" }),
    ).toMatchObject({ ok: true });

    expect(
      await setShowroomStatusAction({ tenantId: created.data.tenantId, status: "suspended" }),
    ).toMatchObject({ ok: true });
    expect(
      await authenticate({ email, password: created.data.temporaryPassword, area: "dashboard" }),
    ).toEqual({ ok: false, reason: "suspended" });
    expect(await db().$transaction((tx) => findTenantIdBySlug(tx, slug))).toMatchObject({
      status: "suspended",
    });

    expect(
      await setShowroomStatusAction({ tenantId: created.data.tenantId, status: "active" }),
    ).toMatchObject({ ok: true });
    expect(
      await authenticate({ email, password: created.data.temporaryPassword, area: "dashboard" }),
    ).toMatchObject({ ok: true });
  });

  it("deletes only after an export and the typed slug, removing every row of that showroom and no other", async () => {
    const { admin } = await verifiedAdmin();
    const doomed = await makeTenant("Doomed");
    const kept = await makeTenant("Kept");
    await makeUser({ tenantId: doomed.id, role: "sales" });
    await makeUser({ tenantId: kept.id, role: "sales" });
    expect(await deleteShowroomAction({ tenantId: doomed.id, confirmSlug: doomed.slug })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    const exported = await exportShowroom(actorOf(admin), doomed.id);
    expect(exported.tables.users).toHaveLength(1);
    expect(JSON.stringify(exported.tables.users)).not.toContain("passwordHash");
    expect(exported.vehiclesCsv.split("\n")[0]).toContain(",");
    expect(await deleteShowroomAction({ tenantId: doomed.id, confirmSlug: "wrong" })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await deleteShowroomAction({ tenantId: doomed.id, confirmSlug: doomed.slug })).toMatchObject({
      ok: true,
    });

    const tables = [
      "tenant_domains",
      "users",
      "vehicles",
      "leads",
      "audit_logs",
      "llm_calls",
      "wa_contacts",
      "notifications",
    ] as const;
    const remaining = await withPlatformAccess(
      { actor: { kind: "system", name: "test" }, action: "test.count", entity: "tenant" },
      async (tx) => {
        const counts: Record<string, number> = {
          tenants: await tx.tenant.count({ where: { id: { in: [doomed.id, kept.id] } } }),
        };
        for (const table of tables) {
          const rows = await tx.$queryRawUnsafe<{ doomed: bigint; kept: bigint }[]>(
            `SELECT count(*) FILTER (WHERE tenant_id = $1::uuid) AS doomed, count(*) FILTER (WHERE tenant_id = $2::uuid) AS kept FROM ${table}`,
            doomed.id,
            kept.id,
          );
          counts[`${table}.doomed`] = Number(rows[0]?.doomed ?? 0n);
          counts[`${table}.kept`] = Number(rows[0]?.kept ?? 0n);
        }
        return counts;
      },
    );
    expect(remaining.tenants).toBe(1);
    for (const table of tables) expect(remaining[`${table}.doomed`]).toBe(0);
    expect(remaining["users.kept"]).toBe(1);
    expect(remaining["audit_logs.kept"]).toBeGreaterThan(0);
  });
});

describe("audited reads, users, settings and health", () => {
  it("leaves an audit row naming the operator for every read across showrooms", async () => {
    const { admin } = await verifiedAdmin();
    await listShowrooms({ ...actorOf(admin), ip: "203.0.113.9" }, { q: "zzz" });
    const rows = await withPlatformAccess(
      { actor: { kind: "system", name: "test" }, action: "test.audit", entity: "audit_log" },
      (tx) => tx.auditLog.findMany({ where: { actorId: admin.id, action: "tenant.list" } }),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tenantId: null, ip: "203.0.113.9" });
  });

  it("forces a password reset with a one-time password and unlocks", async () => {
    await verifiedAdmin();
    const tenant = await makeTenant();
    const sales = await makeUser({ tenantId: tenant.id, role: "sales" });
    const reset = await forcePasswordResetAction({ userId: sales.id });
    if (!reset.ok) throw new Error(reset.message);
    expect(
      await authenticate({ email: sales.email, password: sales.password, area: "dashboard" }),
    ).toMatchObject({ ok: false });
    expect(
      await authenticate({ email: sales.email, password: reset.data.temporaryPassword, area: "dashboard" }),
    ).toMatchObject({ ok: true });
    expect(
      await withTenant(tenant.id, (tx) =>
        tx.user.findUnique({ where: { id: sales.id }, select: { mustChangePassword: true } }),
      ),
    ).toEqual({ mustChangePassword: true });
    expect(await setUserActiveAction({ userId: sales.id, active: false })).toMatchObject({
      ok: true,
      data: { isActive: false },
    });
    expect(
      await authenticate({ email: sales.email, password: reset.data.temporaryPassword, area: "dashboard" }),
    ).toEqual({ ok: false, reason: "inactive" });
  });

  it("reports health without secrets", async () => {
    const { admin } = await verifiedAdmin();
    const response = await healthRoute();
    expect(response.status).toBe(200);
    const body: unknown = await response.json();
    expect(body).toMatchObject({ status: "ok", db: { status: "ok" } });
    const report = await healthReport(actorOf(admin));
    const text = JSON.stringify([body, report]);
    for (const secret of [
      process.env.AUTH_SECRET ?? "",
      process.env.ENCRYPTION_KEY ?? "",
      process.env.DATABASE_URL ?? "",
    ])
      expect(text).not.toContain(secret);
    expect(report.storage.probe).toBe("ok");
  });
});
