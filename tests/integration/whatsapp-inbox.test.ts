// The WhatsApp inbox and simulator through the real server actions and route handlers (session
// faked at next-auth) on a real PostgreSQL: who sees which conversation, a reply reaches the
// outbox once on a double submit, take over silences the assistant and hand back wakes it, every
// action refuses another showroom's conversation, and the local Graph API stand-in checks the
// token and answers in Meta's wire format.

import { randomBytes, randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { setEnv } from "@/lib/core/env";

// Read once by lib/core/env: the stand-in's status webhooks go nowhere (discard port), quietly.
const TOKEN = "EAAG-inbox-test-token";
process.env.ENCRYPTION_KEY ??= "test-encryption-key-test-encryption-key";
setEnv({ INTERNAL_URL: "http://127.0.0.1:9" });
process.env.WHATSAPP_APP_SECRET ??= "inbox-test-secret";

import {
  assignConversationAction,
  handBackAction,
  linkLeadAction,
  replyAction,
  sendVehicleAction,
  takeOverAction,
} from "@/app/(platform)/dashboard/inbox/actions";
import { sendSimulatedMessageAction } from "@/app/(platform)/dashboard/simulator/actions";
import { GET as listRoute } from "@/app/api/dashboard/inbox/route";
import { GET as threadRoute } from "@/app/api/dashboard/inbox/thread/route";
import { POST as graphSim } from "@/app/api/graph-sim/[...path]/route";
import { queueAssistantTurn } from "@/lib/assistant/jobs/process-webhook-event";
import { systemActor } from "@/lib/audit/record";
import { withTenant } from "@/lib/core/db/tenant";
import { createVehicle } from "@/lib/inventory/vehicles";
import { encryptAccessToken } from "@/lib/whatsapp/accounts";
import { storeInbound } from "@/lib/whatsapp/inbound";
import type { ConversationList, ThreadChanges } from "@/lib/whatsapp/inbox";
import { InboundMessage } from "@/lib/whatsapp/webhook-schema";
import { makeTenant, makeUser } from "../support/factories";
import { signInAs } from "../support/framework";

const newClientId = () => randomUUID();

async function showroom() {
  const tenant = await makeTenant();
  const phoneNumberId = String(200000000 + Math.floor(Math.random() * 799999999));
  await withTenant(tenant.id, (tx) =>
    tx.tenant.update({
      where: { id: tenant.id },
      data: { whatsappPhoneNumberId: phoneNumberId, whatsappAccessTokenEnc: encryptAccessToken(TOKEN) },
    }),
  );
  const owner = await makeUser({ tenantId: tenant.id, role: "owner" });
  const admin = await makeUser({ tenantId: tenant.id, role: "admin" });
  const salesA = await makeUser({ tenantId: tenant.id, role: "sales" });
  const salesB = await makeUser({ tenantId: tenant.id, role: "sales" });
  const vehicle = await withTenant(tenant.id, (tx) =>
    createVehicle(tx, {
      tenantId: tenant.id,
      actor: systemActor("test"),
      input: {
        stockCode: "IN-1",
        brand: "Toyota",
        model: "Avanza",
        variant: "1.5 G",
        year: 2020,
        transmission: "automatic",
        mileageKm: 40_000,
        price: 185_000_000n,
        status: "available",
      },
    }),
  );
  return { tenant, phoneNumberId, owner, admin, salesA, salesB, vehicle };
}

type Showroom = Awaited<ReturnType<typeof showroom>>;

/** A buyer's message stored the way ingest stores it (the assistant turn is only queued, not run). */
async function buyerWrites(room: Showroom, waId: string, body: string) {
  const message = InboundMessage.parse({
    from: waId,
    id: `wamid.${randomBytes(8).toString("hex")}`,
    timestamp: String(Math.floor(Date.now() / 1000)),
    type: "text",
    text: { body },
  });
  return withTenant(room.tenant.id, (tx) =>
    storeInbound(tx, {
      tenant: { id: room.tenant.id, slug: room.tenant.slug, status: "active" },
      contact: { waId, name: `Buyer ${waId.slice(-4)}` },
      message,
      now: new Date(),
      queueTurn: queueAssistantTurn,
    }),
  );
}

async function conversationOf(
  room: Showroom,
  waId: string,
  assigneeId: string | null = null,
): Promise<string> {
  const stored = await buyerWrites(room, waId, "halo, ada avanza?");
  const id = stored.conversationId ?? "";
  await withTenant(room.tenant.id, (tx) => tx.waConversation.update({ where: { id }, data: { assigneeId } }));
  return id;
}

const number = () => `62812${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
const outboxRows = (room: Showroom, conversationId: string) =>
  withTenant(room.tenant.id, (tx) =>
    tx.waOutbox.findMany({ where: { conversationId }, include: { message: true } }),
  );
const conversation = (room: Showroom, id: string) =>
  withTenant(room.tenant.id, (tx) => tx.waConversation.findUniqueOrThrow({ where: { id } }));

async function listAs(user: { id: string }): Promise<ConversationList> {
  signInAs(user);
  const response = await listRoute(new Request("http://localhost/api/dashboard/inbox"));
  expect(response.status).toBe(200);
  return (await response.json()) as ConversationList;
}

describe("inbox visibility", () => {
  it("shows a salesperson their conversations and unassigned ones, and an admin all of them", async () => {
    const room = await showroom();
    const mine = await conversationOf(room, number(), room.salesA.id);
    const colleagues = await conversationOf(room, number(), room.salesB.id);
    const nobodys = await conversationOf(room, number(), null);
    const forSales = (await listAs(room.salesA)).conversations.map((row) => row.id);
    expect(forSales.sort()).toEqual([mine, nobodys].sort());
    const forAdmin = (await listAs(room.admin)).conversations.map((row) => row.id);
    expect(forAdmin.sort()).toEqual([mine, colleagues, nobodys].sort());
    const row = (await listAs(room.owner)).conversations.find((item) => item.id === mine);
    expect(row).toMatchObject({
      unreadCount: 1,
      lastMessagePreview: "halo, ada avanza?",
      mode: "assistant",
      assignee: { id: room.salesA.id },
    });
  });

  it("answers the list poll with { changed: false } until something changes", async () => {
    const room = await showroom();
    await conversationOf(room, number());
    const first = await listAs(room.admin);
    const again = await listRoute(
      new Request(`http://localhost/api/dashboard/inbox?version=${encodeURIComponent(first.version)}`),
    );
    expect(await again.json()).toEqual({ changed: false, version: first.version });
  });

  it("marks a conversation read when its thread is opened and returns only messages after the cursor", async () => {
    const room = await showroom();
    const waId = number();
    const id = await conversationOf(room, waId);
    signInAs(room.salesA);
    const first = (await (
      await threadRoute(new Request(`http://localhost/api/dashboard/inbox/thread?conversationId=${id}`))
    ).json()) as ThreadChanges;
    expect(first.messages.map((message) => message.body)).toEqual(["halo, ada avanza?"]);
    expect((await conversation(room, id)).unreadCount).toBe(0);
    await buyerWrites(room, waId, "yang matic ya");
    const next = (await (
      await threadRoute(
        new Request(
          `http://localhost/api/dashboard/inbox/thread?waId=${waId}&after=${encodeURIComponent(first.cursor ?? "")}`,
        ),
      )
    ).json()) as ThreadChanges;
    expect(next.messages.map((message) => message.body)).toEqual(["yang matic ya"]);
  });
});

