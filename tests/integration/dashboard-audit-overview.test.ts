// The audit trail browser (filters, readable diff, only this showroom's rows) and the overview's
// figures: median first response, leads by source this week, stock age buckets and most viewed
// cars counted by the public views route.
import { beforeEach, describe, expect, it } from "vitest";

import { POST as postView } from "@/app/api/catalog/views/route";
import { AuditFilters, diffAudit, listAuditEntries } from "@/lib/analytics/audit-entries";
import { ageBucketOf, loadOverview } from "@/lib/analytics/overview";
import { recordAudit, systemActor } from "@/lib/audit/record";
import type { StaffUser } from "@/lib/auth/guards";
import { loadSessionUser } from "@/lib/auth/session";
import { withTenant } from "@/lib/core/db/tenant";
import { createVehicle } from "@/lib/inventory/vehicles";
import { makeTenant, makeUser } from "../support/factories";
import { behindProxy } from "../support/framework";

// Behind one proxy that saw the client at 198.51.100.1: the audit rows carry it.
beforeEach(() => behindProxy("198.51.100.1"));

const actor = systemActor("test");

async function staffUser(id: string): Promise<StaffUser> {
  const user = await loadSessionUser(id);
  if (!user?.tenantId || !user.tenantSlug || !user.tenantName) throw new Error("not staff");
  return { ...user, tenantId: user.tenantId, tenantSlug: user.tenantSlug, tenantName: user.tenantName };
}

describe("audit trail", () => {
  it("shows only this showroom's entries, filtered by entity, action, user and date, with a before -> after diff", async () => {
    const a = await makeTenant();
    const b = await makeTenant();
    const admin = await makeUser({ tenantId: a.id, role: "admin" });
    await withTenant(a.id, (tx) =>
      recordAudit(tx, {
        tenantId: a.id,
        actor: { userId: admin.id, email: "x@a", ip: "1.2.3.4" },
        action: "settings.branding",
        entity: "tenant",
        entityId: a.id,
        before: { primary: "#1d4ed8", font: "inter" },
        after: { primary: "#b91c1c", font: "inter" },
      }),
    );
    await withTenant(b.id, (tx) =>
      recordAudit(tx, {
        tenantId: b.id,
        actor,
        action: "settings.branding",
        entity: "tenant",
        entityId: b.id,
        after: { primary: "#000000" },
      }),
    );
    const page = await withTenant(a.id, (tx) =>
      listAuditEntries(
        tx,
        AuditFilters.parse({ entity: "tenant", action: "settings.branding", user: admin.id }),
      ),
    );
    expect(page.total).toBe(1);
    expect(page.entries[0]).toMatchObject({
      actorEmail: "x@a",
      ip: "1.2.3.4",
      changes: [{ field: "primary", before: "#1d4ed8", after: "#b91c1c" }],
    });
    const tomorrow = new Date(Date.now() + 2 * 86400_000).toISOString().slice(0, 10);
    expect(
      (await withTenant(a.id, (tx) => listAuditEntries(tx, AuditFilters.parse({ from: tomorrow })))).total,
    ).toBe(0);
    expect(AuditFilters.parse({ page: "x", user: "not-a-uuid" })).toMatchObject({ page: 1, user: undefined });
  });

  it("diffs creations and removals field by field", () => {
    expect(diffAudit(null, { name: "Budi", role: "sales" })).toEqual([
      { field: "name", before: null, after: "Budi" },
      { field: "role", before: null, after: "sales" },
    ]);
    expect(diffAudit({ domain: "x.id" }, null)).toEqual([{ field: "domain", before: "x.id", after: null }]);
  });
});

