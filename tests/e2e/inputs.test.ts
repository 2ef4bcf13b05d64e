// Inputs and limits against the real server (next start), as an attacker and as staff at 390 px:
// - an upload over Next's old 10 MB proxy buffer arrives whole (it used to be cut short);
// - a webhook declaring 50 MB is refused with 413 before its body is sent, not after buffering it;
// - og.jpg is rendered once and served from the cache until the car's photo changes;
// - a buyer's WhatsApp photo shows in the inbox for the showroom's staff only, never publicly;
// - the stock page offers the Excel (;) export; /admin/health lists dead letters.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "@/lib/audit/record";
import { totpCode } from "@/lib/auth/totp";
import { createUser } from "@/lib/auth/users";
import { revalidateCatalog } from "@/lib/catalog/revalidate";
import { db, disconnectDb } from "@/lib/core/db/client";
import { withTenant } from "@/lib/core/db/tenant";
import { setMainVehiclePhoto } from "@/lib/inventory/photos-admin";
import { DEMO_PASSWORD } from "@/lib/seed/demo";
import { getStorage } from "@/lib/storage";
import { findTenantIdBySlug } from "@/lib/tenancy/tenants";
import { signWebhookBody } from "@/lib/whatsapp/signature";
import { ensureSecret } from "../../scripts/lib/secrets";
import { baseUrl, launchBrowser, phonePage, screenshot } from "../support/browser";

const POLL = { timeout: 20_000 };

let browser: Browser;
let mobilindo: string;

beforeAll(async () => {
  browser = await launchBrowser();
  mobilindo = (await db().$transaction((tx) => findTenantIdBySlug(tx, "mobilindo-jaya")))?.id ?? "";
});
afterAll(async () => {
  await browser?.close();
  await disconnectDb();
});

async function signIn(page: Page, path: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl()}${path}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
}

/** Sends headers declaring `declared` bytes and only a few of them; resolves with the status or "no answer". */
function declareHugeBody(path: string, declared: number, waitMs: number): Promise<number | "no answer"> {
  const url = new URL(path, baseUrl());
  return new Promise((resolve) => {
    const request = http.request(url, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(declared) },
    });
    const timer = setTimeout(() => {
      request.destroy();
      resolve("no answer");
    }, waitMs);
    request.on("response", (response) => {
      clearTimeout(timer);
      response.resume();
      request.destroy();
      resolve(response.statusCode ?? 0);
    });
    request.on("error", () => undefined);
    request.write('{"object":"');
  });
}

