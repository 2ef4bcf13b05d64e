// The dashboard's notification centre on a real PostgreSQL: a lead from each source reaches the
// right staff (its assignee, the managers; never the person who typed it in), the bell's route
// counts what each person may see and chose to see, marking read is personal (managers' shared
// notifications are read per manager), no one sees or marks another showroom's notifications, and
// a follow-up that comes due reminds its assignee once.
import { beforeAll, describe, expect, it } from "vitest";
import { createLeadAction } from "@/app/(platform)/dashboard/leads/actions";
import {
  markAllNotificationsReadAction,
  markNotificationsReadAction,
  saveMyNotificationSettingsAction,
} from "@/app/(platform)/dashboard/notifications/actions";
import { GET as bellRoute } from "@/app/api/dashboard/notifications/route";
import { runAssistantTurn } from "@/lib/assistant/turn";
import { withTenant } from "@/lib/core/db/tenant";
import { createCatalogLead } from "@/lib/leads/catalog-lead";
import { tenantsWithDueFollowUps } from "@/lib/leads/follow-ups";
import type { BellState } from "@/lib/notifications/center";
import { remindDueFollowUps } from "@/lib/services/notifications/follow-up-reminders";
import { storeBuyerMessage } from "../support/buyer-message";
import { deliverQueuedEvents } from "../support/events";
import { makeTenant, makeUser } from "../support/factories";
import { signInAs } from "../support/framework";
import { AVANZA_2020, makeVehicle } from "../support/vehicles";

type User = Awaited<ReturnType<typeof makeUser>>;

async function showroom() {
  const tenant = await makeTenant();
  const owner = await makeUser({ tenantId: tenant.id, role: "owner" });
  const admin = await makeUser({ tenantId: tenant.id, role: "admin" });
  const sales = await makeUser({ tenantId: tenant.id, role: "sales" });
  const vehicle = await makeVehicle(tenant.id, { ...AVANZA_2020, stockCode: "AV-1", year: 2019 });
  return { tenant, owner, admin, sales, vehicle };
}

async function bellOf(user: User): Promise<BellState> {
  signInAs(user);
  const response = await bellRoute(new Request("http://localhost/api/dashboard/notifications"));
  expect(response.status).toBe(200);
  return (await response.json()) as BellState;
}

const rowsOf = (tenantId: string, kind: string) =>
  withTenant(tenantId, (tx) => tx.notification.findMany({ where: { kind }, orderBy: { createdAt: "asc" } }));

let room: Awaited<ReturnType<typeof showroom>>;
beforeAll(async () => {
  room = await showroom();
});

describe("a new lead reaches the right staff", () => {
  it("from the catalog form: the salesperson it was given to, and every manager", async () => {
    const result = await createCatalogLead({
      tenantId: room.tenant.id,
      vehicleSlug: room.vehicle.slug,
      input: { name: "Budi Web", phone: "0812 5550 0001" },
    });
    if (!result.ok) throw new Error("no lead");
    await deliverQueuedEvents(room.tenant.id);
    const assigned = (await rowsOf(room.tenant.id, "lead.assigned")).filter(
      (row) => row.link === `/dashboard/leads/${result.leadId}`,
    );
    const fresh = (await rowsOf(room.tenant.id, "lead.new")).filter(
      (row) => row.link === `/dashboard/leads/${result.leadId}`,
    );
    expect(assigned.map((row) => row.userId)).toEqual([room.sales.id]);
    expect(fresh.map((row) => row.userId).sort()).toEqual([room.owner.id, room.admin.id].sort());
    expect(fresh[0]?.title).toContain("Budi Web");
    expect(fresh[0]?.body).toContain("Toyota Avanza 1.5 G 2019 (AV-1)");
    // Delivered twice (a retried event): still one each.
    await deliverQueuedEvents(room.tenant.id);
    expect((await rowsOf(room.tenant.id, "lead.new")).length).toBe(fresh.length);

    const bell = await bellOf(room.sales);
    expect(bell.unread).toBeGreaterThanOrEqual(1);
    expect(bell.latest[0]).toMatchObject({ type: "assigned", read: false });
  });

  it("from WhatsApp: the assistant's lead reaches its salesperson and the managers", async () => {
    const { turn } = await storeBuyerMessage(room.tenant, {
      waId: "6281255500002",
      body: "ada avanza matic? nama saya Sari",
      name: "Sari",
    });
    if (!turn) throw new Error("no turn");
    await withTenant(room.tenant.id, (tx) => runAssistantTurn(tx, turn));
    await deliverQueuedEvents(room.tenant.id);
    const lead = await withTenant(room.tenant.id, (tx) =>
      tx.lead.findFirstOrThrow({ where: { phone: "6281255500002" } }),
    );
    expect(lead.source).toBe("whatsapp");
    const link = `/dashboard/leads/${lead.id}`;
    expect(
      (await rowsOf(room.tenant.id, "lead.assigned"))
        .filter((row) => row.link === link)
        .map((row) => row.userId),
    ).toEqual([room.sales.id]);
    expect(
      (await rowsOf(room.tenant.id, "lead.new"))
        .filter((row) => row.link === link)
        .map((row) => row.userId)
        .sort(),
    ).toEqual([room.owner.id, room.admin.id].sort());
  });

  it("from the dashboard: not the admin who typed it in; the assignee and the other managers", async () => {
    signInAs(room.admin);
    const created = await createLeadAction({ name: "Walk In", phone: "081255500003", source: "walk_in" });
    if (!created.ok) throw new Error(created.message);
    await deliverQueuedEvents(room.tenant.id);
    const link = `/dashboard/leads/${created.data.id}`;
    const all = await withTenant(room.tenant.id, (tx) => tx.notification.findMany({ where: { link } }));
    expect(all.map((row) => [row.kind, row.userId]).sort()).toEqual(
      [
        ["lead.assigned", room.sales.id],
        ["lead.new", room.owner.id],
      ].sort(),
    );
  });
});

