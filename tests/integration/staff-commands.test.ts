// Staff commands over WhatsApp end to end: signed webhooks into the route handler, the real queue,
// the assistant turn and a fake Graph API. A staff member's number changes this showroom's stock
// (confirming with reply buttons what loses information); a deactivated staff member or another
// showroom's staff is a buyer here; a photo with a caption becomes a draft nobody sees until published.

import type { Runner } from "graphile-worker";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { withPlatformAccess } from "@/lib/core/db/platform";
import { withTenant } from "@/lib/core/db/tenant";
import { setEnv } from "@/lib/core/env";
import { MESSAGES } from "@/lib/core/i18n/messages";
import { formatRupiah } from "@/lib/core/money";
import { startWorkers } from "@/lib/core/queue/queue";
import { readCatalogQuery, searchVehicles } from "@/lib/inventory/search";
import { workerSetup } from "@/lib/jobs";
import { type FakeGraphApi, startFakeGraphApi } from "../fakes/graph-api";
import { makeUser, photoRow } from "../support/factories";
import { useOwnQueue } from "../support/queue";
import { addVehicle, JAZZ_RS_2019 } from "../support/vehicles";
import { makeWhatsappShowroom } from "../support/whatsapp-showroom";
import { postMessage, until } from "../support/whatsapp-webhook";

vi.setConfig({ testTimeout: 120_000 });

const APP_SECRET = "test-app-secret";
const ENCRYPTION_KEY = "test-encryption-key-test-encryption-key";
const TOKEN = "EAAG-test-token";

const STAFF = "6281377770001";
const FORMER_STAFF = "6281377770002";
const OTHER_SHOWROOM_STAFF = "6281377770003";
const BUYER = "6281377770009";

let graph: FakeGraphApi;
let workers: Runner;
const home = { id: "", phoneNumberId: "" };
const other = { id: "", phoneNumberId: "" };
let staff: { id: string; email: string };

const post = (phoneNumberId: string, from: string, message: Record<string, unknown>) =>
  postMessage({ appSecret: APP_SECRET, phoneNumberId, from, message });
const sendText = (phoneNumberId: string, from: string, text: string) =>
  post(phoneNumberId, from, { type: "text", text: { body: text } });

interface Sent {
  type?: string;
  text?: { body?: string };
  interactive?: {
    body?: { text?: string };
    action?: { buttons?: { reply: { id: string; title: string } }[] };
  };
}
const sentTo = (to: string): Sent[] =>
  graph.sent
    .filter((request) => request.method === "POST" && JSON.stringify(request.body).includes(`"to":"${to}"`))
    .map((request) => request.body as Sent);
const textOf = (message: Sent | undefined) => message?.text?.body ?? message?.interactive?.body?.text ?? "";

/** Sends and waits for the next reply to that number. */
async function ask(
  phoneNumberId: string,
  from: string,
  message: string | Record<string, unknown>,
): Promise<Sent | undefined> {
  const before = sentTo(from).length;
  const response =
    typeof message === "string"
      ? await sendText(phoneNumberId, from, message)
      : await post(phoneNumberId, from, message);
  expect(response.status).toBe(200);
  const replies = await until(
    () => sentTo(from),
    (list) => list.length > before,
  );
  return replies[before];
}

const vehicleByCode = (tenantId: string, stockCode: string) =>
  withTenant(tenantId, (tx) => tx.vehicle.findFirstOrThrow({ where: { stockCode } }));

