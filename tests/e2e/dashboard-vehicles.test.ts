// The "Showroom dashboard: vehicles" acceptance test at 390 px: an admin adds a car with three
// photos, reorders them, marks it booked then sold; the vehicle page's history and the audit log
// show each step and the sold car leaves the public catalog. A salesperson cannot open the import.

import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/core/db/client";
import { withTenant } from "@/lib/core/db/tenant";
import { findTenantIdBySlug } from "@/lib/tenancy/tenants";
import { baseUrl, phonePage, screenshot } from "../support/browser";
import { browserForFile, signInToDashboard } from "./support/session";

// Server actions and refreshes take seconds on a loaded two-core machine.
const POLL = { timeout: 20_000 };

const browser = browserForFile();
let mobilindo: string;

beforeAll(async () => {
  mobilindo = (await db().$transaction((tx) => findTenantIdBySlug(tx, "mobilindo-jaya")))?.id ?? "";
});
afterAll(() => disconnectDb());

/** A distinct photo per colour, with EXIF, as a phone camera would produce. */
async function photo(colour: { r: number; g: number; b: number }): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 900, channels: 3, background: colour } })
    .jpeg({ quality: 80 })
    .withExif({ IFD0: { Make: "PhoneCam" } })
    .toBuffer();
}

async function catalogLists(slug: string): Promise<boolean> {
  const body = await (await fetch(`${baseUrl()}/mobilindo-jaya/vehicles?brand=Suzuki&model=Jimny`)).text();
  return body.includes(`/vehicles/${slug}"`);
}