describe("overview", () => {
  it("computes the median first response, this week's leads by source and the stock age buckets", async () => {
    const tenant = await makeTenant();
    const admin = await makeUser({ tenantId: tenant.id, role: "admin" });
    const sales = await makeUser({ tenantId: tenant.id, role: "sales" });
    const now = new Date();
    const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    await withTenant(tenant.id, async (tx) => {
      // Answered after 10, 30 and 90 minutes: the median is 30.
      await tx.lead.create({
        data: {
          tenantId: tenant.id,
          name: "A",
          phone: "6281",
          source: "web",
          createdAt: minutesAgo(100),
          firstResponseAt: minutesAgo(90),
          assigneeId: sales.id,
        },
      });
      await tx.lead.create({
        data: {
          tenantId: tenant.id,
          name: "B",
          phone: "6282",
          source: "whatsapp",
          createdAt: minutesAgo(100),
          firstResponseAt: minutesAgo(70),
        },
      });
      await tx.lead.create({
        data: {
          tenantId: tenant.id,
          name: "C",
          phone: "6283",
          source: "whatsapp",
          createdAt: minutesAgo(100),
          firstResponseAt: minutesAgo(10),
        },
      });
      await tx.lead.create({
        data: { tenantId: tenant.id, name: "D", phone: "6284", source: "phone", createdAt: minutesAgo(5) },
      });
      const old = await createVehicle(tx, {
        tenantId: tenant.id,
        actor,
        input: {
          stockCode: "O-1",
          brand: "Suzuki",
          model: "Ertiga",
          year: 2017,
          transmission: "manual",
          mileageKm: 90_000,
          price: 120_000_000n,
        },
      });
      await tx.vehicle.update({
        where: { id: old.id },
        data: { inStockSince: new Date(now.getTime() - 70 * 86400_000) },
      });
      await createVehicle(tx, {
        tenantId: tenant.id,
        actor,
        input: {
          stockCode: "N-1",
          brand: "Daihatsu",
          model: "Xenia",
          year: 2020,
          transmission: "manual",
          mileageKm: 30_000,
          price: 170_000_000n,
        },
      });
    });
    const overview = await withTenant(tenant.id, async (tx) =>
      loadOverview(tx, await staffUser(admin.id), now),
    );
    expect(overview.medianFirstResponseMinutes).toBeCloseTo(30, 0);
    expect(overview.respondedLeads).toBe(3);
    expect(overview.leadsBySource).toMatchObject({ web: 1, whatsapp: 2, phone: 1, walk_in: 0 });
    expect(overview.ageBuckets).toEqual({ "0-15": 1, "16-30": 0, "31-60": 0, "60+": 1 });
    // A salesperson's figures cover their own leads only.
    const own = await withTenant(tenant.id, async (tx) => loadOverview(tx, await staffUser(sales.id), now));
    expect(own.medianFirstResponseMinutes).toBeCloseTo(10, 0);
    expect(own.leadsBySource.whatsapp).toBe(0);
    expect([ageBucketOf(15), ageBucketOf(16), ageBucketOf(60), ageBucketOf(61)]).toEqual([
      "0-15",
      "16-30",
      "31-60",
      "60+",
    ]);
  });

  it("counts catalog views through the public route, answers 204 to anything, and ranks the most viewed cars", async () => {
    const tenant = await makeTenant();
    const admin = await makeUser({ tenantId: tenant.id, role: "admin" });
    const [car] = await withTenant(tenant.id, async (tx) => [
      await createVehicle(tx, {
        tenantId: tenant.id,
        actor,
        input: {
          stockCode: "V-1",
          brand: "Toyota",
          model: "Rush",
          year: 2019,
          transmission: "automatic",
          mileageKm: 40_000,
          price: 210_000_000n,
        },
      }),
    ]);
    if (!car) throw new Error("no car");
    const post = (body: string) =>
      postView(new Request("http://x/api/catalog/views", { method: "POST", body }));
    expect((await post(JSON.stringify({ tenant: tenant.slug, vehicle: car.slug }))).status).toBe(204);
    // Same visitor again within a minute is not counted twice; garbage is ignored quietly.
    expect((await post(JSON.stringify({ tenant: tenant.slug, vehicle: car.slug }))).status).toBe(204);
    expect((await post("not json")).status).toBe(204);
    expect((await post(JSON.stringify({ tenant: tenant.slug, vehicle: "no-such-car" }))).status).toBe(204);
    expect((await post(JSON.stringify({ tenant: `id~p~${tenant.slug}`, vehicle: "Bad Slug!" }))).status).toBe(
      204,
    );
    const overview = await withTenant(tenant.id, async (tx) => loadOverview(tx, await staffUser(admin.id)));
    expect(overview.topViewed).toEqual([
      { id: car.id, label: "Toyota Rush 2019", stockCode: "V-1", views: 1 },
    ]);
  });
});