beforeAll(async () => {
  await useOwnQueue("staff");
  setEnv({ WHATSAPP_APP_SECRET: APP_SECRET });
  setEnv({ ENCRYPTION_KEY: ENCRYPTION_KEY });
  graph = await startFakeGraphApi({ token: TOKEN });
  setEnv({ WHATSAPP_GRAPH_API_URL: graph.url });
  for (const [target, name] of [
    [home, "Showroom Rumah"],
    [other, "Showroom Lain"],
  ] as const) {
    const { tenant, phoneNumberId } = await makeWhatsappShowroom(name, {
      token: TOKEN,
      encryptionKey: ENCRYPTION_KEY,
      seed: async (tx, tenantId) => {
        for (const [stockCode, price] of [
          ["HX-001", 180_000_000n],
          ["HX-002", 175_000_000n],
          ["HX-003", 200_000_000n],
        ] as const) {
          await addVehicle(tx, tenantId, {
            ...JAZZ_RS_2019,
            status: "available",
            city: "Jakarta",
            stockCode,
            price,
          });
        }
      },
    });
    Object.assign(target, { id: tenant.id, phoneNumberId });
  }
  const member = await makeUser({ tenantId: home.id, role: "sales", whatsappNumber: STAFF });
  staff = { id: member.id, email: member.email };
  // This file reads every message to the staff number as the answer to a command: the member's
  // WhatsApp alerts (a buyer's lead assigned to them) stay in the dashboard here; alerts are
  // tested in staff-alerts.test.ts.
  await withTenant(home.id, (tx) =>
    tx.user.update({
      where: { id: member.id },
      data: {
        notificationPreferences: Object.fromEntries(
          ["assigned", "buyer.waiting", "visit.booked", "follow_up.due"].map((type) => [type, ["dashboard"]]),
        ),
      },
    }),
  );
  const former = await makeUser({ tenantId: home.id, role: "sales", whatsappNumber: FORMER_STAFF });
  await withTenant(home.id, (tx) => tx.user.update({ where: { id: former.id }, data: { isActive: false } }));
  await makeUser({ tenantId: other.id, role: "sales", whatsappNumber: OTHER_SHOWROOM_STAFF });
  workers = await startWorkers(workerSetup(), { concurrency: 2 });
});

afterAll(async () => {
  await workers?.stop();
  await graph?.close();
});

