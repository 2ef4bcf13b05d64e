// The showroom dashboard's admin areas in a real browser at phone size: sales staff are refused,
// an admin creates a salesperson who signs in and is cut off at once when deactivated, and a new
// primary colour shows in the public catalog immediately.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { baseUrl, phonePage, screenshot } from "../support/browser";
import { browserForFile, signInToDashboard } from "./support/session";

const browser = browserForFile();

describe("showroom dashboard administration at phone size", () => {
  it("refuses a salesperson the staff, settings and audit pages on the server", async () => {
    const page = await phonePage(browser());
    await signInToDashboard(page, "sales@mobilindo.demo");
    expect(await page.getByRole("link", { name: "Staf" }).count()).toBe(0);
    for (const path of ["/dashboard/staff", "/dashboard/settings", "/dashboard/audit"]) {
      await page.goto(`${baseUrl()}${path}`);
      await page.waitForURL(`${baseUrl()}/dashboard?denied=1`);
      await expect.poll(() => page.getByTestId("denied").textContent()).toContain("tidak punya izin");
    }
    await screenshot(page, "dashboard-sales-denied-390");
    await page.goto(`${baseUrl()}/dashboard/leads`);
    await expect.poll(() => page.getByTestId("lead-count").textContent()).toMatch(/prospek/);
    await screenshot(page, "dashboard-leads-sales-390");
    await page.close();
  });

  it("lets an admin create a salesperson who can sign in, then deactivate them and end their session at once", async () => {
    const admin = await phonePage(browser());
    await signInToDashboard(admin, "admin@mobilindo.demo");
    await admin.goto(`${baseUrl()}/dashboard/staff`);
    const email = `e2e-${Date.now()}@mobilindo.demo`;
    await admin.getByLabel("Nama").fill("Eko Saputra");
    await admin.getByLabel("Email").fill(email);
    await admin.getByLabel("Nomor WhatsApp").fill("0812 5555 1234");
    await admin.getByRole("button", { name: "Simpan staf" }).click();
    const password =
      (
        await admin.getByTestId("generated-password").locator("p.font-mono").textContent({ timeout: 15_000 })
      )?.trim() ?? "";
    expect(password).toMatch(/^[A-Za-z0-9]{12}$/);
    await expect
      .poll(() => admin.locator(`[data-testid="staff-row"][data-email="${email}"]`).count())
      .toBe(1);
    await screenshot(admin, "dashboard-staff-admin-390");

    const sales = await phonePage(browser());
    await signInToDashboard(sales, email, password);
    await expect
      .poll(() => sales.getByTestId("signed-in-as").textContent())
      .toContain(`${email} · Sales di Mobilindo Jaya`);

    const row = admin.locator(`[data-testid="staff-row"][data-email="${email}"]`);
    await row.getByRole("button", { name: "Nonaktifkan" }).click();
    await admin.waitForTimeout(3000);
    await screenshot(admin, "dashboard-staff-deactivated-390");
    await expect.poll(() => row.getByText("Nonaktif", { exact: true }).count(), { timeout: 20_000 }).toBe(1);

    // The very next request of the existing session is refused.
    await sales.goto(`${baseUrl()}/dashboard/leads`);
    await sales.waitForURL(`${baseUrl()}/login`);
    await signInExpectingError(sales, email, password);
    await sales.close();
    await admin.close();
  });

  it("shows a new primary colour in the public catalog at once, and refuses a colour that is not one", async () => {
    const admin = await phonePage(browser());
    await signInToDashboard(admin, "admin@mobilindo.demo");
    await admin.goto(`${baseUrl()}/mobilindo-jaya`);
    const before = await admin.locator("[style*='--primary']").first().getAttribute("style");
    await admin.goto(`${baseUrl()}/dashboard/settings`);
    const field = admin.locator("#color-primary");
    const original = await field.inputValue();
    await field.fill("red");
    await expect.poll(() => admin.getByText("Warna harus berbentuk #RRGGBB").count()).toBeGreaterThan(0);
    await field.fill("#b91c1c");
    await expect
      .poll(() => admin.getByTestId("branding-preview").getAttribute("style"))
      .toContain("--primary: #b91c1c");
    await screenshot(admin, "dashboard-settings-390");
    await admin.getByRole("button", { name: "Simpan" }).first().click();
    await expect
      .poll(() => admin.getByText("Tersimpan. Katalog sudah diperbarui.").count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await admin.goto(`${baseUrl()}/mobilindo-jaya`);
    expect(await admin.locator("[style*='--primary']").first().getAttribute("style")).toContain(
      "--primary:#b91c1c",
    );
    expect(before).not.toContain("#b91c1c");
    await screenshot(admin, "catalog-after-branding-390");
    // Put the demo colour back for the other tests.
    await admin.goto(`${baseUrl()}/dashboard/settings`);
    await admin.locator("#color-primary").fill(original);
    await admin.getByRole("button", { name: "Simpan" }).first().click();
    await expect
      .poll(() => admin.getByText("Tersimpan. Katalog sudah diperbarui.").count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await admin.close();
  });

  it("shows the overview, the leads board and the audit trail to an admin", async () => {
    const page = await phonePage(browser());
    await signInToDashboard(page, "admin@mobilindo.demo");
    await expect.poll(() => page.getByTestId("stock-count").textContent()).toMatch(/^\d+$/);
    await screenshot(page, "dashboard-overview-390");
    await page.goto(`${baseUrl()}/dashboard/leads`);
    await expect.poll(() => page.getByTestId("lead-board").count()).toBe(1);
    await screenshot(page, "dashboard-leads-board-390");
    await page.goto(`${baseUrl()}/dashboard/audit`);
    await expect.poll(() => page.getByTestId("audit-entry").count()).toBeGreaterThan(0);
    await screenshot(page, "dashboard-audit-390");
    await page.close();
  });
});

async function signInExpectingError(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect.poll(() => page.getByTestId("form-error").textContent()).toContain("dinonaktifkan");
}
