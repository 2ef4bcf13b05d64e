// A buyer on a phone finds a car by filters and by a misspelt search, opens it, works out the
// credit and leaves a lead, which only that showroom sees. The same pages work on a subdomain and
// on a showroom's own domain.

import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "@/lib/audit/record";
import { revalidateCatalog } from "@/lib/catalog/revalidate";
import { db, disconnectDb } from "@/lib/core/db/client";
import { withTenant } from "@/lib/core/db/tenant";
import { updateVehicle } from "@/lib/inventory/vehicles";
import { findTenantIdBySlug } from "@/lib/tenancy/tenants";
import { baseUrl, phonePage, screenshot } from "../support/browser";
import { makeVerifiedDomain } from "../support/factories";
import { getWithHost } from "../support/host-request";
import { browserForFile } from "./support/session";

const get = getWithHost;

const CUSTOM_DOMAIN = "mobilindojaya.test";
const browser = browserForFile([`--host-resolver-rules=MAP ${CUSTOM_DOMAIN} 127.0.0.1`]);
let mobilindo: string;
let surya: string;

beforeAll(async () => {
  mobilindo = (await db().$transaction((tx) => findTenantIdBySlug(tx, "mobilindo-jaya")))?.id ?? "";
  surya = (await db().$transaction((tx) => findTenantIdBySlug(tx, "surya-motor")))?.id ?? "";
  await makeVerifiedDomain(mobilindo, CUSTOM_DOMAIN);
  // A domain added outside the dashboard reaches the running server the way the CLI's changes do.
  await revalidateCatalog(mobilindo, { lookup: true });
});
afterAll(() => disconnectDb());

