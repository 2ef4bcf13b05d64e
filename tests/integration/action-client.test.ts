// The action client as an attacker meets it: a permission a role lacks, bad input, another
// showroom's id, a forged X-Forwarded-For, a request from a foreign site, a session whose password
// an operator reset; and the promise that after-commit work never follows a rolled-back change.
import { describe, expect, it } from "vitest";
import { changePasswordAction } from "@/app/(platform)/account/password/actions";
import { setShowroomStatusAction } from "@/app/(platform)/admin/actions";
import { createLeadAction } from "@/app/(platform)/dashboard/leads/actions";
import { updateProfileAction } from "@/app/(platform)/dashboard/settings/actions";
import {
  changeVehiclePrice,
  changeVehicleStatus,
  importCsv,
} from "@/app/(platform)/dashboard/vehicles/actions";
import { type LeadFormState, submitLead } from "@/app/[tenant]/vehicles/[slug]/actions";
import { POST as createShowroomRoute } from "@/app/api/admin/showrooms/route";
import { GET as inboxRoute } from "@/app/api/dashboard/inbox/route";
import { DELETE as removeBrandingImage } from "@/app/api/dashboard/settings/branding/route";
import { GET as exportRoute } from "@/app/api/dashboard/vehicles/export/route";
import { staffAction } from "@/lib/actions/client";
import { staffPage } from "@/lib/actions/pages";
import { systemActor } from "@/lib/audit/record";
import { authOptions } from "@/lib/auth/options";
import { issueSecondFactorProof, SECOND_FACTOR_COOKIE } from "@/lib/auth/two-factor-session";
import { withPlatformAccess } from "@/lib/core/db/platform";
import { withTenant } from "@/lib/core/db/tenant";
import { setEnv } from "@/lib/core/env";
import { Conflict } from "@/lib/core/errors";
import { MESSAGES } from "@/lib/core/i18n/messages";
import { getDashboardVehicle } from "@/lib/inventory/dashboard-vehicles";
import { createVehicle } from "@/lib/inventory/vehicles";
import { makeTenant, makeUser } from "../support/factories";
import {
  cookieJar,
  currentSession,
  revalidatedTenants,
  signInAs,
  signOut,
  withRequestHeaders,
} from "../support/framework";

const CHANGE_PASSWORD_FIRST = MESSAGES.id["action.passwordChangeRequired"];

async function showroom() {
  const tenant = await makeTenant();
  const owner = await makeUser({ tenantId: tenant.id, role: "owner" });
  const sales = await makeUser({ tenantId: tenant.id, role: "sales" });
  const vehicle = await withTenant(tenant.id, (tx) =>
    createVehicle(tx, {
      tenantId: tenant.id,
      actor: systemActor("test"),
      input: {
        stockCode: "AC-1",
        brand: "Honda",
        model: "Brio",
        year: 2021,
        transmission: "automatic",
        mileageKm: 20_000,
        price: 150_000_000n,
      },
    }),
  );
  return { tenant, owner, sales, vehicle };
}

const vehicleRow = (tenantId: string, id: string) =>
  withTenant(tenantId, (tx) =>
    tx.vehicle.findUnique({ where: { id }, select: { status: true, price: true } }),
  );

const leadAudits = (tenantId: string) =>
  withTenant(tenantId, (tx) =>
    tx.auditLog.findMany({ where: { action: "lead.create" }, orderBy: { createdAt: "asc" } }),
  );

async function forceReset(tenantId: string, userId: string) {
  await withTenant(tenantId, (tx) =>
    tx.user.update({ where: { id: userId }, data: { mustChangePassword: true } }),
  );
}

