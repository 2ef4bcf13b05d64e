// Connecting a showroom's WhatsApp number, three ways over one service, against the Graph API fake
// over real HTTP on a real PostgreSQL: the owner's WhatsApp tab (server actions, session faked at
// next-auth), the console's showroom page (super admin) and the CLI (a real process). Meta is
// asked first; a bad token, a wrong id or a missing permission saves nothing and says why; the
// token is stored encrypted and shown only masked; a test message goes through the outbox to the
// fake; health shows the last webhook, the last failed send and a refused token.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectShowroomWhatsAppAction } from "@/app/(platform)/admin/whatsapp-actions";
import {
  connectWhatsAppAction,
  disconnectWhatsAppAction,
  refreshWhatsAppAction,
  sendTestMessageAction,
  testMessageStatusAction,
} from "@/app/(platform)/dashboard/settings/whatsapp/actions";
import { GET as graphSimGet } from "@/app/api/graph-sim/[...path]/route";
import { queueAssistantTurn } from "@/lib/assistant/jobs/process-webhook-event";
import { withPlatformAccess } from "@/lib/core/db/platform";
import { withTenant } from "@/lib/core/db/tenant";
import { setEnv } from "@/lib/core/env";
import { findTenantByPhoneNumberId } from "@/lib/whatsapp/accounts";
import { readConnection } from "@/lib/whatsapp/connection-health";
import { processWebhookEvent, storeWebhookEvent } from "@/lib/whatsapp/ingest";
import { sendOutboxItem } from "@/lib/whatsapp/outbox-sender";
import { webhookBody } from "@/lib/whatsapp/simulator";
import { type FakeGraphApi, type FakePhoneNumber, startFakeGraphApi } from "../fakes/graph-api";
import { cli } from "../support/cli";
import { makeTenant, makeUser } from "../support/factories";
import { cookieJar, signInAs } from "../support/framework";
import { verifiedSuperAdmin } from "../support/super-admin";

let graph: FakeGraphApi;

/** A number only Meta (the fake) knows about, with the System User token that may use it. */
function metaNumber(name = "Maju Motor"): FakePhoneNumber {
  const digits = String(Math.floor(Math.random() * 1e11)).padStart(11, "0");
  const number: FakePhoneNumber = {
    id: `10${digits}`,
    displayPhoneNumber: `+62 812-${digits.slice(0, 4)}-${digits.slice(4, 8)}`,
    verifiedName: name,
    qualityRating: "GREEN",
    messagingLimitTier: "TIER_1K",
    token: `EAAG${randomBytes(24).toString("hex")}`,
    wabaId: `20${digits}`,
  };
  graph.addPhoneNumber(number);
  return number;
}

const fieldsOf = (number: FakePhoneNumber, overrides: Partial<Record<string, string>> = {}) => ({
  phoneNumberId: number.id,
  accessToken: number.token,
  wabaId: "",
  ...overrides,
});

async function showroom() {
  const tenant = await makeTenant();
  const owner = await makeUser({ tenantId: tenant.id, role: "owner" });
  const admin = await makeUser({ tenantId: tenant.id, role: "admin" });
  const sales = await makeUser({ tenantId: tenant.id, role: "sales" });
  return { tenant, owner, admin, sales };
}

const tenantRow = (id: string) =>
  withTenant(id, (tx) => tx.tenant.findUniqueOrThrow({ where: { id }, include: { waConnection: true } }));
/** No number, no token, no details: nothing of a connection is left (or was ever saved). */
async function expectNoNumber(tenantId: string): Promise<void> {
  const row = await tenantRow(tenantId);
  expect({
    id: row.whatsappPhoneNumberId,
    token: row.whatsappAccessTokenEnc,
    details: row.waConnection,
  }).toEqual({
    id: null,
    token: null,
    details: null,
  });
}
const auditsOf = (id: string, action: string) =>
  withTenant(id, (tx) => tx.auditLog.findMany({ where: { tenantId: id, action } }));
const viewOf = (id: string) => withTenant(id, (tx) => readConnection(tx, id));
const lookups = (id: string) =>
  graph.sent.filter((request) => request.method === "GET" && request.path.endsWith(`/${id}`));

beforeAll(async () => {
  graph = await startFakeGraphApi();
  setEnv({ WHATSAPP_GRAPH_API_URL: graph.url, APP_URL: "https://app.autolumiku.test" });
});
afterAll(() => graph?.close());