describe("buyer on the catalog at 390 px", () => {
  it("shows the home, search, a car and the contact page at 390 px, from public data only", async () => {
    const page = await phonePage(browser());
    await page.goto(`${baseUrl()}/mobilindo-jaya`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Mobilindo Jaya");
    expect(await page.getByRole("link", { name: /^Toyota \(\d+\)$/ }).count()).toBe(1);
    await screenshot(page, "catalog-home-390");

    await page.goto(`${baseUrl()}/mobilindo-jaya/vehicles?brand=Toyota&sort=price_asc`);
    const titles = await page.locator("ul li h3").allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title).toMatch(/^Toyota /);
    await screenshot(page, "catalog-search-toyota-390");

    await page.locator("ul li a").first().click();
    await page.waitForURL(/\/mobilindo-jaya\/vehicles\/[a-z0-9-]+$/);
    expect(await page.getByTestId("price").textContent()).toMatch(/^Rp /);
    expect(await page.getByText("Nomor polisi", { exact: true }).count()).toBeGreaterThan(0);
    await screenshot(page, "catalog-vehicle-390");

    await page.goto(`${baseUrl()}/mobilindo-jaya/contact`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Kontak");
    await screenshot(page, "catalog-contact-390");
    // Nothing private reaches the HTML: no access token, no Cloud API number id.
    const html = await page.content();
    const tenant = await withTenant(mobilindo, (tx) =>
      tx.tenant.findUniqueOrThrow({
        where: { id: mobilindo },
        select: { whatsappPhoneNumberId: true, whatsappAccessTokenEnc: true },
      }),
    );
    for (const secret of [tenant.whatsappPhoneNumberId, tenant.whatsappAccessTokenEnc])
      if (secret) expect(html).not.toContain(secret);
    await page.close();
  });

  it("finds a car by filters, opens it, computes credit and sends a lead that only this showroom sees", async () => {
    const page = await phonePage(browser());
    await page.goto(`${baseUrl()}/mobilindo-jaya/vehicles`);
    await page.getByText("Filter", { exact: true }).click();
    await page.getByLabel("Transmisi").selectOption("automatic");
    await page.getByLabel("Harga maksimal").fill("400 jt");
    await page.getByRole("button", { name: "Terapkan" }).click();
    await page.waitForURL(/transmission=automatic/);
    expect(page.url()).toContain("priceMax=400");
    const count = Number((await page.getByTestId("result-count").textContent())?.match(/\d+/)?.[0]);
    expect(count).toBeGreaterThan(0);
    await screenshot(page, "catalog-search-390");

    const prices = await page.locator("li p.text-lg").allTextContents();
    for (const price of prices) expect(Number(price.replace(/\D/g, ""))).toBeLessThanOrEqual(400_000_000);

    await page.locator("ul li a").first().click();
    await page.waitForURL(/\/mobilindo-jaya\/vehicles\/[a-z0-9-]+$/);
    expect(await page.getByTestId("price").textContent()).toMatch(/^Rp \d{1,3}(\.\d{3})+$/);
    const wa = await page.getByTestId("whatsapp-link").getAttribute("href");
    expect(wa).toMatch(/^https:\/\/wa\.me\/6281111000001\?text=/);
    // The message names the car by the stock code its page shows.
    const stockCode =
      (
        await page
          .getByText(/^Kode stok: /)
          .first()
          .textContent()
      )
        ?.replace("Kode stok: ", "")
        .trim() ?? "";
    expect(stockCode).not.toBe("");
    expect(decodeURIComponent(wa ?? "")).toContain(`kode ${stockCode}`);

    const before = await page.getByTestId("monthly-instalment").textContent();
    await page.getByLabel("Tenor").selectOption("5");
    await expect.poll(() => page.getByTestId("monthly-instalment").textContent()).not.toBe(before);

    await page.getByLabel("Nama").fill("Budi Santoso");
    await page.getByLabel("Nomor HP / WhatsApp").fill("abc");
    await page.getByRole("button", { name: "Kirim" }).click();
    await expect.poll(() => page.getByTestId("lead-errors").textContent()).toContain("Nomor HP tidak valid");
    // The name the buyer typed survives the failed attempt.
    expect(await page.getByLabel("Nama").inputValue()).toBe("Budi Santoso");
    await page.getByLabel("Nomor HP / WhatsApp").fill("0812 9999 1234");
    await page.getByRole("button", { name: "Kirim" }).click();
    await expect.poll(() => page.getByTestId("lead-sent").isVisible()).toBe(true);
    await screenshot(page, "catalog-detail-390");

    const mine = await withTenant(mobilindo, (tx) => tx.lead.findMany({ where: { phone: "6281299991234" } }));
    const theirs = await withTenant(surya, (tx) => tx.lead.findMany({ where: { phone: "6281299991234" } }));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ name: "Budi Santoso", source: "web" });
    expect(theirs).toHaveLength(0);
    await page.close();
  });

  it("finds the Avanza when the buyer types 'avansa'", async () => {
    const page = await phonePage(browser());
    await page.goto(`${baseUrl()}/mobilindo-jaya`);
    await page.getByLabel("Cari merek, model, warna…").fill("avansa");
    await page.getByRole("button", { name: "Cari mobil" }).first().click();
    await page.waitForURL(/q=avansa/);
    const titles = await page.locator("ul li h3").allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title).toContain("Avanza");
    await page.close();
  });

  it("serves the same showroom on its subdomain and on its own domain, with links that stay there", async () => {
    const port = new URL(baseUrl()).port;
    for (const host of [`mobilindo-jaya.localhost:${port}`, `${CUSTOM_DOMAIN}:${port}`]) {
      const page = await phonePage(browser());
      await page.goto(`http://${host}/`);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Mobilindo Jaya");
      await page.locator("ul li a").first().click();
      await page.waitForURL(new RegExp(`^http://${host.replace(/\./g, "\\.")}/vehicles/[a-z0-9-]+$`));
      expect(await page.getByTestId("price").textContent()).toMatch(/^Rp /);
      await page.close();
    }
  });

  it("publishes a sitemap and robots.txt that are right on the path, subdomain and custom-domain hosts", async () => {
    const port = new URL(baseUrl()).port;
    const cases = [
      {
        host: `127.0.0.1:${port}`,
        path: "/mobilindo-jaya",
        sitemapAt: `http://127.0.0.1:${port}/mobilindo-jaya/sitemap.xml`,
      },
      {
        host: `mobilindo-jaya.localhost:${port}`,
        path: "",
        sitemapAt: `http://mobilindo-jaya.localhost:${port}/sitemap.xml`,
      },
      {
        host: `${CUSTOM_DOMAIN}:${port}`,
        path: "",
        sitemapAt: `http://${CUSTOM_DOMAIN}:${port}/sitemap.xml`,
      },
    ];
    for (const { host, path, sitemapAt } of cases) {
      const robots = await get(host, `${path}/robots.txt`);
      expect([host, robots.status]).toEqual([host, 200]);
      expect(robots.body).toContain(`Sitemap: ${sitemapAt}`);
      const sitemap = await get(host, `${path}/sitemap.xml`);
      expect([host, sitemap.status]).toEqual([host, 200]);
      // Every host lists the showroom's one canonical address: its own domain.
      expect(sitemap.body).toContain(`<loc>https://${CUSTOM_DOMAIN}/vehicles/`);
      expect(sitemap.body).not.toContain("surya");
    }
  });

  it("serves catalog pages from the cache, and a car marked sold leaves search and its page at once", async () => {
    const car = await withTenant(mobilindo, (tx) =>
      tx.vehicle.findFirstOrThrow({
        where: { status: "available", brand: "Honda" },
        orderBy: { stockCode: "asc" },
      }),
    );
    const search = `/mobilindo-jaya/vehicles?brand=Honda&model=${encodeURIComponent(car.model)}`;
    const detail = `/mobilindo-jaya/vehicles/${car.slug}`;
    const host = new URL(baseUrl()).host;
    /** A status change made the way staff make it, then the catalog told, as the dashboard does. */
    const markCar = async (vehicleId: string, status: "sold" | "available") => {
      await withTenant(mobilindo, (tx) =>
        updateVehicle(tx, { tenantId: mobilindo, actor: systemActor("test"), vehicleId, input: { status } }),
      );
      await revalidateCatalog(mobilindo);
    };
    expect((await get(host, search)).body).toContain(`/vehicles/${car.slug}"`);
    await get(host, detail);
    const again = await fetch(`${baseUrl()}${detail}`);
    expect(again.headers.get("x-nextjs-cache")).toBe("HIT");

    await markCar(car.id, "sold");
    expect((await get(host, search)).body).not.toContain(`/vehicles/${car.slug}"`);
    expect((await get(host, detail)).status).toBe(404);

    await markCar(car.id, "available");
    expect((await get(host, detail)).status).toBe(200);
  });

  it("gives every car its own OpenGraph image: its photo as a 1200x630 JPEG", async () => {
    const car = await withTenant(mobilindo, (tx) =>
      tx.vehicle.findFirstOrThrow({
        where: { status: "available", photos: { some: {} } },
        orderBy: { stockCode: "asc" },
      }),
    );
    const page = await get(new URL(baseUrl()).host, `/mobilindo-jaya/vehicles/${car.slug}`);
    const ogImage = /<meta property="og:image" content="([^"]+)"/.exec(page.body)?.[1] ?? "";
    expect(ogImage).toMatch(new RegExp(`/vehicles/${car.slug}/og\\.jpg$`));
    const response = await fetch(`${baseUrl()}/mobilindo-jaya/vehicles/${car.slug}/og.jpg`);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["jpeg", 1200, 630]);
  });

  it("shows a 404 for an unknown showroom", async () => {
    const response = await fetch(`${baseUrl()}/no-such-showroom`);
    expect(response.status).toBe(404);
  });
});
