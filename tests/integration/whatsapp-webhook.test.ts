// The WhatsApp channel end to end on a real PostgreSQL and real HTTP: signed webhooks into the
// route handler, the durable queue, the assistant, the outbox and a fake Graph API that speaks
// Meta's wire format. Duplicates (one after the other or at the same moment) are stored and
// answered once; statuses only move forward; unknown numbers are logged, not errors.

import { createHash, randomBytes } from "node:crypto";
import type { Runner } from "graphile-worker";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET, POST } from "@/app/api/webhooks/whatsapp/route";
import { systemActor } from "@/lib/audit/record";
import { encryptSecret } from "@/lib/core/crypto";
import { withPlatformAccess } from "@/lib/core/db/platform";
import { withTenant } from "@/lib/core/db/tenant";
import { setEnv } from "@/lib/core/env";
import { formatRupiah } from "@/lib/core/money";
import { startWorkers } from "@/lib/core/queue/queue";
import { createVehicle } from "@/lib/inventory/vehicles";
import { workerSetup } from "@/lib/jobs";
import { getStorage } from "@/lib/storage";
import { signWebhookBody } from "@/lib/whatsapp/signature";
import { type FakeGraphApi, startFakeGraphApi } from "../fakes/graph-api";
import { makeTenant, makeUser } from "../support/factories";
import { useOwnQueue } from "../support/queue";

// Replies go through the real queue; a loaded CI machine may take seconds per job.
vi.setConfig({ testTimeout: 90_000 });

const APP_SECRET = "test-app-secret";
const VERIFY_TOKEN = "verify-me";
const ENCRYPTION_KEY = "test-encryption-key-test-encryption-key";
const TOKEN = "EAAG-test-token";

let graph: FakeGraphApi;
let workers: Runner;
const showrooms: { id: string; phoneNumberId: string }[] = [];

function webhookBody(
  parts: { phoneNumberId: string; messages?: unknown[]; statuses?: unknown[]; contacts?: unknown[] }[],
): string {
  return JSON.stringify({
    object: "whatsapp_business_account",
    entry: parts.map((part) => ({
      id: "WABA-1",
      changes: [
        {
          field: "messages",
          value: {
            messaging_product: "whatsapp",
            metadata: { display_phone_number: "62811", phone_number_id: part.phoneNumberId },
            contacts: part.contacts,
            messages: part.messages,
            statuses: part.statuses,
          },
        },
      ],
    })),
  });
}

function textMessage(
  from: string,
  body: string,
  id = `wamid.${randomBytes(6).toString("hex")}`,
  at = new Date(),
) {
  return { from, id, timestamp: String(Math.floor(at.getTime() / 1000)), type: "text", text: { body } };
}

function post(body: string, signature: string | null = signWebhookBody(body, APP_SECRET)): Promise<Response> {
  const headers = new Headers({ "content-type": "application/json" });
  if (signature) headers.set("x-hub-signature-256", signature);
  return POST(new Request("http://localhost/api/webhooks/whatsapp", { method: "POST", body, headers }));
}

