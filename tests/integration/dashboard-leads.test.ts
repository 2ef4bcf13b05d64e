// Leads through the real server actions (session faked at next-auth): round-robin among active
// salespeople, catalog leads assigned and notified, what sales and admins see, first response,
// and refusals for a colleague's or another showroom's lead.
import { describe, expect, it } from "vitest";

import {
  addLeadNoteAction,
  assignLeadAction,
  changeLeadStatusAction,
  createLeadAction,
  setLeadFollowUpAction,
  setLeadVehicleAction,
} from "@/app/(platform)/dashboard/leads/actions";
import type { StaffUser } from "@/lib/auth/guards";
import { loadSessionUser } from "@/lib/auth/session";
import { withTenant } from "@/lib/core/db/tenant";
import { assignRoundRobin } from "@/lib/leads/assign";
import { createCatalogLead } from "@/lib/leads/catalog-lead";
import { getLeadDetail, listLeads } from "@/lib/leads/leads";
import { makeTenant, makeUser } from "../support/factories";
import { signInAs } from "../support/framework";
import { makeVehicle } from "../support/vehicles";

async function staffUser(id: string): Promise<StaffUser> {
  const user = await loadSessionUser(id);
  if (!user?.tenantId || !user.tenantSlug || !user.tenantName) throw new Error("not staff");
  return { ...user, tenantId: user.tenantId, tenantSlug: user.tenantSlug, tenantName: user.tenantName };
}

async function showroom() {
  const tenant = await makeTenant();
  const owner = await makeUser({ tenantId: tenant.id, role: "owner" });
  const admin = await makeUser({ tenantId: tenant.id, role: "admin" });
  const salesA = await makeUser({ tenantId: tenant.id, role: "sales" });
  const salesB = await makeUser({ tenantId: tenant.id, role: "sales" });
  const vehicle = await makeVehicle(tenant.id, {
    stockCode: "LD-1",
    brand: "Honda",
    model: "Jazz",
    year: 2018,
    transmission: "automatic",
    mileageKm: 50_000,
    price: 165_000_000n,
  });
  return { tenant, owner, admin, salesA, salesB, vehicle };
}

const lead = (tenantId: string, id: string) =>
  withTenant(tenantId, (tx) => tx.lead.findUniqueOrThrow({ where: { id } }));

describe("round-robin assignment", () => {
  it("rotates among active salespeople only, oldest assignment first, skipping admins, owners and deactivated staff", async () => {
    const { tenant, salesA, salesB } = await showroom();
    const inactive = await makeUser({ tenantId: tenant.id, role: "sales" });
    await withTenant(tenant.id, (tx) =>
      tx.user.update({ where: { id: inactive.id }, data: { isActive: false } }),
    );
    const picks: (string | undefined)[] = [];
    for (let i = 0; i < 4; i++) picks.push((await withTenant(tenant.id, (tx) => assignRoundRobin(tx)))?.id);
    expect(picks).toEqual([salesA.id, salesB.id, salesA.id, salesB.id]);
  });

  it("returns nobody when the showroom has no active salesperson", async () => {
    const tenant = await makeTenant();
    await makeUser({ tenantId: tenant.id, role: "owner" });
    expect(await withTenant(tenant.id, (tx) => assignRoundRobin(tx))).toBeNull();
  });

  it("assigns catalog leads in turn and notifies the assignee", async () => {
    const { tenant, salesA, salesB, vehicle } = await showroom();
    const first = await createCatalogLead({
      tenantId: tenant.id,
      vehicleSlug: vehicle.slug,
      input: { name: "Budi", phone: "081299990001" },
    });
    const second = await createCatalogLead({
      tenantId: tenant.id,
      vehicleSlug: vehicle.slug,
      input: { name: "Sari", phone: "081299990002" },
    });
    if (!first.ok || !second.ok) throw new Error("lead not created");
    expect((await lead(tenant.id, first.leadId)).assigneeId).toBe(salesA.id);
    expect((await lead(tenant.id, second.leadId)).assigneeId).toBe(salesB.id);
    const notes = await withTenant(tenant.id, (tx) =>
      tx.notification.findMany({ where: { kind: "lead.assigned" }, orderBy: { createdAt: "asc" } }),
    );
    expect(notes.map((note) => [note.userId, note.link])).toEqual([
      [salesA.id, `/dashboard/leads/${first.leadId}`],
      [salesB.id, `/dashboard/leads/${second.leadId}`],
    ]);
  });
});