describe("permissions", () => {
  it("refuses a salesperson an admin's action and route: forbidden, 403, nothing changed", async () => {
    const { tenant, sales } = await showroom();
    signInAs(sales);
    expect(await importCsv({ csv: "stock_code,brand\nX-1,Toyota" })).toMatchObject({
      ok: false,
      code: "forbidden",
      message: MESSAGES.id["action.forbidden"],
    });
    expect(await updateProfileAction({ name: "Diambil alih" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    const response = await removeBrandingImage(
      new Request("http://localhost/api/dashboard/settings/branding?kind=logo", {
        method: "DELETE",
        headers: { origin: "http://localhost" },
      }),
    );
    expect(response.status).toBe(403);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toMatchObject({
      error: "forbidden",
      message: MESSAGES.id["action.forbidden"],
    });
    expect(revalidatedTenants()).toEqual([]);
    expect(await withTenant(tenant.id, (tx) => tx.auditLog.count({ where: { actorId: sales.id } }))).toBe(0);
  });

  it("answers a visitor without a session with 401 on a route and unauthorized on an action", async () => {
    const { vehicle } = await showroom();
    signOut();
    expect((await inboxRoute(new Request("http://localhost/api/dashboard/inbox"))).status).toBe(401);
    expect(await changeVehicleStatus({ vehicleId: vehicle.id, status: "sold" })).toMatchObject({
      ok: false,
      code: "unauthorized",
    });
  });
});

describe("input", () => {
  it("answers bad input with field errors keyed by path, in Indonesian by default and in English on request", async () => {
    const { owner } = await showroom();
    signInAs(owner);
    const result = await changeVehiclePrice({ vehicleId: "bukan-uuid", price: "murah sekali" });
    expect(result).toMatchObject({ ok: false, code: "invalid", message: MESSAGES.id["action.invalid"] });
    if (result.ok) throw new Error("accepted");
    expect(result.fieldErrors?.price).toEqual([MESSAGES.id["vehicles.error.price"]]);
    // zod's own message, in the visitor's language too (never "Invalid UUID" to an Indonesian visitor).
    expect(result.fieldErrors?.vehicleId?.[0]).toMatch(/tidak valid/i);

    cookieJar().set("locale", "en");
    const english = await changeVehiclePrice({ vehicleId: "bukan-uuid", price: "murah sekali" });
    if (english.ok) throw new Error("accepted");
    expect(english.message).toBe(MESSAGES.en["action.invalid"]);
    expect(english.fieldErrors?.price).toEqual([MESSAGES.en["vehicles.error.price"]]);
    expect(english.fieldErrors?.vehicleId?.[0]).toMatch(/invalid/i);
  });
});

describe("tenant isolation", () => {
  it("treats another showroom's vehicle id as not found, in an action and in a page read", async () => {
    const home = await showroom();
    const rival = await showroom();
    signInAs(home.owner);
    expect(await changeVehicleStatus({ vehicleId: rival.vehicle.id, status: "sold" })).toMatchObject({
      ok: false,
      code: "not_found",
      message: MESSAGES.id["action.notFound"],
    });
    expect(await vehicleRow(rival.tenant.id, rival.vehicle.id)).toMatchObject({ status: "available" });
    expect(revalidatedTenants()).toEqual([]);
    // The page reader turns the same NotFound into the page's 404.
    await expect(
      staffPage("vehicles.read", ({ tx }) => getDashboardVehicle(tx, rival.vehicle.id)),
    ).rejects.toMatchObject({ digest: expect.stringMatching(/;404$/) });
  });
});

describe("after commit", () => {
  it("runs after-commit hooks once the change is visible to others, and never after a rollback", async () => {
    const { tenant, owner } = await showroom();
    signInAs(owner);
    const seen: string[] = [];
    const addCar = (stockCode: string, fail: boolean) =>
      staffAction("vehicles.write")
        .afterCommit(async (created: { id: string }) => {
          // Another connection sees the row: the transaction has committed.
          const row = await withTenant(tenant.id, (tx) =>
            tx.vehicle.findUnique({ where: { id: created.id } }),
          );
          seen.push(row ? stockCode : `${stockCode}:missing`);
        })
        .action(async ({ tx, user, actor }) => {
          const vehicle = await createVehicle(tx, {
            tenantId: user.tenantId,
            actor,
            input: {
              stockCode,
              brand: "Toyota",
              model: "Agya",
              year: 2020,
              transmission: "manual",
              mileageKm: 30_000,
              price: 110_000_000n,
            },
          });
          if (fail) throw new Conflict("vehicles.error.stockCodeTaken");
          return { id: vehicle.id };
        })({});

    expect(await addCar("RB-1", true)).toMatchObject({ ok: false, code: "conflict" });
    expect(seen).toEqual([]);
    expect(await withTenant(tenant.id, (tx) => tx.vehicle.count({ where: { stockCode: "RB-1" } }))).toBe(0);

    expect(await addCar("OK-1", false)).toMatchObject({ ok: true });
    expect(seen).toEqual(["OK-1"]);
  });
});

describe("client address", () => {
  const SPOOFED = "6.6.6.6, 203.0.113.5";

  it("ignores X-Forwarded-For with no trusted proxy, and reads it right to left behind one", async () => {
    const { tenant, owner } = await showroom();
    signInAs(owner);
    withRequestHeaders({ "x-forwarded-for": SPOOFED });
    // Three buyers: one lead intake deduplicates an open lead with the same phone (an update, not a create).
    const lead = (phone: string) => ({ name: "Budi Santoso", phone, source: "walk_in" });
    expect(await createLeadAction(lead("0812 1111 2222"))).toMatchObject({ ok: true });

    setEnv({ TRUSTED_PROXIES: "1" });
    expect(await createLeadAction(lead("0812 1111 3333"))).toMatchObject({ ok: true });

    setEnv({ TRUSTED_PROXIES: "2" });
    expect(await createLeadAction(lead("0812 1111 4444"))).toMatchObject({ ok: true });

    // No proxy: the forged header never reaches the audit log. One: the address our proxy saw.
    expect((await leadAudits(tenant.id)).map((row) => row.ip)).toEqual([null, "203.0.113.5", "6.6.6.6"]);
  });

  it("applies the same rule to sign-in records", async () => {
    const { tenant, sales } = await showroom();
    const provider = authOptions.providers[0];
    const authorize = provider && "options" in provider ? provider.options?.authorize : undefined;
    if (typeof authorize !== "function") throw new Error("no credentials provider");
    const signIn = () =>
      authorize(
        { email: sales.email, password: sales.password, area: "dashboard" },
        { headers: { "x-forwarded-for": SPOOFED }, body: {}, query: {}, method: "POST" },
      );
    await signIn();
    setEnv({ TRUSTED_PROXIES: "1" });
    await signIn();
    const rows = await withTenant(tenant.id, (tx) =>
      tx.auditLog.findMany({
        where: { action: "auth.login", actorId: sales.id },
        orderBy: { createdAt: "asc" },
      }),
    );
    expect(rows.map((row) => row.ip)).toEqual([null, "203.0.113.5"]);
  });
});

describe("cross-site requests", () => {
  it("refuses a state-changing route called from a foreign site or without an Origin, before anything runs", async () => {
    const admin = await makeUser({ role: "super_admin" });
    signInAs(admin);
    const body = JSON.stringify({
      name: "Curian",
      slug: "curian-x",
      ownerName: "x",
      ownerEmail: "x@example.test",
    });
    const origins: Record<string, string>[] = [{ origin: "https://evil.example" }, {}, { origin: "null" }];
    for (const headers of origins) {
      const response = await createShowroomRoute(
        new Request("http://localhost/api/admin/showrooms", {
          method: "POST",
          body,
          headers: { "content-type": "text/plain", ...headers },
        }),
      );
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({
        error: "forbidden",
        message: MESSAGES.id["action.foreignOrigin"],
      });
    }
    const { owner } = await showroom();
    signInAs(owner);
    const removal = await removeBrandingImage(
      new Request("http://localhost/api/dashboard/settings/branding?kind=logo", {
        method: "DELETE",
        headers: { origin: "http://localhost.evil.example" },
      }),
    );
    expect(removal.status).toBe(403);
    const created = await withPlatformAccess(
      { actor: { kind: "system", name: "test" }, action: "test.read", entity: "tenant" },
      (tx) => tx.tenant.count({ where: { slug: "curian-x" } }),
    );
    expect(created).toBe(0);
  });
});

describe("forced password change", () => {
  it("lets a session whose password was reset do nothing but choose a new one", async () => {
    const { tenant, owner, vehicle } = await showroom();
    await forceReset(tenant.id, owner.id);
    signInAs(owner);

    const exported = await exportRoute(new Request("http://localhost/api/dashboard/vehicles/export"));
    expect(exported.status).toBe(403);
    expect(await exported.json()).toEqual({
      error: "password_change_required",
      message: CHANGE_PASSWORD_FIRST,
    });
    const inbox = await inboxRoute(new Request("http://localhost/api/dashboard/inbox"));
    expect(inbox.status).toBe(403);
    expect(await inbox.json()).toMatchObject({ error: "password_change_required" });
    expect(await createLeadAction({ name: "Budi", phone: "081211112222", source: "walk_in" })).toEqual({
      ok: false,
      code: "password_change_required",
      message: CHANGE_PASSWORD_FIRST,
    });
    expect(await changeVehicleStatus({ vehicleId: vehicle.id, status: "sold" })).toMatchObject({
      code: "password_change_required",
    });
    expect(await withTenant(tenant.id, (tx) => tx.lead.count())).toBe(0);

    // Too short is refused with the field's message; a good one clears the flag.
    expect(await changePasswordAction({ password: "pendek" })).toMatchObject({
      ok: false,
      fieldErrors: { password: [MESSAGES.id["account.password.new"]] },
    });
    expect(await changePasswordAction({ password: "sandi-baru-456" })).toEqual({
      ok: true,
      data: { next: "/dashboard" },
    });
    expect(await createLeadAction({ name: "Budi", phone: "081211112222", source: "walk_in" })).toMatchObject({
      ok: true,
    });
  });

  it("holds a super admin past the second factor to the same rule", async () => {
    const { tenant } = await showroom();
    const admin = await makeUser({ role: "super_admin" });
    await withPlatformAccess(
      { actor: { kind: "system", name: "test" }, action: "test.reset", entity: "user" },
      (tx) => tx.user.update({ where: { id: admin.id }, data: { mustChangePassword: true } }),
    );
    signInAs(admin);
    const session = currentSession();
    cookieJar().set(
      SECOND_FACTOR_COOKIE,
      issueSecondFactorProof({ userId: admin.id, sessionId: session?.sid ?? "" }),
    );
    expect(await setShowroomStatusAction({ tenantId: tenant.id, status: "suspended" })).toMatchObject({
      ok: false,
      code: "password_change_required",
    });
    expect(await changePasswordAction({ password: "sandi-baru-456" })).toEqual({
      ok: true,
      data: { next: "/admin" },
    });
    expect(await setShowroomStatusAction({ tenantId: tenant.id, status: "suspended" })).toMatchObject({
      ok: true,
    });
    expect(revalidatedTenants()).toEqual([tenant.id]);
  });
});

describe("public lead form", () => {
  it("creates a lead in the showroom of the page's segment, and refuses an unknown or suspended one", async () => {
    const { tenant, vehicle } = await showroom();
    const form = (segment: string) => {
      const data = new FormData();
      for (const [key, value] of Object.entries({
        tenant: segment,
        vehicle: vehicle.slug,
        name: "Sari",
        phone: "0813 2222 3333",
        message: "",
      }))
        data.set(key, value);
      return data;
    };
    const idle: LeadFormState = { status: "idle" };
    expect(await submitLead(idle, form(`id~p~${tenant.slug}`))).toEqual({ status: "sent" });
    expect(await withTenant(tenant.id, (tx) => tx.lead.count({ where: { source: "web" } }))).toBe(1);
    expect(await submitLead(idle, form("id~p~tidak-ada-showroom"))).toMatchObject({
      status: "error",
      problems: ["unavailable"],
    });
  });
});