describe("the bell and marking read", () => {
  it("counts only what the person chose to see in the dashboard", async () => {
    const before = await bellOf(room.owner);
    expect(before.unread).toBeGreaterThan(0);
    const saved = await saveMyNotificationSettingsAction({
      whatsappNumber: "",
      channels: { "lead.new": ["whatsapp"] },
    });
    expect(saved.ok).toBe(true);
    const after = await bellOf(room.owner);
    expect(after.latest.some((item) => item.type === "lead.new")).toBe(false);
    expect(after.unread).toBeLessThan(before.unread);
    await saveMyNotificationSettingsAction({ whatsappNumber: "", channels: { "lead.new": ["dashboard"] } });
    expect((await bellOf(room.owner)).unread).toBe(before.unread);
  });

  it("reads the managers' shared notifications per manager", async () => {
    const shared = await withTenant(room.tenant.id, (tx) =>
      tx.notification.create({
        data: { tenantId: room.tenant.id, userId: null, kind: "ai.budget", title: "Anggaran AI habis" },
      }),
    );
    const ownerBefore = (await bellOf(room.owner)).unread;
    const adminBefore = (await bellOf(room.admin)).unread;
    signInAs(room.owner);
    expect(await markNotificationsReadAction({ ids: [shared.id] })).toEqual({
      ok: true,
      data: { marked: 1 },
    });
    expect(await markNotificationsReadAction({ ids: [shared.id] })).toEqual({
      ok: true,
      data: { marked: 0 },
    });
    expect((await bellOf(room.owner)).unread).toBe(ownerBefore - 1);
    expect((await bellOf(room.admin)).unread).toBe(adminBefore);
    // A salesperson does not see the managers' notifications at all, nor mark them.
    expect((await bellOf(room.sales)).latest.some((item) => item.id === shared.id)).toBe(false);
    signInAs(room.sales);
    expect(await markNotificationsReadAction({ ids: [shared.id] })).toEqual({
      ok: true,
      data: { marked: 0 },
    });
  });

  it("marks all read for the person alone", async () => {
    const salesBefore = (await bellOf(room.sales)).unread;
    expect(salesBefore).toBeGreaterThan(0);
    signInAs(room.owner);
    expect(await markAllNotificationsReadAction({})).toMatchObject({ ok: true });
    expect((await bellOf(room.owner)).unread).toBe(0);
    expect((await bellOf(room.sales)).unread).toBe(salesBefore);
  });
});

