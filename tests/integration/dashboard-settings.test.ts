// Showroom settings through the real server actions (session faked at next-auth): colours that are
// not colours are refused (no CSS or script reaches the catalog), domains are validated and a
// verified one is unique across the platform, every change is audited in its own transaction, and
// sales staff and other showrooms' ids are refused.
import { beforeEach, describe, expect, it } from "vitest";

import {
  addDomainAction,
  removeDomainAction,
  updateBrandingAction,
  updateCreditAction,
  updateProfileAction,
} from "@/app/(platform)/dashboard/settings/actions";
import { withTenant } from "@/lib/core/db/tenant";
import { readTheme, themeStyle } from "@/lib/tenancy/theme";
import { makeTenant, makeUser, makeVerifiedDomain } from "../support/factories";
import { behindProxy, signInAs } from "../support/framework";

// Behind one proxy that saw the client at 203.0.113.9: the audit rows carry it.
beforeEach(() => behindProxy("203.0.113.9"));

async function showroom() {
  const tenant = await makeTenant();
  const admin = await makeUser({ tenantId: tenant.id, role: "admin" });
  const sales = await makeUser({ tenantId: tenant.id, role: "sales" });
  return { tenant, admin, sales };
}

const tenantRow = (id: string) =>
  withTenant(id, (tx) => tx.tenant.findUniqueOrThrow({ where: { id }, include: { domains: true } }));
const hours = [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, closed: day === 0, open: "08:00", close: "17:00" }));
const profile = {
  name: "Maju Motor",
  tagline: "Mobil bekas jujur",
  address: "Jl. Sudirman 1",
  city: "Medan",
  phone: "061-123",
  whatsappNumber: "0812 7777 8888",
  email: "Info@Maju.id",
  mapUrl: "https://maps.google.com/?q=maju",
  openingHours: hours,
};

describe("branding", () => {
  it("saves a new primary colour and audits before and after in the same transaction", async () => {
    const { tenant, admin } = await showroom();
    signInAs(admin);
    const result = await updateBrandingAction({
      primary: "#B91C1C",
      secondary: "#0f172a",
      accent: "#f59e0b",
    });
    expect(result).toMatchObject({ ok: true, data: { primary: "#b91c1c" } });
    expect(themeStyle(readTheme((await tenantRow(tenant.id)).theme))["--primary"]).toBe("#b91c1c");
    const audit = await withTenant(tenant.id, (tx) =>
      tx.auditLog.findFirstOrThrow({ where: { action: "settings.branding" } }),
    );
    expect(audit).toMatchObject({
      actorId: admin.id,
      ip: "203.0.113.9",
      before: { primary: "#1d4ed8" },
      after: { primary: "#b91c1c" },
    });
  });

  it("refuses anything that is not a #rrggbb colour, so no CSS or script can reach the catalog", async () => {
    const { tenant, admin } = await showroom();
    signInAs(admin);
    for (const primary of [
      "red",
      "#12345",
      "#1d4ed8; background:url(javascript:alert(1))",
      "</style><script>alert(1)</script>",
      "expression(alert(1))",
      "#1d4ed8\n",
    ]) {
      const result = await updateBrandingAction({ primary, secondary: "#0f172a", accent: "#f59e0b" });
      expect(result).toMatchObject({
        ok: false,
        code: "invalid",
        fieldErrors: { primary: ["Warna harus berbentuk #RRGGBB, misalnya #1d4ed8."] },
      });
    }
    expect(
      await updateBrandingAction({ primary: "#111111", secondary: "#0f172a", accent: "#f59e0b", font: "x" }),
    ).toMatchObject({ ok: false, code: "invalid" });
    expect(readTheme((await tenantRow(tenant.id)).theme).primary).toBe("#1d4ed8");
    expect(
      await withTenant(tenant.id, (tx) => tx.auditLog.count({ where: { action: "settings.branding" } })),
    ).toBe(0);
  });
});

