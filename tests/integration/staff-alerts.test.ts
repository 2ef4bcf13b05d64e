// WhatsApp alerts to staff end to end: signed webhooks into the route handler, the real queue and
// workers, the notification service and the outbox, and a fake Graph API speaking Meta's wire
// format. A buyer who asks for a person makes their salesperson's phone ring with the buyer's
// name and number: free text inside the salesperson's 24-hour window, the showroom's approved
// template outside it. Nobody answering in N minutes passes the buyer to the next salesperson,
// then to the managers; an answer stops it. After hours the buyer is told when someone answers.
import type { Runner } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { replyAction } from "@/app/(platform)/dashboard/inbox/actions";
import { encryptSecret } from "@/lib/core/crypto";
import { db } from "@/lib/core/db/client";
import { withTenant } from "@/lib/core/db/tenant";
import { setEnv } from "@/lib/core/env";
import { queueSchema, startWorkers } from "@/lib/core/queue/queue";
import { workerSetup } from "@/lib/jobs";
import { type FakeGraphApi, startFakeGraphApi } from "../fakes/graph-api";
import { makeTenant, makeUser } from "../support/factories";
import { signInAs } from "../support/framework";
import { useOwnQueue } from "../support/queue";
import { AVANZA_2020, makeVehicle } from "../support/vehicles";
import { postMessage, until } from "../support/whatsapp-webhook";

vi.setConfig({ testTimeout: 120_000 });

const APP_SECRET = "test-app-secret";
const ENCRYPTION_KEY = "test-encryption-key-test-encryption-key";
const TOKEN = "EAAG-alerts-token";
const SALES_A = "6281388880001";
const SALES_B = "6281388880002";
const OWNER = "6281388880003";
const ESCALATION_MINUTES = 10;
const ALL_WEEK = [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, open: "00:00", close: "23:59" }));

let graph: FakeGraphApi;
let workers: Runner;
const room = { id: "", phoneNumberId: "" };
let salesA: Awaited<ReturnType<typeof makeUser>>;
let salesB: Awaited<ReturnType<typeof makeUser>>;

interface Sent {
  to?: string;
  type?: string;
  text?: { body?: string };
  template?: {
    name?: string;
    language?: { code?: string };
    components?: { type: string; parameters?: { type: string; text?: string }[] }[];
  };
}
const sentTo = (to: string): Sent[] =>
  graph.sent
    .filter((request) => request.method === "POST" && JSON.stringify(request.body).includes(`"to":"${to}"`))
    .map((request) => request.body as Sent);
const textOf = (message: Sent | undefined) =>
  message?.text?.body ??
  message?.template?.components?.[0]?.parameters?.map((parameter) => parameter.text).join(" | ") ??
  "";

/** Alerts about a waiting buyer (their salesperson also hears "lead for you" when the lead is new). */
const waitingAlerts = (list: Sent[]) =>
  list.filter((message) => /Pembeli (menunggu|belum)/.test(textOf(message)));

const say = (from: string, text: string, name = "Tester") =>
  postMessage({
    appSecret: APP_SECRET,
    phoneNumberId: room.phoneNumberId,
    from,
    name,
    message: { type: "text", text: { body: text } },
  });

const conversationOf = (waId: string) =>
  withTenant(room.id, (tx) => tx.waConversation.findFirst({ where: { contact: { waId } } }));

/** A buyer's conversation that already belongs to `assigneeId` (their earlier salesperson). */
async function buyerOf(waId: string, name: string, assigneeId: string): Promise<string> {
  await say(waId, "halo", name);
  const conversation = await until(
    () => conversationOf(waId),
    (row) => row !== null,
  );
  if (!conversation) throw new Error("no conversation");
  await until(
    () => sentTo(waId),
    (list) => list.length > 0,
  );
  await withTenant(room.id, (tx) =>
    tx.waConversation.update({ where: { id: conversation.id }, data: { assigneeId } }),
  );
  return conversation.id;
}

const escalationJob = async (conversationId: string) =>
  (
    await db().$queryRawUnsafe<{ run_at: Date }[]>(
      `SELECT run_at FROM ${queueSchema()}._private_jobs WHERE key = $1`,
      `escalate:${conversationId}`,
    )
  )[0] ?? null;

/** N minutes are up: the check runs now instead of later. */
const hurry = (conversationId: string) =>
  db().$executeRawUnsafe(
    `UPDATE ${queueSchema()}._private_jobs SET run_at = now() WHERE key = $1`,
    `escalate:${conversationId}`,
  );

const setHours = (hours: { day: number; open: string; close: string }[]) =>
  withTenant(room.id, (tx) => tx.tenant.update({ where: { id: room.id }, data: { openingHours: hours } }));