describe("replies", () => {
  it("sends a reply once when the same draft is submitted twice, one after the other or at once", async () => {
    const room = await showroom();
    const id = await conversationOf(room, number(), room.salesA.id);
    signInAs(room.salesA);
    const clientId = newClientId();
    const first = await replyAction({ conversationId: id, clientId, text: "Halo kak, masih ada." });
    const second = await replyAction({ conversationId: id, clientId, text: "Halo kak, masih ada." });
    expect(first).toMatchObject({ ok: true });
    expect(second).toEqual({ ok: true, data: { messageIds: [] } });
    const parallel = newClientId();
    await Promise.all([
      replyAction({ conversationId: id, clientId: parallel, text: "Bisa test drive." }),
      replyAction({ conversationId: id, clientId: parallel, text: "Bisa test drive." }),
    ]);
    const rows = await outboxRows(room, id);
    expect(rows.map((row) => row.message.body).sort()).toEqual(["Bisa test drive.", "Halo kak, masih ada."]);
    expect(
      rows.every(
        (row) =>
          row.message.sender === "staff" &&
          row.message.authorId === room.salesA.id &&
          row.message.status === "queued",
      ),
    ).toBe(true);
  });

  it("sends a car from stock with its price from the database and its catalog link", async () => {
    const room = await showroom();
    const id = await conversationOf(room, number());
    signInAs(room.admin);
    const result = await sendVehicleAction({
      conversationId: id,
      clientId: newClientId(),
      vehicleId: room.vehicle.id,
    });
    expect(result).toMatchObject({ ok: true });
    const [row] = await outboxRows(room, id);
    expect(row?.message.body).toContain("Toyota Avanza 1.5 G 2020");
    expect(row?.message.body).toContain("Rp 185.000.000");
    expect(row?.message.body).toContain(`/${room.tenant.slug}/vehicles/${room.vehicle.slug}`);
  });
});