describe("connecting from the WhatsApp tab", () => {
  it("checks the number with Meta, then saves it with the token encrypted, audited and shown only masked", async () => {
    const { tenant, owner } = await showroom();
    const number = metaNumber("Maju Motor Medan");
    signInAs(owner);
    const result = await connectWhatsAppAction(fieldsOf(number, { wabaId: number.wabaId }));
    expect(result).toMatchObject({
      ok: true,
      data: {
        phoneNumberId: number.id,
        displayPhoneNumber: number.displayPhoneNumber,
        verifiedName: "Maju Motor Medan",
        qualityRating: "GREEN",
        messagingLimitTier: "TIER_1K",
        webhookSubscription: "subscribed",
      },
    });
    // Meta was asked for the number's details with the token, and the app subscribed to the WABA.
    const [lookup] = lookups(number.id);
    expect(lookup?.headers.authorization).toBe(`Bearer ${number.token}`);
    expect(graph.subscriptions).toContain(number.wabaId);

    const row = await tenantRow(tenant.id);
    expect(row.whatsappPhoneNumberId).toBe(number.id);
    expect(row.whatsappAccessTokenEnc).toMatch(/^v1:/);
    expect(row.whatsappAccessTokenEnc).not.toContain(number.token);
    expect(row.waConnection).toMatchObject({
      wabaId: number.wabaId,
      displayPhoneNumber: number.displayPhoneNumber,
      verifiedName: "Maju Motor Medan",
      connectedBy: owner.email,
    });
    const [audit] = await auditsOf(tenant.id, "whatsapp.connect");
    expect(audit).toMatchObject({
      actorId: owner.id,
      after: { phoneNumberId: number.id, token: `••••${number.token.slice(-4)}` },
    });
    expect(JSON.stringify(audit)).not.toContain(number.token);
    expect(await findTenantByPhoneNumberId(number.id)).toMatchObject({ id: tenant.id });

    const view = await viewOf(tenant.id);
    expect(view).toMatchObject({
      connected: true,
      tokenMasked: `••••${number.token.slice(-4)}`,
      displayPhoneNumber: number.displayPhoneNumber,
      webhook: { url: "https://app.autolumiku.test/api/webhooks/whatsapp" },
      health: { token: "ok", lastWebhookAt: null, lastSendFailure: null },
    });
    expect(JSON.stringify(view)).not.toContain(number.token);
  });

  it("refuses a bad token (190), a wrong id (100) and a token without permission (10/200) in the visitor's language, saving nothing", async () => {
    const { tenant, owner } = await showroom();
    const number = metaNumber();
    signInAs(owner);

    const badToken = await connectWhatsAppAction(fieldsOf(number, { accessToken: `EAAG${"x".repeat(40)}` }));
    expect(badToken).toMatchObject({ ok: false, code: "invalid" });
    if (badToken.ok) throw new Error("connected with a bad token");
    expect(badToken.message).toContain("Meta menolak token akses (error 190");
    expect(badToken.fieldErrors?.accessToken?.[0]).toContain("190");

    const otherNumber = metaNumber();
    const wrongId = await connectWhatsAppAction(fieldsOf(number, { phoneNumberId: otherNumber.id }));
    if (wrongId.ok) throw new Error("connected a number the token may not use");
    expect(wrongId.fieldErrors?.phoneNumberId?.[0]).toContain("Meta tidak mengenal ID nomor ini");

    const unknownId = await connectWhatsAppAction(fieldsOf(number, { phoneNumberId: "123456789012345" }));
    if (unknownId.ok) throw new Error("connected an id Meta does not know");
    expect(unknownId.message).toContain("error 100");

    graph.failNext(200);
    const noPermission = await connectWhatsAppAction(fieldsOf(number));
    if (noPermission.ok) throw new Error("connected without permission");
    expect(noPermission.fieldErrors?.accessToken?.[0]).toContain("whatsapp_business_messaging");

    cookieJar().set("locale", "en");
    const english = await connectWhatsAppAction(fieldsOf(number, { accessToken: `EAAG${"y".repeat(40)}` }));
    if (english.ok) throw new Error("connected with a bad token");
    expect(english.message).toContain("Meta refused the access token (error 190");

    const typo = await connectWhatsAppAction(fieldsOf(number, { phoneNumberId: "12ab" }));
    if (typo.ok) throw new Error("accepted a malformed id");
    expect(typo.fieldErrors?.phoneNumberId?.[0]).toContain("The phone number ID is a number");

    await expectNoNumber(tenant.id);
    expect(await auditsOf(tenant.id, "whatsapp.connect")).toHaveLength(0);
  });

  it("keeps showrooms apart: a number another showroom has is refused, a tenantId in the input is ignored, and each sees only its own number", async () => {
    const a = await showroom();
    const b = await showroom();
    const numberA = metaNumber("Showroom A");
    signInAs(a.owner);
    expect(await connectWhatsAppAction(fieldsOf(numberA))).toMatchObject({ ok: true });

    signInAs(b.owner);
    const stolen = await connectWhatsAppAction(fieldsOf(numberA));
    expect(stolen).toMatchObject({ ok: false, code: "conflict" });
    if (stolen.ok) throw new Error("connected another showroom's number");
    expect(stolen.message).toContain("sudah terhubung ke showroom lain");
    expect(await findTenantByPhoneNumberId(numberA.id)).toMatchObject({ id: a.tenant.id });

    // The showroom is the session's: naming another one in the input changes nothing there.
    const numberB = metaNumber("Showroom B");
    expect(await connectWhatsAppAction({ ...fieldsOf(numberB), tenantId: a.tenant.id })).toMatchObject({
      ok: true,
    });
    expect((await tenantRow(a.tenant.id)).whatsappPhoneNumberId).toBe(numberA.id);
    expect((await tenantRow(b.tenant.id)).whatsappPhoneNumberId).toBe(numberB.id);
    const viewB = await viewOf(b.tenant.id);
    expect(viewB.phoneNumberId).toBe(numberB.id);
    expect(JSON.stringify(viewB)).not.toContain(numberA.id);
    // A disconnect from B leaves A's number alone.
    expect(await disconnectWhatsAppAction({ tenantId: a.tenant.id })).toMatchObject({ ok: true });
    expect((await tenantRow(a.tenant.id)).whatsappPhoneNumberId).toBe(numberA.id);
    expect((await tenantRow(b.tenant.id)).whatsappPhoneNumberId).toBeNull();
  });

  it("is for owners and admins only: a salesperson cannot connect, disconnect, check or send a test", async () => {
    const { tenant, admin, sales } = await showroom();
    const number = metaNumber();
    signInAs(sales);
    expect(await connectWhatsAppAction(fieldsOf(number))).toMatchObject({ ok: false, code: "forbidden" });
    expect(lookups(number.id)).toHaveLength(0);
    signInAs(admin);
    expect(await connectWhatsAppAction(fieldsOf(number))).toMatchObject({ ok: true });
    signInAs(sales);
    for (const call of [
      () => disconnectWhatsAppAction({}),
      () => refreshWhatsAppAction({}),
      () => sendTestMessageAction({ to: "081234567890" }),
    ])
      expect(await call()).toMatchObject({ ok: false, code: "forbidden" });
    expect((await tenantRow(tenant.id)).whatsappPhoneNumberId).toBe(number.id);
  });
});