beforeAll(async () => {
  await useOwnQueue("notify");
  setEnv({ WHATSAPP_APP_SECRET: APP_SECRET });
  setEnv({ ENCRYPTION_KEY: ENCRYPTION_KEY });
  graph = await startFakeGraphApi({ token: TOKEN });
  setEnv({ WHATSAPP_GRAPH_API_URL: graph.url });
  const tenant = await makeTenant("Showroom Alarm");
  room.id = tenant.id;
  room.phoneNumberId = String(100000 + Math.floor(Math.random() * 899999));
  await withTenant(tenant.id, (tx) =>
    tx.tenant.update({
      where: { id: tenant.id },
      data: {
        whatsappPhoneNumberId: room.phoneNumberId,
        whatsappAccessTokenEnc: encryptSecret(TOKEN, ENCRYPTION_KEY),
        whatsappTemplates: { staffAlert: "staff_alert", language: "id" },
        handoffEscalationMinutes: ESCALATION_MINUTES,
        timeZone: "Asia/Makassar",
        openingHours: ALL_WEEK,
      },
    }),
  );
  await makeVehicle(tenant.id, { ...AVANZA_2020, stockCode: "AV-9", year: 2019 });
  salesA = await makeUser({ tenantId: tenant.id, role: "sales", whatsappNumber: SALES_A });
  salesB = await makeUser({ tenantId: tenant.id, role: "sales", whatsappNumber: SALES_B });
  await makeUser({ tenantId: tenant.id, role: "owner", whatsappNumber: OWNER });
  workers = await startWorkers(workerSetup(), { concurrency: 2 });
  // Salesperson A wrote to the showroom's number just now (their window is open); B never did.
  await say(SALES_A, "halo", "Sales A");
  await until(
    () => sentTo(SALES_A),
    (list) => list.length > 0,
  );
});

afterAll(async () => {
  await workers?.stop();
  await graph?.close();
});