describe("staff commands on WhatsApp", () => {
  it("asks before marking a car sold, sells it on the button, audits the staff member, and buyers stop seeing it at once", async () => {
    const question = await ask(home.phoneNumberId, STAFF, "HX-001 terjual");
    expect(question?.type).toBe("interactive");
    const buttons = question?.interactive?.action?.buttons ?? [];
    expect(buttons.map((button) => button.reply.title)).toEqual(["Ya, tandai terjual", "Batal"]);
    expect(textOf(question)).toContain(formatRupiah(180_000_000n));
    // Asking changed nothing.
    expect((await vehicleByCode(home.id, "HX-001")).status).toBe("available");

    const yes = buttons[0]?.reply;
    const done = await ask(home.phoneNumberId, STAFF, {
      type: "interactive",
      interactive: { type: "button_reply", button_reply: { id: yes?.id, title: yes?.title } },
    });
    expect(textOf(done)).toContain("terjual");
    const sold = await vehicleByCode(home.id, "HX-001");
    expect(sold.status).toBe("sold");
    const { events, audit } = await withTenant(home.id, async (tx) => ({
      events: await tx.vehicleEvent.findMany({ where: { vehicleId: sold.id, type: "status_changed" } }),
      audit: await tx.auditLog.findMany({ where: { entityId: sold.id, action: "vehicle.update" } }),
    }));
    expect(events).toEqual([
      expect.objectContaining({ fromStatus: "available", toStatus: "sold", actorId: staff.id }),
    ]);
    expect(audit).toEqual([expect.objectContaining({ actorId: staff.id, actorEmail: staff.email })]);

    // The same button tapped again does nothing more.
    const again = await ask(home.phoneNumberId, STAFF, {
      type: "interactive",
      interactive: { type: "button_reply", button_reply: { id: yes?.id, title: yes?.title } },
    });
    expect(textOf(again)).toContain("tidak berlaku");

    const byCode = await ask(home.phoneNumberId, BUYER, "ada HX-001?");
    expect(textOf(byCode)).not.toContain(formatRupiah(180_000_000n));
    const byModel = await ask(home.phoneNumberId, BUYER, "ada jazz?");
    expect(textOf(byModel)).toContain(formatRupiah(175_000_000n));
    expect(textOf(byModel)).not.toContain(formatRupiah(180_000_000n));
  });

  it("treats a deactivated staff member as a buyer: nothing changes", async () => {
    const reply = await ask(home.phoneNumberId, FORMER_STAFF, "HX-002 terjual");
    expect(reply?.type).toBe("text");
    expect((await vehicleByCode(home.id, "HX-002")).status).toBe("available");
    expect(textOf(reply)).not.toContain("Ya, tandai terjual");
  });

  it("does not let another showroom's staff touch this showroom's cars", async () => {
    // On their own showroom's number, this showroom's code is simply theirs or not found...
    await withTenant(other.id, (tx) => tx.vehicle.deleteMany({ where: { stockCode: "HX-002" } }));
    const own = await ask(other.phoneNumberId, OTHER_SHOWROOM_STAFF, "HX-002 booking");
    expect(textOf(own)).toContain("tidak ditemukan");
    // ...and on this showroom's number they are a buyer.
    const here = await ask(home.phoneNumberId, OTHER_SHOWROOM_STAFF, "HX-002 booking");
    expect(here?.type).toBe("text");
    expect((await vehicleByCode(home.id, "HX-002")).status).toBe("available");
  });

  it("records a price change in the history, and asks first for a cut deeper than 20%", async () => {
    const reply = await ask(home.phoneNumberId, STAFF, "harga HX-003 jadi 190jt");
    expect(textOf(reply)).toContain(formatRupiah(190_000_000n));
    const car = await vehicleByCode(home.id, "HX-003");
    expect(car.price).toBe(190_000_000n);
    const events = await withTenant(home.id, (tx) =>
      tx.vehicleEvent.findMany({ where: { vehicleId: car.id, type: "price_changed" } }),
    );
    expect(events).toEqual([
      expect.objectContaining({ fromPrice: 200_000_000n, toPrice: 190_000_000n, actorId: staff.id }),
    ]);

    // This showroom lets sales staff cut any amount (the limit has its own tests, in
    // sales-limits.test.ts): a deep cut still asks first.
    await withTenant(home.id, (tx) =>
      tx.tenant.update({ where: { id: home.id }, data: { salesMaxPriceCutPct: 100 } }),
    );
    const typo = await ask(home.phoneNumberId, STAFF, "harga HX-003 jadi 19jt");
    expect(typo?.type).toBe("interactive");
    const cancel = typo?.interactive?.action?.buttons?.[1]?.reply;
    const cancelled = await ask(home.phoneNumberId, STAFF, {
      type: "interactive",
      interactive: { type: "button_reply", button_reply: { id: cancel?.id, title: cancel?.title } },
    });
    expect(textOf(cancelled)).toContain("Dibatalkan");
    expect((await vehicleByCode(home.id, "HX-003")).price).toBe(190_000_000n);
  });

  it("starts a draft listing from a photo and caption, invisible in the catalog until published", async () => {
    const car = await sharp({
      create: { width: 700, height: 420, channels: 3, background: { r: 20, g: 50, b: 190 } },
    })
      .png()
      .toBuffer();
    const photo = await sharp({
      create: { width: 1280, height: 960, channels: 3, background: { r: 236, g: 238, b: 232 } },
    })
      .composite([{ input: car, left: 290, top: 330 }])
      .jpeg()
      .toBuffer();
    graph.addMedia({ id: "media-listing-1", bytes: photo, mimeType: "image/jpeg" });
    const reply = await ask(home.phoneNumberId, STAFF, {
      type: "image",
      image: {
        id: "media-listing-1",
        mime_type: "image/jpeg",
        caption: "Jazz RS 2018 187,5jt km 88rb matic",
      },
    });
    expect(textOf(reply)).toContain("Draf");
    expect(textOf(reply)).toContain("biru (dari foto)");

    const draft = await withTenant(home.id, (tx) =>
      tx.vehicle.findFirstOrThrow({ where: { status: "draft", year: 2018 }, include: { photos: true } }),
    );
    expect(draft).toMatchObject({
      brand: "Honda",
      model: "Jazz",
      variant: "RS",
      price: 187_500_000n,
      mileageKm: 88_000,
      transmission: "automatic",
      color: "biru",
    });
    expect(draft.photos).toHaveLength(1);
    const review = await withTenant(home.id, (tx) =>
      tx.auditLog.findFirst({ where: { entityId: draft.id, action: "vehicle.listing_review" } }),
    );
    expect(JSON.stringify(review?.after)).toContain('"source":"photo"');
    const catalog = () => withTenant(home.id, (tx) => searchVehicles(tx, readCatalogQuery({})));
    expect((await catalog()).items.map((item) => item.stockCode)).not.toContain(draft.stockCode);

    const published = await ask(home.phoneNumberId, STAFF, "terbitkan");
    expect(textOf(published)).toContain("tayang");
    expect((await catalog()).items.map((item) => item.stockCode)).toContain(draft.stockCode);
  });
  it("holds a salesperson to the showroom's limits: no deep price cut, no sale when sales may not sell (issue 12)", async () => {
    await withTenant(home.id, (tx) =>
      tx.tenant.update({
        where: { id: home.id },
        data: { salesMaxPriceCutPct: 5, salesMayMarkSold: false },
      }),
    );
    const cut = await ask(home.phoneNumberId, STAFF, "harga HX-002 jadi 150jt");
    expect(cut?.type).toBe("text");
    expect(textOf(cut)).toBe(MESSAGES.id["security.sales.priceCutTooDeep"].replace("{n}", "5"));
    const sold = await ask(home.phoneNumberId, STAFF, "HX-002 terjual");
    expect(sold?.type).toBe("text");
    expect(textOf(sold)).toBe(MESSAGES.id["security.sales.soldNotAllowed"]);
    expect(await vehicleByCode(home.id, "HX-002")).toMatchObject({
      price: 175_000_000n,
      status: "available",
    });
  });

  it("answers a draft past the plan's limits with the limit, not a failed job: photos per car, then cars in stock", async () => {
    const photo = await sharp({
      create: { width: 800, height: 600, channels: 3, background: { r: 200, g: 30, b: 30 } },
    })
      .jpeg()
      .toBuffer();
    const image = (id: string, caption?: string) => {
      graph.addMedia({ id, bytes: photo, mimeType: "image/jpeg" });
      return { type: "image", image: { id, mime_type: "image/jpeg", ...(caption ? { caption } : {}) } };
    };
    expect(
      textOf(await ask(home.phoneNumberId, STAFF, image("media-cap-1", "Brio RS 2017 150jt km 50rb matic"))),
    ).toContain("Draf");
    const draft = await withTenant(home.id, (tx) =>
      tx.vehicle.findFirstOrThrow({ where: { status: "draft", year: 2017 }, include: { photos: true } }),
    );
    // Fill the car up to 30 photos (rows only: the cap is about the count).
    await withTenant(home.id, async (tx) => {
      for (let position = draft.photos.length; position < 30; position += 1)
        await tx.vehiclePhoto.create({ data: photoRow(home.id, draft.id, position) });
    });
    expect(textOf(await ask(home.phoneNumberId, STAFF, image("media-cap-2")))).toContain(
      "paling banyak 30 foto",
    );
    expect(await withTenant(home.id, (tx) => tx.vehiclePhoto.count({ where: { vehicleId: draft.id } }))).toBe(
      30,
    );

    const inStock = await withTenant(home.id, (tx) =>
      tx.vehicle.count({ where: { status: { not: "sold" } } }),
    );
    const setMax = (maxVehicles: number) =>
      withPlatformAccess(
        {
          actor: { kind: "system", name: "test" },
          action: "tenant.limits",
          entity: "tenant",
          tenantId: home.id,
        },
        (tx) => tx.tenant.update({ where: { id: home.id }, data: { maxVehicles } }),
      );
    await setMax(inStock);
    try {
      const refused = await ask(
        home.phoneNumberId,
        STAFF,
        image("media-cap-3", "Ayla 2016 90jt km 70rb manual"),
      );
      expect(textOf(refused)).toContain(`boleh punya ${inStock} mobil`);
      expect(await withTenant(home.id, (tx) => tx.vehicle.count({ where: { year: 2016 } }))).toBe(0);
    } finally {
      await setMax(1000);
    }
  });
});