async function until<T>(
  probe: () => Promise<T> | T,
  ready: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ready(value)) return value;
    if (Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const sentTo = (to: string) =>
  graph.sent.filter(
    (request) => request.method === "POST" && JSON.stringify(request.body).includes(`"to":"${to}"`),
  );
const storedEvents = () =>
  withPlatformAccess(
    { actor: { kind: "system", name: "test" }, action: "test.count", entity: "webhook_events" },
    (tx) => tx.webhookEvent.count(),
  );

beforeAll(async () => {
  await useOwnQueue("webhook");
  setEnv({ WHATSAPP_APP_SECRET: APP_SECRET });
  setEnv({ WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN });
  setEnv({ ENCRYPTION_KEY: ENCRYPTION_KEY });
  graph = await startFakeGraphApi({ token: TOKEN });
  setEnv({ WHATSAPP_GRAPH_API_URL: graph.url });
  for (const name of ["Showroom Satu", "Showroom Dua"]) {
    const tenant = await makeTenant(name);
    const phoneNumberId = String(100000 + Math.floor(Math.random() * 899999));
    await withTenant(tenant.id, async (tx) => {
      await tx.tenant.update({
        where: { id: tenant.id },
        data: {
          whatsappPhoneNumberId: phoneNumberId,
          whatsappAccessTokenEnc: encryptSecret(TOKEN, ENCRYPTION_KEY),
        },
      });
      const actor = systemActor("test");
      await createVehicle(tx, {
        tenantId: tenant.id,
        actor,
        input: {
          stockCode: "AV-1",
          brand: "Toyota",
          model: "Avanza",
          variant: "1.5 G",
          year: 2020,
          transmission: "automatic",
          mileageKm: 40_000,
          price: 185_000_000n,
          status: "available",
          city: "Jakarta",
        },
      });
      await createVehicle(tx, {
        tenantId: tenant.id,
        actor,
        input: {
          stockCode: "AV-2",
          brand: "Toyota",
          model: "Avanza",
          variant: "1.3 E",
          year: 2018,
          transmission: "manual",
          mileageKm: 80_000,
          price: 139_000_000n,
          status: "sold",
          city: "Jakarta",
        },
      });
      await createVehicle(tx, {
        tenantId: tenant.id,
        actor,
        input: {
          stockCode: "JZ-1",
          brand: "Honda",
          model: "Jazz",
          variant: "RS",
          year: 2019,
          transmission: "automatic",
          mileageKm: 60_000,
          price: 187_500_000n,
          status: "booked",
          city: "Jakarta",
        },
      });
    });
    await makeUser({ tenantId: tenant.id, role: "sales" });
    showrooms.push({ id: tenant.id, phoneNumberId });
  }
  workers = await startWorkers(workerSetup(), { concurrency: 4 });
});

afterAll(async () => {
  await workers?.stop();
  await graph?.close();
});

describe("webhook verification", () => {
  it("echoes the challenge for the right verify token and refuses anything else", async () => {
    const ok = await GET(
      new Request(
        `http://localhost/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=12345`,
      ),
    );
    expect([ok.status, await ok.text()]).toEqual([200, "12345"]);
    const wrong = await GET(
      new Request(
        "http://localhost/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=12345",
      ),
    );
    expect(wrong.status).toBe(403);
  });
});

describe("signed webhooks", () => {
  it("refuses a bad or missing signature with 401 and stores nothing", async () => {
    const before = await storedEvents();
    const body = webhookBody([
      { phoneNumberId: showrooms[0]?.phoneNumberId ?? "", messages: [textMessage("6281200000001", "halo")] },
    ]);
    expect((await post(body, `sha256=${"0".repeat(64)}`)).status).toBe(401);
    expect((await post(body, null)).status).toBe(401);
    expect(await storedEvents()).toBe(before);
  });

  it("accepts Indonesian text with emoji, signed over the exact bytes", async () => {
    const body = webhookBody([
      {
        phoneNumberId: showrooms[0]?.phoneNumberId ?? "",
        messages: [textMessage("6281200000002", "Halo kak 🙏 ada Avanza matic? Terima kasih 😊")],
      },
    ]);
    expect((await post(body)).status).toBe(200);
    const replies = await until(
      () => sentTo("6281200000002"),
      (list) => list.length > 0,
      30_000,
    );
    expect(replies.length).toBeGreaterThan(0);
  });
});

describe("inbound media", () => {
  it("downloads a buyer's photo by media id, checks its sha256, strips its metadata and stores it; a mismatch stores nothing", async () => {
    const tenantId = showrooms[0]?.id ?? "";
    const phoneNumberId = showrooms[0]?.phoneNumberId ?? "";
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#c00" } })
      .jpeg()
      .withExif({ IFD0: { Make: "Secret Phone" } })
      .toBuffer();
    graph.addMedia({ id: "media-good", bytes: photo, mimeType: "image/jpeg" });
    graph.addMedia({ id: "media-bad", bytes: photo, mimeType: "image/jpeg" });
    const sha = createHash("sha256").update(photo).digest("base64");
    const image = (id: string, mediaId: string, sha256: string) => ({
      from: "6281800000001",
      id,
      timestamp: String(Math.floor(Date.now() / 1000)),
      type: "image",
      image: { id: mediaId, mime_type: "image/jpeg", sha256 },
    });
    await post(
      webhookBody([
        {
          phoneNumberId,
          messages: [
            image("wamid.img-good", "media-good", sha),
            image("wamid.img-bad", "media-bad", createHash("sha256").update("other").digest("base64")),
          ],
        },
      ]),
    );
    const good = await until(
      () => withTenant(tenantId, (tx) => tx.waMessage.findFirst({ where: { wamid: "wamid.img-good" } })),
      (row) => Boolean(row?.mediaKey),
      30_000,
    );
    expect(good?.mediaKey).toMatch(/^wa\//);
    const stored = await getStorage().get(good?.mediaKey ?? "");
    expect(stored?.contentType).toBe("image/jpeg");
    expect(stored?.bytes.includes(Buffer.from("Secret Phone"))).toBe(false);
    expect((await sharp(stored?.bytes).metadata()).width).toBe(64);
    const bad = await withTenant(tenantId, (tx) =>
      tx.waMessage.findFirst({ where: { wamid: "wamid.img-bad" } }),
    );
    expect(bad?.mediaKey ?? null).toBeNull();
  });
});

describe("routing and answers", () => {
  it("routes one POST with two showrooms and an unknown number, answering each buyer from its own stock", async () => {
    const [one, two] = showrooms;
    const body = webhookBody([
      {
        phoneNumberId: one?.phoneNumberId ?? "",
        contacts: [{ profile: { name: "Budi" }, wa_id: "6281300000001" }],
        messages: [textMessage("6281300000001", "ada avansa?")],
      },
      {
        phoneNumberId: two?.phoneNumberId ?? "",
        contacts: [{ profile: { name: "Sari" }, wa_id: "6281300000002" }],
        messages: [textMessage("6281300000002", "cari jazz")],
      },
      { phoneNumberId: "999999999", messages: [textMessage("6281300000003", "halo")] },
    ]);
    expect((await post(body)).status).toBe(200);
    const toBudi = await until(
      () => sentTo("6281300000001"),
      (list) => list.length > 0,
      30_000,
    );
    const toSari = await until(
      () => sentTo("6281300000002"),
      (list) => list.length > 0,
      30_000,
    );
    expect(toBudi[0]?.phoneNumberId).toBe(one?.phoneNumberId);
    expect(toSari[0]?.phoneNumberId).toBe(two?.phoneNumberId);
    const budiText = JSON.stringify(toBudi.map((request) => request.body));
    // The available Avanza with the database's price; the sold one is never offered.
    expect(budiText).toContain(formatRupiah(185_000_000n));
    expect(budiText).not.toContain(formatRupiah(139_000_000n));
    // The booked Jazz is named as booked.
    expect(JSON.stringify(toSari.map((request) => request.body))).toContain("dipesan");
    expect(sentTo("6281300000003")).toHaveLength(0);
    // The buyer who was offered cars is now a prospect of that showroom, with a salesperson.
    const lead = await until(
      () =>
        withTenant(one?.id ?? "", (tx) =>
          tx.lead.findFirst({ where: { phone: "6281300000001" }, include: { vehicle: true } }),
        ),
      (row) => row !== null,
    );
    expect(lead).toMatchObject({ name: "Budi", source: "whatsapp" });
    expect(lead?.vehicle?.stockCode).toBe("AV-1");
    expect(lead?.assigneeId).not.toBeNull();
    expect(
      await withTenant(two?.id ?? "", (tx) => tx.lead.count({ where: { phone: "6281300000001" } })),
    ).toBe(0);
  });

  it("stores and answers a message delivered twice, and five times at the same moment, exactly once", async () => {
    const phoneNumberId = showrooms[0]?.phoneNumberId ?? "";
    const sequential = textMessage("6281400000001", "ada honda jazz?");
    const body = webhookBody([{ phoneNumberId, messages: [sequential] }]);
    await post(body);
    await post(body);
    const concurrent = textMessage("6281400000002", "cari avanza matic");
    const concurrentBody = webhookBody([{ phoneNumberId, messages: [concurrent] }]);
    await Promise.all(Array.from({ length: 5 }, () => post(concurrentBody)));
    await until(
      () => sentTo("6281400000001"),
      (list) => list.length > 0,
      30_000,
    );
    await until(
      () => sentTo("6281400000002"),
      (list) => list.length > 0,
      30_000,
    );
    // Time for any second reply to show up, were there one.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const stored = await withTenant(showrooms[0]?.id ?? "", (tx) =>
      tx.waMessage.findMany({ where: { wamid: { in: [sequential.id, concurrent.id] } } }),
    );
    expect(stored).toHaveLength(2);
    expect(sentTo("6281400000001")).toHaveLength(1);
    expect(sentTo("6281400000002")).toHaveLength(1);
  });

  it("stores a message that is already old when processed but does not answer it", async () => {
    const old = textMessage("6281500000001", "ada avanza?", undefined, new Date(Date.now() - 20 * 60 * 1000));
    await post(webhookBody([{ phoneNumberId: showrooms[0]?.phoneNumberId ?? "", messages: [old] }]));
    const stored = await until(
      () => withTenant(showrooms[0]?.id ?? "", (tx) => tx.waMessage.findFirst({ where: { wamid: old.id } })),
      (row) => row !== null,
    );
    expect(stored?.body).toBe("ada avanza?");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(sentTo("6281500000001")).toHaveLength(0);
  });

  it("moves delivery statuses only forward, whatever order they arrive in", async () => {
    const tenantId = showrooms[0]?.id ?? "";
    const phoneNumberId = showrooms[0]?.phoneNumberId ?? "";
    await post(webhookBody([{ phoneNumberId, messages: [textMessage("6281600000001", "halo")] }]));
    const reply = await until(
      () =>
        withTenant(tenantId, (tx) =>
          tx.waMessage.findFirst({
            where: {
              direction: "outbound",
              conversation: { contact: { waId: "6281600000001" } },
              wamid: { not: null },
            },
          }),
        ),
      (row) => row !== null,
    );
    const wamid = reply?.wamid ?? "";
    const status = (name: string, seconds: number) => ({
      id: wamid,
      status: name,
      timestamp: String(Math.floor(Date.now() / 1000) + seconds),
      recipient_id: "6281600000001",
    });
    await post(
      webhookBody([
        { phoneNumberId, statuses: [status("read", 3), status("delivered", 2), status("sent", 1)] },
      ]),
    );
    const final = await until(
      () => withTenant(tenantId, (tx) => tx.waMessage.findFirst({ where: { wamid } })),
      (row) => row?.status === "read",
    );
    expect(final?.status).toBe("read");
    expect(final?.readAt).not.toBeNull();
    await post(webhookBody([{ phoneNumberId, statuses: [status("delivered", 5)] }]));
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect((await withTenant(tenantId, (tx) => tx.waMessage.findFirst({ where: { wamid } })))?.status).toBe(
      "read",
    );
  });

  it("hands a buyer who asks for a person to a salesperson and goes quiet", async () => {
    const tenantId = showrooms[0]?.id ?? "";
    const phoneNumberId = showrooms[0]?.phoneNumberId ?? "";
    await post(
      webhookBody([
        {
          phoneNumberId,
          messages: [textMessage("6281700000001", "saya mau bicara dengan sales, bisa nego?")],
        },
      ]),
    );
    const conversation = await until(
      () =>
        withTenant(tenantId, (tx) =>
          tx.waConversation.findFirst({ where: { contact: { waId: "6281700000001" } } }),
        ),
      (row) => row?.mode === "human",
    );
    expect(conversation?.mode).toBe("human");
    expect(conversation?.assigneeId).not.toBeNull();
    await until(
      () => sentTo("6281700000001"),
      (list) => list.length > 0,
    );
    await post(webhookBody([{ phoneNumberId, messages: [textMessage("6281700000001", "ada avanza?")] }]));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(sentTo("6281700000001")).toHaveLength(1);
  });
});