describe("a buyer who asks for a person", () => {
  it("rings their salesperson inside the window with free text naming the buyer, their number and the link", async () => {
    const buyer = "6281388881001";
    const conversationId = await buyerOf(buyer, "Budi Santoso", salesA.id);
    const before = sentTo(SALES_A).length;
    await say(buyer, "mau bicara dengan sales", "Budi Santoso");
    const alerts = await until(
      () => waitingAlerts(sentTo(SALES_A).slice(before)),
      (list) => list.length > 0,
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(waitingAlerts(sentTo(SALES_A).slice(before))).toHaveLength(1);
    expect(alerts[0]?.type).toBe("text");
    expect(textOf(alerts[0])).toContain("Budi Santoso");
    expect(textOf(alerts[0])).toContain(`+${buyer}`);
    expect(textOf(alerts[0])).toContain(`/dashboard/inbox/${conversationId}`);
    // The alerts land in A's own conversation with the showroom, which is A's in the inbox: a
    // colleague never reads them among the unassigned ones.
    expect((await conversationOf(SALES_A))?.assigneeId).toBe(salesA.id);
    // The buyer was told a salesperson will reply (the showroom is open all week here).
    expect(textOf(sentTo(buyer).at(-1))).toContain("sales");
  });

  it("rings a salesperson outside their window with the showroom's approved template", async () => {
    const buyer = "6281388881002";
    const conversationId = await buyerOf(buyer, "Sari Dewi", salesB.id);
    await say(buyer, "saya mau bicara dengan sales", "Sari Dewi");
    const alerts = await until(
      () => waitingAlerts(sentTo(SALES_B)),
      (list) => list.length > 0,
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(waitingAlerts(sentTo(SALES_B))).toHaveLength(1);
    // The buyer's new lead is B's too, and said so in the same way (a template).
    expect(sentTo(SALES_B).every((message) => message.type === "template")).toBe(true);
    expect(alerts[0]).toMatchObject({
      type: "template",
      template: { name: "staff_alert", language: { code: "id" } },
    });
    const parameters = alerts[0]?.template?.components?.[0]?.parameters ?? [];
    expect(parameters).toHaveLength(3);
    expect(parameters[0]?.text).toContain("Sari Dewi");
    expect(parameters[0]?.text).toContain(`+${buyer}`);
    expect(parameters[2]?.text).toContain(`/dashboard/inbox/${conversationId}`);
    for (const parameter of parameters) expect(parameter.text).not.toMatch(/\n|\t| {5}/);
  });
});

describe("escalation", () => {
  it("passes an unanswered buyer to the next salesperson after N minutes, then to the managers", async () => {
    const buyer = "6281388881003";
    const conversationId = await buyerOf(buyer, "Joko Unanswered", salesB.id);
    await say(buyer, "tolong hubungkan ke sales", "Joko Unanswered");
    const handed = await until(
      () => conversationOf(buyer),
      (row) => row?.mode === "human",
    );
    const job = await until(
      () => escalationJob(conversationId),
      (row) => row !== null,
    );
    const due = (handed?.handedOffAt?.getTime() ?? 0) + ESCALATION_MINUTES * 60_000;
    expect(Math.abs((job?.run_at.getTime() ?? 0) - due)).toBeLessThan(5_000);

    const beforeA = sentTo(SALES_A).length;
    await hurry(conversationId);
    const moved = await until(
      () => conversationOf(buyer),
      (row) => row?.assigneeId === salesA.id,
    );
    expect(moved?.assigneeId).toBe(salesA.id);
    const alerts = await until(
      () => waitingAlerts(sentTo(SALES_A).slice(beforeA)),
      (list) => list.length > 0,
    );
    expect(textOf(alerts[0])).toContain("belum dibalas");
    expect(textOf(alerts[0])).toContain("Joko Unanswered");

    // Nobody answers again: every salesperson was asked, so the owner hears of it.
    const beforeOwner = sentTo(OWNER).length;
    await until(
      () => escalationJob(conversationId),
      (row) => row !== null && row.run_at.getTime() > Date.now() + 60_000,
    );
    await hurry(conversationId);
    const ownerAlerts = await until(
      () => sentTo(OWNER).slice(beforeOwner),
      (list) => list.length > 0,
    );
    expect(textOf(ownerAlerts[0])).toContain("Joko Unanswered");
    expect((await conversationOf(buyer))?.assigneeId).toBe(salesA.id);
    const managersNotice = await withTenant(room.id, (tx) =>
      tx.notification.findMany({
        where: { link: `/dashboard/inbox/${conversationId}`, userId: null, kind: "conversation.handoff" },
      }),
    );
    expect(managersNotice).toHaveLength(1);
  });

  it("leaves a buyer with the salesperson who answered", async () => {
    const buyer = "6281388881004";
    const conversationId = await buyerOf(buyer, "Rina Answered", salesA.id);
    await say(buyer, "mau bicara dengan sales", "Rina Answered");
    await until(
      () => escalationJob(conversationId),
      (row) => row !== null,
    );
    signInAs(salesA);
    expect(
      await replyAction({ conversationId, clientId: "reply-rina-0001", text: "Halo kak, saya bantu ya" }),
    ).toMatchObject({ ok: true });
    const beforeB = sentTo(SALES_B).length;
    await hurry(conversationId);
    await until(
      () => escalationJob(conversationId),
      (row) => row === null,
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await conversationOf(buyer))?.assigneeId).toBe(salesA.id);
    expect(sentTo(SALES_B).slice(beforeB)).toHaveLength(0);
    const escalations = await withTenant(room.id, (tx) =>
      tx.auditLog.count({ where: { entityId: conversationId, action: "conversation.escalate" } }),
    );
    expect(escalations).toBe(0);
  });
});

describe("outside opening hours", () => {
  it("tells the buyer honestly when someone will answer, and starts the clock at opening", async () => {
    // Open only at an hour that is not now (in WITA, the showroom's zone).
    const hourNow = new Date(Date.now() + 8 * 3600_000).getUTCHours();
    const slot = hourNow < 12 ? { open: "15:00", close: "16:00" } : { open: "03:00", close: "04:00" };
    await setHours([0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, ...slot })));
    try {
      const buyer = "6281388881005";
      const conversationId = await buyerOf(buyer, "Malam Hari", salesB.id);
      const before = sentTo(buyer).length;
      await say(buyer, "mau bicara dengan sales", "Malam Hari");
      const replies = await until(
        () => sentTo(buyer).slice(before),
        (list) => list.length > 0,
      );
      const reply = textOf(replies[0]);
      expect(reply).toContain("tutup");
      expect(reply).toContain(`pukul ${slot.open} WITA`);
      const job = await until(
        () => escalationJob(conversationId),
        (row) => row !== null,
      );
      const runAt = job?.run_at ?? new Date(0);
      const local = new Date(runAt.getTime() + 8 * 3600_000);
      expect(
        `${String(local.getUTCHours()).padStart(2, "0")}:${String(local.getUTCMinutes()).padStart(2, "0")}`,
      ).toBe(`${slot.open.slice(0, 2)}:${String(ESCALATION_MINUTES).padStart(2, "0")}`);
      expect(runAt.getTime()).toBeGreaterThan(Date.now());
    } finally {
      await setHours(ALL_WEEK);
    }
  });
});

describe("a failing number", () => {
  it("tells the owners and admins in the dashboard when Meta refuses the showroom's token", async () => {
    graph.failNext(190, 5);
    await say("6281388881006", "halo", "Token Test");
    const notices = await until(
      () => withTenant(room.id, (tx) => tx.notification.findMany({ where: { kind: "whatsapp.failing" } })),
      (rows) => rows.length > 0,
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]?.title).toContain("token ditolak");
    graph.reset();
  });
});