describe("lead visibility and actions", () => {
  it("shows a salesperson only their own leads and an admin all of them", async () => {
    const { tenant, admin, salesA, salesB } = await showroom();
    signInAs(admin);
    const one = await createLeadAction({ name: "Walk In Satu", phone: "081200000001", source: "walk_in" });
    const two = await createLeadAction({ name: "Walk In Dua", phone: "081200000002", source: "phone" });
    if (!one.ok || !two.ok) throw new Error("not created");
    const asA = await withTenant(tenant.id, async (tx) => listLeads(tx, await staffUser(salesA.id), {}));
    const asB = await withTenant(tenant.id, async (tx) => listLeads(tx, await staffUser(salesB.id), {}));
    const asAdmin = await withTenant(tenant.id, async (tx) => listLeads(tx, await staffUser(admin.id), {}));
    expect(asA.map((row) => row.name)).toEqual(["Walk In Satu"]);
    expect(asB.map((row) => row.name)).toEqual(["Walk In Dua"]);
    expect(asAdmin.map((row) => row.name).sort()).toEqual(["Walk In Dua", "Walk In Satu"]);
    expect(
      await withTenant(tenant.id, async (tx) => getLeadDetail(tx, await staffUser(salesA.id), two.data.id)),
    ).toBeNull();
  });

  it("refuses a salesperson every action on a colleague's lead and changes nothing", async () => {
    const { tenant, admin, salesA, salesB, vehicle } = await showroom();
    signInAs(admin);
    const created = await createLeadAction({ name: "Milik A", phone: "081200000003", source: "walk_in" });
    if (!created.ok) throw new Error("not created");
    expect((await lead(tenant.id, created.data.id)).assigneeId).toBe(salesA.id);
    signInAs(salesB);
    const leadId = created.data.id;
    expect(await changeLeadStatusAction({ leadId, status: "won" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await addLeadNoteAction({ leadId, body: "diam-diam" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await setLeadFollowUpAction({ leadId, followUpOn: "2030-01-01" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await setLeadVehicleAction({ leadId, vehicleId: vehicle.id })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await assignLeadAction({ leadId, assigneeId: salesB.id })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await lead(tenant.id, leadId)).toMatchObject({
      status: "new",
      assigneeId: salesA.id,
      followUpAt: null,
      vehicleId: null,
      firstResponseAt: null,
    });
    expect(await withTenant(tenant.id, (tx) => tx.leadNote.count())).toBe(0);
  });

  it("sets the first response at the first note or status change, once", async () => {
    const { tenant, admin, salesA } = await showroom();
    signInAs(admin);
    const a = await createLeadAction({ name: "Satu", phone: "081200000004", source: "walk_in" });
    const b = await createLeadAction({ name: "Dua", phone: "081200000005", source: "walk_in" });
    if (!a.ok || !b.ok) throw new Error("not created");
    signInAs(salesA);
    // Whoever got "b" is salesB; the admin answers that one.
    expect(
      await addLeadNoteAction({ leadId: a.data.id, body: "Sudah ditelepon, minta foto interior" }),
    ).toMatchObject({ ok: true });
    const afterNote = await lead(tenant.id, a.data.id);
    expect(afterNote.firstResponseAt).toBeInstanceOf(Date);
    expect(await changeLeadStatusAction({ leadId: a.data.id, status: "negotiating" })).toMatchObject({
      ok: true,
    });
    expect((await lead(tenant.id, a.data.id)).firstResponseAt).toEqual(afterNote.firstResponseAt);
    signInAs(admin);
    expect((await lead(tenant.id, b.data.id)).firstResponseAt).toBeNull();
    expect(await changeLeadStatusAction({ leadId: b.data.id, status: "contacted" })).toMatchObject({
      ok: true,
    });
    expect((await lead(tenant.id, b.data.id)).firstResponseAt).toBeInstanceOf(Date);
    const audit = await withTenant(tenant.id, (tx) =>
      tx.auditLog.findFirst({ where: { action: "lead.status", entityId: b.data.id } }),
    );
    expect(audit).toMatchObject({
      actorId: admin.id,
      before: { status: "new" },
      after: { status: "contacted" },
    });
  });

  it("lets an admin reassign, set the car of interest and the follow-up date", async () => {
    const { tenant, admin, salesB, vehicle } = await showroom();
    signInAs(admin);
    const created = await createLeadAction({ name: "Tiga", phone: "081200000006", source: "phone" });
    if (!created.ok) throw new Error("not created");
    const leadId = created.data.id;
    expect(await assignLeadAction({ leadId, assigneeId: salesB.id })).toMatchObject({ ok: true });
    expect(await setLeadVehicleAction({ leadId, vehicleId: vehicle.id })).toMatchObject({ ok: true });
    expect(await setLeadFollowUpAction({ leadId, followUpOn: "2030-03-04" })).toMatchObject({ ok: true });
    expect(await lead(tenant.id, leadId)).toMatchObject({
      assigneeId: salesB.id,
      vehicleId: vehicle.id,
      followUpAt: new Date("2030-03-04T02:00:00Z"),
    });
  });

  it("refuses another showroom's lead, user and car ids for every lead action and changes nothing there", async () => {
    const a = await showroom();
    const b = await showroom();
    const foreign = await createCatalogLead({
      tenantId: b.tenant.id,
      vehicleSlug: b.vehicle.slug,
      input: { name: "Asing", phone: "081299990009" },
    });
    if (!foreign.ok) throw new Error("not created");
    signInAs(a.owner);
    const leadId = foreign.leadId;
    expect(await changeLeadStatusAction({ leadId, status: "won" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await addLeadNoteAction({ leadId, body: "x" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await setLeadFollowUpAction({ leadId, followUpOn: "2030-01-01" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await setLeadVehicleAction({ leadId, vehicleId: "" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await assignLeadAction({ leadId, assigneeId: a.salesA.id })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await lead(b.tenant.id, leadId)).toMatchObject({
      status: "new",
      assigneeId: b.salesA.id,
      firstResponseAt: null,
      followUpAt: null,
      vehicleId: b.vehicle.id,
    });
    // Own lead, foreign assignee or car: refused too.
    const own = await createLeadAction({ name: "Lokal", phone: "081200000007", source: "walk_in" });
    if (!own.ok) throw new Error("not created");
    expect(await assignLeadAction({ leadId: own.data.id, assigneeId: b.salesA.id })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await setLeadVehicleAction({ leadId: own.data.id, vehicleId: b.vehicle.id })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await lead(a.tenant.id, own.data.id)).toMatchObject({ assigneeId: a.salesA.id, vehicleId: null });
  });
});