describe("profile and credit", () => {
  it("saves the profile with a normalised WhatsApp number and only open days as hours", async () => {
    const { tenant, admin } = await showroom();
    signInAs(admin);
    expect(await updateProfileAction(profile)).toMatchObject({ ok: true });
    const row = await tenantRow(tenant.id);
    expect(row).toMatchObject({
      name: "Maju Motor",
      whatsappNumber: "6281277778888",
      email: "info@maju.id",
      mapUrl: "https://maps.google.com/?q=maju",
    });
    expect(row.openingHours).toHaveLength(6);
  });

  it("refuses a javascript: map link and a closing time before opening", async () => {
    const { tenant, admin } = await showroom();
    signInAs(admin);
    const result = await updateProfileAction({
      ...profile,
      mapUrl: "javascript:alert(1)",
      openingHours: hours.map((slot) => (slot.day === 1 ? { ...slot, open: "18:00" } : slot)),
    });
    expect(result).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { mapUrl: [expect.any(String)], "openingHours.1.close": [expect.any(String)] },
    });
    expect((await tenantRow(tenant.id)).name).toBe("Test Showroom");
  });

  it("stores the credit rate in basis points and the tenors sorted", async () => {
    const { tenant, admin } = await showroom();
    signInAs(admin);
    expect(
      await updateCreditAction({ ratePercent: "5,75", minDownPct: "25", tenors: [36, 12, 24] }),
    ).toMatchObject({ ok: true });
    expect(await tenantRow(tenant.id)).toMatchObject({
      creditRateBps: 575,
      creditMinDownPct: 25,
      creditTenorsMonths: [12, 24, 36],
    });
    expect(await updateCreditAction({ ratePercent: "99", minDownPct: "25", tenors: [12] })).toMatchObject({
      ok: false,
      code: "invalid",
    });
  });
});

describe("custom domains", () => {
  it("adds a valid domain in canonical form and refuses one another showroom already uses, clearly", async () => {
    const a = await showroom();
    const b = await showroom();
    const domain = `Mobil-${a.tenant.slug}.CO.ID`;
    signInAs(a.admin);
    expect(await addDomainAction({ domain: `https://www.${domain}/` })).toMatchObject({
      ok: true,
      data: { domain: domain.toLowerCase() },
    });
    // A domain is "used" once its TXT record proved it (tests/integration/custom-domains.test.ts);
    // an unproven claim blocks nobody, or a squatter could lock a business out of its own domain.
    await makeVerifiedDomain(a.tenant.id, domain.toLowerCase());
    signInAs(b.admin);
    expect(await addDomainAction({ domain })).toEqual({
      ok: false,
      code: "conflict",
      message: "Domain ini sudah dipakai showroom lain di platform.",
    });
    expect((await tenantRow(b.tenant.id)).domains).toEqual([]);
  });

  it("refuses host names that are not usable domains", async () => {
    const { admin } = await showroom();
    signInAs(admin);
    for (const domain of [
      "localhost",
      "mobil",
      "10.0.0.1",
      "a..b.com",
      "-x.com",
      "x.com/path",
      "x.com:8080",
      "evil.localhost",
      "user@x.com",
    ]) {
      expect(await addDomainAction({ domain })).toMatchObject({ ok: false, code: "invalid" });
    }
  });
});

describe("permissions and isolation", () => {
  it("refuses every settings action to a salesperson and changes nothing", async () => {
    const { tenant, sales } = await showroom();
    signInAs(sales);
    expect(await updateProfileAction(profile)).toMatchObject({ ok: false, code: "forbidden" });
    expect(
      await updateBrandingAction({ primary: "#000000", secondary: "#000000", accent: "#000000" }),
    ).toMatchObject({ ok: false, code: "forbidden" });
    expect(await updateCreditAction({ ratePercent: "1", minDownPct: "0", tenors: [12] })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await addDomainAction({ domain: `sales-${tenant.slug}.com` })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    const row = await tenantRow(tenant.id);
    expect(row).toMatchObject({ name: "Test Showroom", creditRateBps: 650, domains: [] });
  });

  it("cannot remove another showroom's domain", async () => {
    const a = await showroom();
    const b = await showroom();
    signInAs(b.admin);
    const added = await addDomainAction({ domain: `b-${b.tenant.slug}.id` });
    if (!added.ok) throw new Error(added.message);
    signInAs(a.admin);
    expect(await removeDomainAction({ domainId: added.data.id })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect((await tenantRow(b.tenant.id)).domains.map((row) => row.domain)).toEqual([
      `b-${b.tenant.slug}.id`,
    ]);
    signInAs(b.admin);
    expect(await removeDomainAction({ domainId: added.data.id })).toMatchObject({ ok: true });
    expect((await tenantRow(b.tenant.id)).domains).toEqual([]);
  });
});
