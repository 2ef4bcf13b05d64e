import { describe, expect, it } from "vitest";
import { createToolExecutor } from "@/lib/assistant/llm/tools/registry";
import { runAssistantTurn } from "@/lib/assistant/turn";
import type { StaffUser } from "@/lib/auth/guards";
import type { StaffContext } from "@/lib/auth/staff-context";
import { withTenant } from "@/lib/core/db/tenant";
import { createCatalogLead } from "@/lib/leads/catalog-lead";
import { createLead } from "@/lib/leads/leads";
import { linkLead } from "@/lib/whatsapp/inbox";
import { queuedEvents, storeBuyerMessage } from "../support/buyer-message";
import { makeTenant, makeUser } from "../support/factories";
import { AVANZA_2020, makeVehicle } from "../support/vehicles";

/** One buyer's address for this file's lead forms (each address has its own form limit). */
const CLIENT = "192.0.2.12";

async function showroom() {
  const tenant = await makeTenant();
  const sales = await makeUser({ tenantId: tenant.id, role: "sales" });
  const admin = await makeUser({ tenantId: tenant.id, role: "admin" });
  const vehicle = await makeVehicle(tenant.id, { ...AVANZA_2020, stockCode: "LI-1" });
  return { tenant, sales, admin, vehicle };
}
type Showroom = Awaited<ReturnType<typeof showroom>>;

const staffUser = (
  room: Showroom,
  user: { id: string; email: string; role: StaffUser["role"] },
): StaffUser => ({
  id: user.id,
  email: user.email,
  name: "Staf",
  role: user.role,
  tenantId: room.tenant.id,
  tenantSlug: room.tenant.slug,
  tenantName: room.tenant.name,
  mustChangePassword: false,
});

function inCtx<T>(room: Showroom, user: StaffUser, run: (context: StaffContext) => Promise<T>) {
  return withTenant(room.tenant.id, (tx) => run({ tx, user, actor: { userId: user.id, email: user.email } }));
}

const auditRows = (room: Showroom, leadId: string) =>
  withTenant(room.tenant.id, (tx) =>
    tx.auditLog.findMany({ where: { entity: "lead", entityId: leadId }, orderBy: { createdAt: "asc" } }),
  );

const leadCreatedEvents = (leadId: string) => queuedEvents("lead-created", "leadId", leadId);

const buyerWrites = (room: Showroom, waId: string, body: string, name?: string) =>
  storeBuyerMessage(room.tenant, { waId, body, name });

/** The assistant's turn for a buyer's message, run now with the local engine. */
async function assistantAnswers(room: Showroom, waId: string, body: string, name?: string) {
  const { stored, turn } = await buyerWrites(room, waId, body, name);
  if (!turn) throw new Error("no turn queued");
  await withTenant(room.tenant.id, (tx) => runAssistantTurn(tx, turn));
  return stored.conversationId ?? "";
}

describe("a WhatsApp buyer and other buyers' leads (issue 12)", () => {
  it("never renames or re-budgets another buyer's lead when a buyer types that buyer's number", async () => {
    const room = await showroom();
    const victim = await createCatalogLead({
      ip: CLIENT,
      tenantId: room.tenant.id,
      vehicleSlug: room.vehicle.slug,
      input: { name: "Ani Korban", phone: "0812 1111 0001" },
    });
    if (!victim.ok) throw new Error("victim lead not created");
    const before = await withTenant(room.tenant.id, (tx) =>
      tx.lead.findUniqueOrThrow({ where: { id: victim.leadId } }),
    );

    const attacker = "6281222220002";
    const conversationId = await assistantAnswers(
      room,
      attacker,
      "nama saya Mallory, nomor saya 081211110001, ada avanza budget 500 juta?",
      "Mallory",
    );

    const after = await withTenant(room.tenant.id, async (tx) => ({
      victim: await tx.lead.findUniqueOrThrow({ where: { id: victim.leadId } }),
      conversation: await tx.waConversation.findUniqueOrThrow({ where: { id: conversationId } }),
      leads: await tx.lead.count(),
    }));
    expect(after.victim).toMatchObject({
      name: before.name,
      budget: before.budget,
      vehicleId: before.vehicleId,
      message: before.message,
    });
    expect((await auditRows(room, victim.leadId)).map((row) => row.action)).toEqual(["lead.create"]);
    // The attacker's own conversation got its own lead, with their own WhatsApp number.
    expect(after.conversation.leadId).not.toBe(victim.leadId);
    expect(after.leads).toBe(2);
    const own = await withTenant(room.tenant.id, (tx) =>
      tx.lead.findUniqueOrThrow({ where: { id: after.conversation.leadId ?? "" } }),
    );
    expect(own).toMatchObject({ phone: attacker, name: "Mallory", budget: 500_000_000n, source: "whatsapp" });
  });
});

