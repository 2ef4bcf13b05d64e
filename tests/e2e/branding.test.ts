// A showroom's branding end to end at phone size: an admin picks a bundled font and uploads a logo
// and a hero in settings, and the public catalog home shows them at once. The demo theme is put
// back afterwards so the other tests see the catalog they expect.
import type { Page } from "playwright-core";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { baseUrl, phonePage, screenshot } from "../support/browser";
import { browserForFile, signInToDashboard } from "./support/session";

const browser = browserForFile();

/** A wide logo on a transparent background, as a showroom would export it. */
function logoPng(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="160"><rect x="0" y="20" width="120" height="120" rx="24" fill="#1d4ed8"/><text x="60" y="105" font-size="72" font-family="sans-serif" font-weight="700" fill="#fff" text-anchor="middle">MJ</text><text x="140" y="108" font-size="64" font-family="sans-serif" font-weight="700" fill="#0f172a">Mobilindo</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** A photo-like hero: a light sky over a dark street, so contrast is tested on both. */
function heroJpeg(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900"><defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#bfe3ff"/><stop offset="0.6" stop-color="#f8fafc"/><stop offset="1" stop-color="#334155"/></linearGradient></defs><rect width="1600" height="900" fill="url(#g)"/><rect x="200" y="520" width="520" height="160" rx="60" fill="#b91c1c"/><rect x="880" y="540" width="520" height="150" rx="60" fill="#e2e8f0"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

async function restoreDemoTheme(page: Page): Promise<void> {
  for (const kind of ["logo", "hero"]) {
    // A request from outside the page: it must name our origin like the browser does.
    const response = await page.request.delete(`${baseUrl()}/api/dashboard/settings/branding?kind=${kind}`, {
      headers: { origin: baseUrl() },
    });
    expect(response.status()).toBe(200);
  }
  await page.goto(`${baseUrl()}/dashboard/settings`);
  await page.getByLabel("Huruf").selectOption("inter");
  await page.getByRole("button", { name: "Simpan" }).first().click();
  await expect
    .poll(() => page.getByText("Tersimpan. Katalog sudah diperbarui.").count(), { timeout: 20_000 })
    .toBeGreaterThan(0);
}

describe("showroom branding at phone size", () => {
  it("an admin picks Plus Jakarta Sans and uploads a logo and a hero; the catalog home shows all three", async () => {
    const admin = await phonePage(browser());
    await signInToDashboard(admin, "admin@mobilindo.demo");
    try {
      await admin.goto(`${baseUrl()}/dashboard/settings`);
      await admin.getByLabel("Huruf").selectOption("plus-jakarta-sans");
      await expect
        .poll(
          () => admin.getByTestId("branding-preview").evaluate((node) => getComputedStyle(node).fontFamily),
          { timeout: 20_000 },
        )
        .toContain("Plus Jakarta Sans");
      await admin.getByRole("button", { name: "Simpan" }).first().click();
      await expect
        .poll(() => admin.getByText("Tersimpan. Katalog sudah diperbarui.").count(), { timeout: 20_000 })
        .toBeGreaterThan(0);

      // A file that is not an image is refused with the server's Indonesian message.
      await admin
        .locator("#branding-file-logo")
        .setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from("bukan gambar") });
      await expect
        .poll(() => admin.getByTestId("branding-error-logo").textContent(), { timeout: 20_000 })
        .toContain("Format gambar tidak didukung");

      await admin
        .locator("#branding-file-logo")
        .setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: await logoPng() });
      await expect
        .poll(() => admin.getByTestId("branding-preview-logo").count(), { timeout: 30_000 })
        .toBe(1);
      await admin
        .locator("#branding-file-hero")
        .setInputFiles({ name: "showroom.jpg", mimeType: "image/jpeg", buffer: await heroJpeg() });
      await expect
        .poll(() => admin.getByTestId("branding-preview-hero").count(), { timeout: 30_000 })
        .toBe(1);
      await screenshot(admin, "dashboard-branding-390");

      await admin.goto(`${baseUrl()}/mobilindo-jaya`);
      const logo = admin.getByTestId("catalog-logo");
      expect(await logo.getAttribute("alt")).toBe("Mobilindo Jaya");
      expect(await logo.getAttribute("src")).toMatch(
        /^\/media\/tenants\/[0-9a-f-]{36}\/branding\/logo-[0-9a-f]{16}\.webp$/,
      );
      await expect
        .poll(() => logo.evaluate((node) => (node instanceof HTMLImageElement ? node.naturalWidth : 0)), {
          timeout: 20_000,
        })
        .toBeGreaterThan(0);
      const hero = admin.getByTestId("catalog-hero-image");
      await expect
        .poll(() => hero.evaluate((node) => (node instanceof HTMLImageElement ? node.naturalWidth : 0)), {
          timeout: 20_000,
        })
        .toBeGreaterThan(0);
      expect(await hero.getAttribute("width")).toBeTruthy();
      const heading = admin.getByRole("heading", { level: 1 });
      expect(await heading.evaluate((node) => getComputedStyle(node).fontFamily)).toContain(
        "Plus Jakarta Sans",
      );
      // The font file itself loaded (not a fallback with the right name in the CSS).
      await expect
        .poll(() => admin.evaluate(() => document.fonts.check('16px "Plus Jakarta Sans Variable"')), {
          timeout: 20_000,
        })
        .toBe(true);
      // The tagline sits on the scrim in white.
      expect(
        await admin
          .getByText("Mobil bekas berkualitas, surat lengkap, harga jujur")
          .evaluate((node) => getComputedStyle(node).color),
      ).toBe("rgb(255, 255, 255)");
      await admin.waitForTimeout(500);
      await screenshot(admin, "catalog-branded-390");
    } finally {
      await restoreDemoTheme(admin);
    }
    await admin.goto(`${baseUrl()}/mobilindo-jaya`);
    expect(await admin.getByTestId("catalog-logo").count()).toBe(0);
    expect(await admin.getByTestId("catalog-hero-image").count()).toBe(0);
    await admin.close();
  });
});