describe("take over and hand back", () => {
  it("silences the assistant when a salesperson takes over and wakes it when they hand back", async () => {
    const room = await showroom();
    const waId = number();
    const id = await conversationOf(room, waId);
    signInAs(room.salesA);
    expect(await takeOverAction({ conversationId: id })).toEqual({ ok: true, data: { mode: "human" } });
    expect(await conversation(room, id)).toMatchObject({ mode: "human", assigneeId: room.salesA.id });
    expect((await buyerWrites(room, waId, "masih ada?")).turnQueued).toBe(false);
    expect(await handBackAction({ conversationId: id })).toEqual({ ok: true, data: { mode: "assistant" } });
    expect((await buyerWrites(room, waId, "harga pas berapa?")).turnQueued).toBe(true);
  });

  it("does not let a salesperson take a colleague's conversation", async () => {
    const room = await showroom();
    const id = await conversationOf(room, number(), room.salesB.id);
    signInAs(room.salesA);
    expect(await takeOverAction({ conversationId: id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await replyAction({ conversationId: id, clientId: newClientId(), text: "halo" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });
});

describe("assignment and leads", () => {
  it("lets an admin assign to a salesperson but a salesperson only to themselves", async () => {
    const room = await showroom();
    const id = await conversationOf(room, number());
    signInAs(room.salesA);
    expect(await assignConversationAction({ conversationId: id, assigneeId: room.salesB.id })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await assignConversationAction({ conversationId: id, assigneeId: room.salesA.id })).toMatchObject({
      ok: true,
    });
    signInAs(room.admin);
    expect(await assignConversationAction({ conversationId: id, assigneeId: room.salesB.id })).toEqual({
      ok: true,
      data: { assigneeId: room.salesB.id },
    });
    const notes = await withTenant(room.tenant.id, (tx) =>
      tx.notification.findMany({ where: { userId: room.salesB.id, kind: "conversation.assigned" } }),
    );
    expect(notes.map((note) => note.link)).toEqual([`/dashboard/inbox/${id}`]);
  });

  it("creates the conversation's lead from the contact once, then links the same lead", async () => {
    const room = await showroom();
    const waId = number();
    const id = await conversationOf(room, waId, room.salesA.id);
    signInAs(room.salesA);
    const first = await linkLeadAction({ conversationId: id });
    const second = await linkLeadAction({ conversationId: id });
    if (!first.ok || !second.ok) throw new Error("lead not linked");
    expect(first.data.created).toBe(true);
    expect(second.data).toEqual({ leadId: first.data.leadId, created: false });
    const lead = await withTenant(room.tenant.id, (tx) =>
      tx.lead.findUniqueOrThrow({ where: { id: first.data.leadId } }),
    );
    expect(lead).toMatchObject({ phone: waId, source: "whatsapp", assigneeId: room.salesA.id });
  });
});

describe("another showroom's conversation", () => {
  let home: Showroom;
  let foreignId: string;
  beforeEach(async () => {
    home = await showroom();
    const other = await showroom();
    foreignId = await conversationOf(other, number());
    signInAs(home.owner);
  });

  it("is refused by reply", async () => {
    expect(
      await replyAction({ conversationId: foreignId, clientId: newClientId(), text: "halo" }),
    ).toMatchObject({ ok: false, code: "not_found" });
  });
  it("is refused by send a car", async () => {
    expect(
      await sendVehicleAction({
        conversationId: foreignId,
        clientId: newClientId(),
        vehicleId: home.vehicle.id,
      }),
    ).toMatchObject({ ok: false, code: "not_found" });
  });
  it("is refused by take over", async () => {
    expect(await takeOverAction({ conversationId: foreignId })).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });
  it("is refused by hand back", async () => {
    expect(await handBackAction({ conversationId: foreignId })).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });
  it("is refused by assign", async () => {
    expect(
      await assignConversationAction({ conversationId: foreignId, assigneeId: home.salesA.id }),
    ).toMatchObject({ ok: false, code: "not_found" });
  });
  it("is refused by link lead", async () => {
    expect(await linkLeadAction({ conversationId: foreignId })).toMatchObject({
      ok: false,
      code: "not_found",
    });
  });
  it("is refused by the thread route", async () => {
    expect(
      (
        await threadRoute(
          new Request(`http://localhost/api/dashboard/inbox/thread?conversationId=${foreignId}`),
        )
      ).status,
    ).toBe(404);
  });
  it("never shows in the list route", async () => {
    expect((await listAs(home.owner)).conversations.map((row) => row.id)).not.toContain(foreignId);
  });
});

describe("permissions", () => {
  it("refuses the inbox routes and actions to visitors who are not signed in", async () => {
    expect((await listRoute(new Request("http://localhost/api/dashboard/inbox"))).status).toBe(401);
    expect(await takeOverAction({ conversationId: randomUUID() })).toMatchObject({
      ok: false,
      code: "unauthorized",
    });
  });

  it("refuses the simulator to a salesperson", async () => {
    const room = await showroom();
    signInAs(room.salesA);
    expect(
      await sendSimulatedMessageAction({ from: "6281234567890", text: "halo", clientId: newClientId() }),
    ).toMatchObject({ ok: false, code: "forbidden" });
  });
});

describe("the local Graph API stand-in", () => {
  const call = (phoneNumberId: string, token: string | null, body: unknown) =>
    graphSim(
      new Request(`http://localhost/api/graph-sim/v23.0/${phoneNumberId}/messages`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      }),
      { params: Promise.resolve({ path: ["v23.0", phoneNumberId, "messages"] }) },
    );

  it("refuses a wrong or missing token with Meta's error envelope", async () => {
    const room = await showroom();
    const body = { messaging_product: "whatsapp", to: "6281234567890", type: "text", text: { body: "halo" } };
    for (const token of ["EAAG-wrong", null]) {
      const response = await call(room.phoneNumberId, token, body);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 190, type: "OAuthException" } });
    }
  });

  it("answers a send and a mark-read in the wire format", async () => {
    const room = await showroom();
    const sent = await call(room.phoneNumberId, TOKEN, {
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "6281234567890",
      type: "text",
      text: { body: "halo", preview_url: true },
    });
    expect(sent.status).toBe(200);
    const json = (await sent.json()) as {
      messaging_product: string;
      contacts: { input: string; wa_id: string }[];
      messages: { id: string }[];
    };
    expect(json.messaging_product).toBe("whatsapp");
    expect(json.contacts).toEqual([{ input: "6281234567890", wa_id: "6281234567890" }]);
    expect(json.messages[0]?.id).toMatch(/^wamid\.sim\.[0-9a-f]{24}$/);
    const read = await call(room.phoneNumberId, TOKEN, {
      messaging_product: "whatsapp",
      status: "read",
      message_id: "wamid.abc",
      typing_indicator: { type: "text" },
    });
    expect(await read.json()).toEqual({ success: true });
  });
});