describe("one lead intake, one audit row per lead", () => {
  it("web form: creates once, and a returning buyer with an open lead updates it", async () => {
    const room = await showroom();
    const first = await createCatalogLead({
      ip: CLIENT,
      tenantId: room.tenant.id,
      vehicleSlug: room.vehicle.slug,
      input: { name: "Budi", phone: "081233330001" },
    });
    if (!first.ok) throw new Error("lead not created");
    expect((await auditRows(room, first.leadId)).map((row) => row.action)).toEqual(["lead.create"]);
    expect(await leadCreatedEvents(first.leadId)).toBe(1);

    const again = await createCatalogLead({
      ip: CLIENT,
      tenantId: room.tenant.id,
      vehicleSlug: room.vehicle.slug,
      input: { name: "Budi Santoso", phone: "+62 812-3333-0001", message: "Bisa lihat besok?" },
    });
    if (!again.ok) throw new Error("lead not updated");
    expect(again.leadId).toBe(first.leadId);
    expect(await withTenant(room.tenant.id, (tx) => tx.lead.count())).toBe(1);
    expect((await auditRows(room, first.leadId)).map((row) => row.action)).toEqual([
      "lead.create",
      "lead.update",
    ]);
    expect(await leadCreatedEvents(first.leadId)).toBe(1);

    // A closed lead is history: the same buyer coming back starts a new one.
    await withTenant(room.tenant.id, (tx) =>
      tx.lead.update({ where: { id: first.leadId }, data: { status: "won" } }),
    );
    const later = await createCatalogLead({
      ip: CLIENT,
      tenantId: room.tenant.id,
      vehicleSlug: room.vehicle.slug,
      input: { name: "Budi", phone: "081233330001" },
    });
    if (!later.ok) throw new Error("lead not created");
    expect(later.leadId).not.toBe(first.leadId);
  });

  it("manual entry: one audit row and one event", async () => {
    const room = await showroom();
    const user = staffUser(room, room.admin);
    const { id } = await inCtx(room, user, (context) =>
      createLead(context, { name: "Walk In", phone: "6281233330002", source: "walk_in", message: null }),
    );
    expect((await auditRows(room, id)).map((row) => row.action)).toEqual(["lead.create"]);
    expect(await leadCreatedEvents(id)).toBe(1);
  });

  it("inbox link: one audit row and one event, and linking again writes nothing", async () => {
    const room = await showroom();
    const { stored } = await buyerWrites(room, "6281233330003", "halo");
    const user = staffUser(room, room.sales);
    const conversationId = stored.conversationId ?? "";
    const linked = await inCtx(room, user, (context) => linkLead(context, { conversationId }));
    await inCtx(room, user, (context) => linkLead(context, { conversationId }));
    expect((await auditRows(room, linked.leadId)).map((row) => row.action)).toEqual(["lead.create"]);
    expect(await leadCreatedEvents(linked.leadId)).toBe(1);
  });

  it("WhatsApp assistant, local engine: one audit row for the lead, one per change after it", async () => {
    const room = await showroom();
    const waId = "6281233330004";
    const conversationId = await assistantAnswers(room, waId, "ada avanza?");
    await assistantAnswers(room, waId, "ada avanza?");
    const leadId = (
      await withTenant(room.tenant.id, (tx) =>
        tx.waConversation.findUniqueOrThrow({ where: { id: conversationId } }),
      )
    ).leadId;
    if (!leadId) throw new Error("no lead");
    // The same question twice changes nothing the second time: no second row.
    expect((await auditRows(room, leadId)).map((row) => row.action)).toEqual(["lead.create"]);
    expect(await leadCreatedEvents(leadId)).toBe(1);
    await assistantAnswers(room, waId, "nama saya Rudi, budget 200 juta");
    expect((await auditRows(room, leadId)).map((row) => [row.action, row.actorEmail])).toEqual([
      ["lead.create", "buyer:whatsapp"],
      ["lead.update", "buyer:whatsapp"],
    ]);
  });

  it("WhatsApp assistant, LLM tool: one audit row and one event", async () => {
    const room = await showroom();
    const { stored } = await buyerWrites(room, "6281233330005", "halo");
    const conversation = { id: stored.conversationId ?? "", messageId: stored.messageId ?? "" };
    await withTenant(room.tenant.id, (tx) =>
      createToolExecutor(tx, {
        tenantId: room.tenant.id,
        base: "https://mobil.test/s",
        creditRateBps: 650,
        creditMinDownPct: 20,
        conversation,
      }).execute("create_or_update_lead", { name: "Sari", interestStockCode: "LI-1" }),
    );
    const leadId = (
      await withTenant(room.tenant.id, (tx) =>
        tx.waConversation.findUniqueOrThrow({ where: { id: conversation.id } }),
      )
    ).leadId;
    if (!leadId) throw new Error("no lead");
    expect((await auditRows(room, leadId)).map((row) => row.action)).toEqual(["lead.create"]);
    expect(await leadCreatedEvents(leadId)).toBe(1);
  });
});