describe("showrooms apart", () => {
  it("never shows or marks another showroom's notifications, nor a colleague's", async () => {
    const other = await showroom();
    const foreign = await withTenant(other.tenant.id, (tx) =>
      tx.notification.create({
        data: {
          tenantId: other.tenant.id,
          userId: other.sales.id,
          kind: "lead.assigned",
          title: "Rahasia B",
        },
      }),
    );
    const foreignShared = await withTenant(other.tenant.id, (tx) =>
      tx.notification.create({
        data: { tenantId: other.tenant.id, userId: null, kind: "ai.budget", title: "Rahasia B bersama" },
      }),
    );
    const colleagues = await withTenant(room.tenant.id, (tx) =>
      tx.notification.create({
        data: {
          tenantId: room.tenant.id,
          userId: room.sales.id,
          kind: "lead.assigned",
          title: "Milik sales",
        },
      }),
    );
    // Row-level security: inside showroom A's transaction, B's rows do not exist.
    expect(
      await withTenant(room.tenant.id, (tx) =>
        tx.notification.count({ where: { id: { in: [foreign.id, foreignShared.id] } } }),
      ),
    ).toBe(0);
    for (const user of [room.owner, room.admin, room.sales]) {
      const bell = await bellOf(user);
      expect(JSON.stringify(bell)).not.toContain("Rahasia B");
    }
    signInAs(room.owner);
    expect(await markNotificationsReadAction({ ids: [foreign.id, foreignShared.id, colleagues.id] })).toEqual(
      { ok: true, data: { marked: 0 } },
    );
    expect(await markAllNotificationsReadAction({})).toMatchObject({ ok: true });
    const untouched = await withTenant(other.tenant.id, (tx) =>
      tx.notification.findMany({ where: { id: { in: [foreign.id, foreignShared.id] } } }),
    );
    expect(untouched.map((row) => [row.readAt, row.readBy])).toEqual([
      [null, []],
      [null, []],
    ]);
    const colleague = await withTenant(room.tenant.id, (tx) =>
      tx.notification.findUniqueOrThrow({ where: { id: colleagues.id } }),
    );
    expect(colleague.readAt).toBeNull();
  });
});

describe("follow-ups", () => {
  // Test files with queue workers run the every-minute schedule over the whole test database, so
  // what this test counts is dated ahead of the clock (the schedule never sees it due) and
  // reminded with an explicit "now".
  const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

  it("reminds the assignee once when the follow-up date comes, and again when it is moved and comes", async () => {
    const lead = await withTenant(room.tenant.id, (tx) =>
      tx.lead.create({
        data: {
          tenantId: room.tenant.id,
          name: "Pak Follow",
          phone: "6281255500009",
          source: "phone",
          assigneeId: room.sales.id,
          followUpAt: later(30),
        },
      }),
    );
    expect(await remindDueFollowUps(room.tenant.id)).toBe(0);
    expect(await remindDueFollowUps(room.tenant.id, later(31))).toBe(1);
    expect(await remindDueFollowUps(room.tenant.id, later(32))).toBe(0);
    const reminders = async () =>
      (await rowsOf(room.tenant.id, "lead.follow_up")).filter(
        (row) => row.link === `/dashboard/leads/${lead.id}`,
      );
    expect((await reminders()).map((row) => [row.userId, row.title])).toEqual([
      [room.sales.id, "Waktunya follow-up: Pak Follow (+6281255500009)"],
    ]);
    // Moved to an hour later: reminded again when that comes.
    await withTenant(room.tenant.id, (tx) =>
      tx.lead.update({ where: { id: lead.id }, data: { followUpAt: later(90) } }),
    );
    expect(await remindDueFollowUps(room.tenant.id, later(60))).toBe(0);
    expect(await remindDueFollowUps(room.tenant.id, later(91))).toBe(1);
    expect(await reminders()).toHaveLength(2);
  });

  it("is found by the schedule's one look across showrooms while due, and not once reminded", async () => {
    const tenant = await makeTenant();
    const lead = await withTenant(tenant.id, (tx) =>
      tx.lead.create({
        data: {
          tenantId: tenant.id,
          name: "Bu Due",
          phone: "6281255500010",
          source: "phone",
          followUpAt: new Date(),
        },
      }),
    );
    const remindedAt = async () =>
      (await withTenant(tenant.id, (tx) => tx.lead.findUniqueOrThrow({ where: { id: lead.id } })))
        .followUpRemindedAt;
    // Another file's worker may run the schedule first: then it is already reminded.
    const listed = (await tenantsWithDueFollowUps()).includes(tenant.id);
    expect(listed || (await remindedAt()) !== null).toBe(true);
    await remindDueFollowUps(tenant.id);
    expect(await remindedAt()).not.toBeNull();
    expect(await tenantsWithDueFollowUps()).not.toContain(tenant.id);
  });
});