describe("request bodies on the real server", () => {
  it("refuses a webhook declaring 50 MB at once, without waiting for (or buffering) the body", async () => {
    expect(await declareHugeBody("/api/webhooks/whatsapp", 50 * 1024 * 1024, 10_000)).toBe(413);
  });

  it("takes a 12 MB photo whole (Next's 10 MB proxy buffer used to cut it short)", async () => {
    const page = await phonePage(browser);
    await signIn(page, "/login", "admin@mobilindo.demo");
    await page.waitForURL(`${baseUrl()}/dashboard`, POLL);
    const vehicle = await withTenant(mobilindo, (tx) =>
      tx.vehicle.findFirstOrThrow({ where: { status: "available" }, orderBy: { stockCode: "desc" } }),
    );
    // Noise does not compress: a 2048 x 2048 RGB PNG is about 12.6 MB.
    const png = await sharp(randomBytes(2048 * 2048 * 3), { raw: { width: 2048, height: 2048, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(png.length).toBeGreaterThan(11 * 1024 * 1024);
    const response = await page.request.post(`${baseUrl()}/api/dashboard/vehicles/${vehicle.id}/photos`, {
      multipart: { file: { name: "besar.png", mimeType: "image/png", buffer: png } },
      headers: { origin: baseUrl() },
      timeout: 120_000,
    });
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ width: 2048, height: 2048 });

    // The stock page offers the export for Excel in an Indonesian region.
    await page.goto(`${baseUrl()}/dashboard/vehicles`);
    const excel = page.getByRole("link", { name: "CSV untuk Excel (;)" });
    expect(await excel.getAttribute("href")).toBe("/api/dashboard/vehicles/export?separator=semicolon");
    await screenshot(page, "dashboard-vehicles-export-390");
    const csv = await page.request.get(`${baseUrl()}/api/dashboard/vehicles/export?separator=semicolon`);
    const bytes = Buffer.from(await csv.body());
    expect(bytes.subarray(0, 3).toString("hex")).toBe("efbbbf");
    expect(bytes.toString("utf8", 3, 40)).toMatch(/^stock_code;brand;model;/);
    await page.close();
  });
});

describe("og.jpg", () => {
  it("is rendered once, served from the cache, and rendered again when the car's main photo changes", async () => {
    const car = await withTenant(mobilindo, (tx) =>
      tx.vehicle.findFirstOrThrow({
        where: { status: "available", photos: { some: { isMain: false } } },
        orderBy: { stockCode: "asc" },
        include: { photos: { orderBy: { position: "asc" } } },
      }),
    );
    const url = `${baseUrl()}/mobilindo-jaya/vehicles/${car.slug}/og.jpg`;
    const first = await fetch(url);
    expect(first.status).toBe(200);
    const firstBytes = Buffer.from(await first.arrayBuffer());
    const second = await fetch(url);
    expect(second.headers.get("x-nextjs-cache")).toBe("HIT");
    expect(Buffer.from(await second.arrayBuffer()).equals(firstBytes)).toBe(true);

    const other = car.photos.find((photo) => !photo.isMain);
    await withTenant(mobilindo, (tx) =>
      setMainVehiclePhoto(tx, { tenantId: mobilindo, actor: systemActor("test"), photoId: other?.id ?? "" }),
    );
    await revalidateCatalog(mobilindo);
    const changed = Buffer.from(await (await fetch(url)).arrayBuffer());
    expect(changed.equals(firstBytes)).toBe(false);
    expect((await fetch(url)).headers.get("x-nextjs-cache")).toBe("HIT");
  });
});

describe("a buyer's WhatsApp photo", () => {
  it("shows in the thread for the showroom's staff, and answers 401 without a session and 404 to another showroom", async () => {
    const photo = await sharp({
      create: { width: 640, height: 480, channels: 3, background: { r: 180, g: 40, b: 40 } },
    })
      .jpeg()
      .toBuffer();
    const { conversationId, messageId, key } = await withTenant(mobilindo, async (tx) => {
      const contact = await tx.waContact.create({
        data: { tenantId: mobilindo, waId: `62813${Date.now().toString().slice(-8)}`, name: "Pembeli Foto" },
      });
      const conversation = await tx.waConversation.create({
        data: {
          tenantId: mobilindo,
          contactId: contact.id,
          lastMessageAt: new Date(),
          lastMessagePreview: "[foto]",
        },
      });
      await tx.waMessage.create({
        data: {
          tenantId: mobilindo,
          conversationId: conversation.id,
          direction: "inbound",
          sender: "contact",
          type: "text",
          body: "Ini foto mobil saya untuk tukar tambah",
          status: "received",
        },
      });
      const message = await tx.waMessage.create({
        data: {
          tenantId: mobilindo,
          conversationId: conversation.id,
          direction: "inbound",
          sender: "contact",
          type: "image",
          status: "received",
        },
      });
      const key = `wa/${mobilindo}/${message.id}.jpg`;
      await tx.waMessage.update({ where: { id: message.id }, data: { mediaKey: key } });
      return { conversationId: conversation.id, messageId: message.id, key };
    });
    await getStorage().put(key, photo, { contentType: "image/jpeg" });
    const mediaUrl = `${baseUrl()}/api/dashboard/inbox/media/${messageId}`;

    const owner = await phonePage(browser);
    await signIn(owner, "/login", "owner@mobilindo.demo");
    await owner.waitForURL(`${baseUrl()}/dashboard`, POLL);
    await owner.goto(`${baseUrl()}/dashboard/inbox/${conversationId}`);
    const image = owner.locator(`img[src="/api/dashboard/inbox/media/${messageId}"]`);
    await expect
      .poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth), POLL)
      .toBe(640);
    await screenshot(owner, "dashboard-inbox-buyer-photo-390");
    const own = await owner.request.get(mediaUrl);
    expect(own.status()).toBe(200);
    expect(own.headers()["cache-control"]).toBe("private, max-age=300");

    expect((await fetch(mediaUrl)).status).toBe(401);
    expect((await fetch(`${baseUrl()}/media/${key}`)).status).toBe(404);
    const stranger = await phonePage(browser);
    await signIn(stranger, "/login", "owner@surya.demo");
    await stranger.waitForURL(`${baseUrl()}/dashboard`, POLL);
    expect((await stranger.request.get(mediaUrl)).status()).toBe(404);
    await Promise.all([owner.close(), stranger.close()]);
  });
});

describe("/admin/health", () => {
  it("counts and lists a signed webhook that could not be read, set aside once", async () => {
    const secret = await ensureSecret(process.env.DATA_DIR ?? ".data", "WHATSAPP_APP_SECRET");
    const body = JSON.stringify({ object: "whatsapp_business_account", entry: "not-a-list" });
    const posted = await fetch(`${baseUrl()}/api/webhooks/whatsapp`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "x-hub-signature-256": signWebhookBody(body, secret) },
    });
    expect(posted.status).toBe(200);

    const email = `ops-${randomBytes(3).toString("hex")}@autolumiku.test`;
    await createUser(
      { email, password: "rahasia-ops-123", name: "Ops", role: "super_admin" },
      systemActor("test"),
    );
    const admin = await phonePage(browser);
    await signIn(admin, "/admin/login", email, "rahasia-ops-123");
    await admin.waitForURL(`${baseUrl()}/admin/two-factor`, POLL);
    const totp = (await admin.getByTestId("totp-secret").textContent())?.trim() ?? "";
    await admin.getByLabel("Kode", { exact: true }).fill(totpCode(totp));
    await admin.getByRole("button", { name: "Verifikasi" }).click();
    await admin.getByRole("button", { name: "Lanjut ke konsol" }).click();
    await admin.waitForURL(`${baseUrl()}/admin`, POLL);
    await admin.goto(`${baseUrl()}/admin/health`);
    const card = admin.getByTestId("dead-letters");
    // The worker sets the event aside shortly after the 200; the page shows it on a later load.
    const reloaded = async () => {
      await admin.reload();
      return card.textContent();
    };
    await expect.poll(reloaded, POLL).toContain("expected array");
    await screenshot(admin, "admin-health-dead-letters-390");
    await admin.close();
  });
});