describe("after connecting", () => {
  async function connected() {
    const room = await showroom();
    const number = metaNumber();
    signInAs(room.owner);
    expect(await connectWhatsAppAction(fieldsOf(number))).toMatchObject({ ok: true });
    return { ...room, number };
  }

  it("sends a test message through the outbox to Meta (hello_world outside the window, text inside) and tracks it", async () => {
    const { tenant, number } = await connected();
    const to = `62812${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
    const clientId = randomUUID();
    const sent = await sendTestMessageAction({ to: `0${to.slice(2)}`, clientId });
    if (!sent.ok) throw new Error(JSON.stringify(sent));
    expect(sent.data.kind).toBe("template");
    // A double submit of the same press queues nothing more.
    expect(await sendTestMessageAction({ to: `0${to.slice(2)}`, clientId })).toMatchObject({
      ok: true,
      data: { messageId: sent.data.messageId },
    });
    const outbox = await withTenant(tenant.id, (tx) => tx.waOutbox.findMany({ where: { recipient: to } }));
    expect(outbox).toHaveLength(1);
    expect(await sendOutboxItem(tenant.id, outbox[0]?.id ?? "")).toBe("sent");
    const request = graph.sent.findLast((entry) => entry.phoneNumberId === number.id);
    expect(request?.headers.authorization).toBe(`Bearer ${number.token}`);
    expect(request?.body).toMatchObject({
      to,
      type: "template",
      template: { name: "hello_world", language: { code: "en_US" } },
    });
    expect(await testMessageStatusAction({ messageId: sent.data.messageId })).toMatchObject({
      ok: true,
      data: { status: "sent" },
    });
    const [audit] = await auditsOf(tenant.id, "whatsapp.test_message");
    expect(audit?.after).toMatchObject({ to, kind: "template" });

    // The recipient wrote within 24 hours: a text this time.
    await withTenant(tenant.id, (tx) =>
      tx.waContact.update({
        where: { tenantId_waId: { tenantId: tenant.id, waId: to } },
        data: { lastInboundAt: new Date() },
      }),
    );
    const text = await sendTestMessageAction({ to });
    expect(text).toMatchObject({ ok: true, data: { kind: "text" } });
    const textOutbox = await withTenant(tenant.id, (tx) =>
      tx.waOutbox.findFirstOrThrow({ where: { recipient: to, status: "pending" } }),
    );
    expect(await sendOutboxItem(tenant.id, textOutbox.id)).toBe("sent");
    expect(graph.sent.findLast((entry) => entry.phoneNumberId === number.id)?.body).toMatchObject({
      type: "text",
      text: { body: expect.stringContaining("Pesan uji dari autolumiku") },
    });
    expect(await sendTestMessageAction({ to: "12" })).toMatchObject({
      ok: false,
      fieldErrors: { to: [expect.stringContaining("Nomor tujuan tidak valid")] },
    });
  });

  it("shows health: the last webhook heard, the last failed send, and a token Meta refuses", async () => {
    const { tenant, number } = await connected();
    // A buyer's message arrives for this number.
    const body = webhookBody({
      phoneNumberId: number.id,
      displayPhoneNumber: number.displayPhoneNumber,
      contacts: [{ profile: { name: "Budi" }, wa_id: "6281299990000" }],
      messages: [
        {
          from: "6281299990000",
          id: `wamid.${randomBytes(8).toString("hex")}`,
          timestamp: String(Math.floor(Date.now() / 1000)),
          type: "text",
          text: { body: "halo" },
        },
      ],
    });
    const eventId = await storeWebhookEvent(body, { name: "connect-test-unprocessed" }, 1);
    await processWebhookEvent(eventId, { queueTurn: queueAssistantTurn });
    expect((await viewOf(tenant.id)).health.lastWebhookAt).not.toBeNull();

    // A send Meta refuses.
    graph.failNext(131026);
    await sendTestMessageAction({ to: "081299990001" });
    const pending = await withTenant(tenant.id, (tx) =>
      tx.waOutbox.findFirstOrThrow({ where: { recipient: "6281299990001" } }),
    );
    expect(await sendOutboxItem(tenant.id, pending.id)).toBe("failed");
    expect((await viewOf(tenant.id)).health.lastSendFailure).toMatchObject({ code: 131026 });

    // The token is revoked at Meta: "check now" records it, a good check clears it.
    graph.failNext(190);
    expect(await refreshWhatsAppAction({})).toMatchObject({
      ok: true,
      data: { problem: "whatsapp.error.token" },
    });
    expect((await viewOf(tenant.id)).health.token).toBe("rejected");
    expect(await refreshWhatsAppAction({})).toMatchObject({ ok: true, data: { problem: null } });
    expect((await viewOf(tenant.id)).health.token).toBe("ok");
    expect((await tenantRow(tenant.id)).whatsappPhoneNumberId).toBe(number.id);
  });

  it("disconnects: the number no longer routes, the token is gone, the change is audited", async () => {
    const { tenant, owner, number } = await connected();
    signInAs(owner);
    expect(await disconnectWhatsAppAction({})).toMatchObject({ ok: true, data: { disconnected: true } });
    await expectNoNumber(tenant.id);
    expect(await findTenantByPhoneNumberId(number.id)).toBeNull();
    expect(await auditsOf(tenant.id, "whatsapp.disconnect")).toHaveLength(1);
    expect(await sendTestMessageAction({ to: "081234567890" })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    expect(await disconnectWhatsAppAction({})).toMatchObject({ ok: true, data: { disconnected: false } });
  });
});

describe("connecting from the console", () => {
  it("lets a super admin connect a showroom's number through the same check, audited on both sides; an owner cannot use it", async () => {
    const { tenant, owner } = await showroom();
    const number = metaNumber("Console Motor");
    signInAs(owner);
    expect(await connectShowroomWhatsAppAction({ ...fieldsOf(number), tenantId: tenant.id })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    const { admin } = await verifiedSuperAdmin();
    const bad = await connectShowroomWhatsAppAction({
      ...fieldsOf(number, { accessToken: `EAAG${"z".repeat(30)}` }),
      tenantId: tenant.id,
    });
    expect(bad).toMatchObject({ ok: false, code: "invalid" });
    const result = await connectShowroomWhatsAppAction({ ...fieldsOf(number), tenantId: tenant.id });
    expect(result).toMatchObject({ ok: true, data: { verifiedName: "Console Motor" } });
    expect((await tenantRow(tenant.id)).whatsappPhoneNumberId).toBe(number.id);
    const [audit] = await auditsOf(tenant.id, "whatsapp.connect");
    expect(audit).toMatchObject({ actorId: admin.id });
    // The platform path's own row names the operator and the showroom.
    const platform = await withPlatformAccess(
      { actor: { kind: "system", name: "test" }, action: "test.read", entity: "audit_log" },
      (tx) =>
        tx.auditLog.findMany({ where: { tenantId: null, action: "whatsapp.connect", entityId: tenant.id } }),
    );
    expect(platform).toEqual([expect.objectContaining({ actorId: admin.id })]);
  });
});

describe("connecting from the CLI", () => {
  it("creates a showroom with its number checked at Meta, refuses a bad token creating nothing, then changes and disconnects it", async () => {
    const number = metaNumber("CLI Motor");
    const slug = `cli-wa-${randomBytes(3).toString("hex")}`;
    const refused = await cli(
      "tenant:create",
      "--slug",
      slug,
      "--name",
      "CLI Motor",
      "--whatsapp-phone-number-id",
      number.id,
      "--whatsapp-access-token",
      `EAAG${"q".repeat(40)}`,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Meta refused the access token (error 190");

    const created = await cli(
      "tenant:create",
      "--slug",
      slug,
      "--name",
      "CLI Motor",
      "--whatsapp-phone-number-id",
      number.id,
      "--whatsapp-access-token",
      number.token,
      "--waba-id",
      number.wabaId ?? "",
      "--json",
    );
    expect(created.code).toBe(0);
    const data = JSON.parse(created.stdout) as { id: string; whatsapp: unknown };
    expect(data.whatsapp).toMatchObject({
      phoneNumberId: number.id,
      displayPhoneNumber: number.displayPhoneNumber,
      verifiedName: "CLI Motor",
      webhookSubscription: "subscribed",
    });
    expect(created.stdout).not.toContain(number.token);
    expect(await findTenantByPhoneNumberId(number.id)).toMatchObject({ id: data.id, slug });

    const other = metaNumber("CLI Motor 2");
    const changed = await cli(
      "tenant:whatsapp",
      "--tenant",
      slug,
      "--whatsapp-phone-number-id",
      other.id,
      "--whatsapp-access-token",
      other.token,
    );
    expect(changed.code).toBe(0);
    expect(changed.stdout).toContain(`Connected WhatsApp ${other.displayPhoneNumber} (CLI Motor 2`);
    expect(await findTenantByPhoneNumberId(number.id)).toBeNull();

    const badId = await cli(
      "tenant:whatsapp",
      "--tenant",
      slug,
      "--whatsapp-phone-number-id",
      "abc",
      "--whatsapp-access-token",
      "x",
    );
    expect(badId.code).toBe(2);
    expect(badId.stderr).toContain("--whatsapp-phone-number-id: The phone number ID is a number");

    const disconnected = await cli("tenant:whatsapp", "--tenant", slug, "--disconnect");
    expect(disconnected.code).toBe(0);
    expect(disconnected.stdout).toContain("WhatsApp number disconnected.");
    expect(await findTenantByPhoneNumberId(other.id)).toBeNull();
  }, 180_000);
});

describe("the offline Graph API stand-in", () => {
  const lookup = (id: string, token: string) =>
    graphSimGet(
      new Request(`http://localhost/api/graph-sim/v23.0/${id}?fields=display_phone_number,verified_name`, {
        headers: { authorization: `Bearer ${token}` },
      }),
      { params: Promise.resolve({ path: ["v23.0", id] }) },
    );

  it("looks up a demo number like Meta: any demo token for a free number, only the showroom's own token for a connected one", async () => {
    const free = await lookup("109912345678901", "SIM-abcdefghijklmnop");
    expect(free.status).toBe(200);
    expect(await free.json()).toMatchObject({ id: "109912345678901", verified_name: "Nomor Demo 8901" });
    const refused = await lookup("109912345678901", "EAAG-not-a-demo-token");
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: 190 } });
    expect((await lookup("not-a-number", "SIM-abcdefghijklmnop")).status).toBe(400);
  });
});