describe("vehicles in the showroom dashboard at 390 px", () => {
  it("adds a car with three photos, reorders them, books and sells it, with history and audit, and the sold car leaves the catalog", async () => {
    const page = await phonePage(browser());
    page.on("dialog", (dialog) => void dialog.accept());
    await signInToDashboard(page, "admin@mobilindo.demo");

    await page.goto(`${baseUrl()}/dashboard/vehicles`);
    expect(
      Number((await page.getByTestId("vehicle-count").textContent())?.match(/\d+/)?.[0]),
    ).toBeGreaterThan(0);
    await screenshot(page, "dashboard-vehicles-list-390");

    await page.getByRole("link", { name: "Tambah mobil" }).click();
    await page.waitForURL(`${baseUrl()}/dashboard/vehicles/new`);
    await page.getByLabel("Merek").fill("Suzuki");
    await page.getByLabel("Model").fill("Jimny");
    // Leaving the brand field suggests a readable stock code.
    await expect.poll(() => page.getByLabel("Kode stok").inputValue(), POLL).toMatch(/^SUZ-\d{4}$/);
    await page.getByLabel("Tahun").fill("1890");
    await page.getByLabel("Transmisi").selectOption("automatic");
    await page.getByLabel("Kilometer").fill("35.000");
    await page.getByLabel("Harga", { exact: true }).fill("285 jt");
    await page.getByLabel("Nomor polisi").fill("B 2024 JMY");
    await page.getByRole("button", { name: "Simpan" }).click();
    await expect
      .poll(() => page.getByTestId("error-year").textContent(), POLL)
      .toContain("Isi angka antara 1950");
    // Nothing typed is lost when the server refuses the form.
    expect(await page.getByLabel("Model").inputValue()).toBe("Jimny");
    expect(await page.getByLabel("Harga", { exact: true }).inputValue()).toBe("285 jt");
    await screenshot(page, "dashboard-vehicle-form-error-390");
    await page.getByLabel("Tahun").fill("2021");
    await page.getByRole("button", { name: "Simpan" }).click();
    await page.waitForURL(/\/dashboard\/vehicles\/[0-9a-f-]{36}$/);
    const vehicleId = page.url().split("/").at(-1) ?? "";
    expect(await page.getByTestId("vehicle-price").textContent()).toBe("Rp 285.000.000");

    const files = await Promise.all(
      [
        { r: 220, g: 30, b: 30 },
        { r: 30, g: 160, b: 60 },
        { r: 40, g: 70, b: 200 },
      ].map(async (colour, index) => ({
        name: `foto-${index + 1}.jpg`,
        mimeType: "image/jpeg",
        buffer: await photo(colour),
      })),
    );
    await page.getByTestId("photo-input").setInputFiles(files);
    await expect
      .poll(() => page.locator('[data-testid="photo-list"] > li').count(), { timeout: 60_000 })
      .toBe(3);
    await expect
      .poll(() => page.locator('[data-testid="uploads"] li[data-state="done"]').count(), POLL)
      .toBe(3);
    const uploaded = await withTenant(mobilindo, (tx) =>
      tx.vehiclePhoto.findMany({ where: { vehicleId }, orderBy: { position: "asc" } }),
    );
    const [first, second, third] = uploaded.map((row) => row.id);
    expect(uploaded[0]?.isMain).toBe(true);

    /** The photos' ids in the order the page shows them. */
    const shownOrder = () =>
      page
        .locator('[data-testid="photo-list"] > li')
        .evaluateAll((items) => items.map((item) => item.getAttribute("data-photo-id")));
    // The third photo moves to the front, by the buttons a thumb or keyboard can use.
    await page.getByRole("button", { name: "Geser foto 3 ke depan" }).click();
    await expect.poll(shownOrder, POLL).toEqual([first, third, second]);
    await page.getByRole("button", { name: "Geser foto 2 ke depan" }).click();
    await expect.poll(shownOrder, POLL).toEqual([third, first, second]);
    await expect
      .poll(
        async () =>
          (
            await withTenant(mobilindo, (tx) =>
              tx.vehiclePhoto.findMany({ where: { vehicleId }, orderBy: { position: "asc" } }),
            )
          ).map((row) => row.id),
        POLL,
      )
      .toEqual([third, first, second]);
    await page.getByRole("button", { name: "Jadikan utama 1" }).click();
    await expect
      .poll(
        async () =>
          (
            await withTenant(mobilindo, (tx) =>
              tx.vehiclePhoto.findFirst({ where: { vehicleId, isMain: true } }),
            )
          )?.id,
        POLL,
      )
      .toBe(third);

    const slug = (
      await withTenant(mobilindo, (tx) => tx.vehicle.findUniqueOrThrow({ where: { id: vehicleId } }))
    ).slug;
    expect(await catalogLists(slug)).toBe(true);

    await page.getByRole("button", { name: "Tandai dipesan" }).click();
    await expect
      .poll(() => page.getByTestId("vehicle-status").first().getAttribute("data-status"), POLL)
      .toBe("booked");
    expect(await catalogLists(slug)).toBe(true);
    await page.getByRole("button", { name: "Tandai terjual" }).click();
    await expect
      .poll(() => page.getByTestId("vehicle-status").first().getAttribute("data-status"), POLL)
      .toBe("sold");

    const history = page.getByTestId("vehicle-history");
    await expect
      .poll(() => history.locator("li").allTextContents(), POLL)
      .toEqual([
        expect.stringMatching(/^Status: Dipesan → Terjual.*oleh Sari Puspita$/),
        expect.stringMatching(/^Status: Tersedia → Dipesan.*oleh Sari Puspita$/),
        expect.stringMatching(/^Mobil ditambahkan \(Tersedia, Rp 285\.000\.000\).*oleh Sari Puspita$/),
      ]);
    await screenshot(page, "dashboard-vehicle-detail-390");

    const audit = await withTenant(mobilindo, (tx) =>
      tx.auditLog.findMany({ where: { entityId: vehicleId }, orderBy: { createdAt: "asc" } }),
    );
    expect(audit.map((row) => [row.action, row.actorEmail])).toEqual([
      ["vehicle.create", "admin@mobilindo.demo"],
      ["vehicle.photo.add", "admin@mobilindo.demo"],
      ["vehicle.photo.add", "admin@mobilindo.demo"],
      ["vehicle.photo.add", "admin@mobilindo.demo"],
      ["vehicle.photo.reorder", "admin@mobilindo.demo"],
      ["vehicle.photo.reorder", "admin@mobilindo.demo"],
      ["vehicle.photo.main", "admin@mobilindo.demo"],
      ["vehicle.update", "admin@mobilindo.demo"],
      ["vehicle.update", "admin@mobilindo.demo"],
    ]);
    expect(audit.slice(-2).map((row) => row.after)).toEqual([{ status: "booked" }, { status: "sold" }]);

    // The sold car leaves the public search at once.
    expect(await catalogLists(slug)).toBe(false);
    await page.close();
  });

  it("refuses the CSV import to a salesperson on the server, not only by hiding the button", async () => {
    const page = await phonePage(browser());
    await signInToDashboard(page, "sales@mobilindo.demo");
    await page.goto(`${baseUrl()}/dashboard/vehicles`);
    expect(await page.getByRole("link", { name: "Impor CSV" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Tambah mobil" }).count()).toBe(1);
    const response = await page.goto(`${baseUrl()}/dashboard/vehicles/import`);
    await page.waitForURL(`${baseUrl()}/dashboard?denied=1`);
    expect(response?.url()).toBe(`${baseUrl()}/dashboard?denied=1`);
    expect(await page.getByText("Impor stok dari CSV").count()).toBe(0);
    await page.close();
  });

  it("shows the import preview to an admin before anything is written", async () => {
    const page = await phonePage(browser());
    await signInToDashboard(page, "admin@mobilindo.demo");
    await page.goto(`${baseUrl()}/dashboard/vehicles/import`);
    const csv =
      "stock_code,brand,model,year,transmission,mileage_km,price\nE2E-CSV-1,Daihatsu,Rocky,2022,matic,12000,230 jt\nE2E-CSV-2,Daihatsu,Rocky,2022,matic,12000,murah\n";
    await page
      .getByLabel("File CSV")
      .setInputFiles({ name: "stok.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Periksa file" }).click();
    await expect
      .poll(() => page.getByTestId("csv-preview").textContent(), POLL)
      .toContain("1 baru, 0 diperbarui, 0 tanpa perubahan, 1 ditolak");
    expect(await withTenant(mobilindo, (tx) => tx.vehicle.count({ where: { stockCode: "E2E-CSV-1" } }))).toBe(
      0,
    );
    await screenshot(page, "dashboard-vehicles-import-preview-390");
    await page.getByRole("button", { name: "Impor sekarang" }).click();
    await expect.poll(() => page.getByTestId("csv-done").textContent(), POLL).toContain("1 baru");
    expect(await withTenant(mobilindo, (tx) => tx.vehicle.count({ where: { stockCode: "E2E-CSV-1" } }))).toBe(
      1,
    );
    await page.close();
  });
});
