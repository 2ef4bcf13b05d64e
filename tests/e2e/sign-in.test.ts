// Each demo role signs in in a real browser at phone size and lands in the right area.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "@/lib/seed/demo";
import { baseUrl, launchBrowser, phonePage, screenshot } from "../support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function signIn(page: Page, loginPath: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl()}${loginPath}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
}

describe("signing in at phone size", () => {
  const staff = [
    { email: "owner@mobilindo.demo", role: "Pemilik" },
    { email: "admin@mobilindo.demo", role: "Admin" },
    { email: "sales@mobilindo.demo", role: "Sales" },
  ];
  for (const account of staff) {
    it(`takes the ${account.role.toLowerCase()} of Mobilindo Jaya to the dashboard`, async () => {
      const page = await phonePage(browser);
      await signIn(page, "/login", account.email);
      await page.waitForURL(`${baseUrl()}/dashboard`);
      await expect
        .poll(() => page.getByTestId("signed-in-as").textContent())
        .toContain(`${account.email} · ${account.role} di Mobilindo Jaya`);
      if (account.role === "Pemilik") await screenshot(page, "dashboard-owner-390");
      await page.close();
    });
  }

  it("takes the super admin to the platform console's second factor step", async () => {
    const page = await phonePage(browser);
    await signIn(page, "/admin/login", "admin@autolumiku.demo");
    // Two-factor is required: enrolment or a code comes before the console (tests/e2e/admin-console.test.ts goes further).
    await page.waitForURL(`${baseUrl()}/admin/two-factor`);
    await expect
      .poll(() => page.getByTestId("signed-in-as").textContent())
      .toContain("admin@autolumiku.demo");
    await screenshot(page, "admin-390");
    await page.close();
  });

  it("tells a super admin who uses the showroom login where to go, in Indonesian", async () => {
    const page = await phonePage(browser);
    await signIn(page, "/login", "admin@autolumiku.demo");
    await expect.poll(() => page.getByTestId("form-error").textContent()).toContain("/admin/login");
    expect(page.url()).toBe(`${baseUrl()}/login`);
    await page.close();
  });

  it("refuses showroom staff at the admin login", async () => {
    const page = await phonePage(browser);
    await signIn(page, "/admin/login", "owner@surya.demo");
    await expect.poll(() => page.getByTestId("form-error").textContent()).toContain("/login");
    await page.goto(`${baseUrl()}/admin`);
    await page.waitForURL(`${baseUrl()}/admin/login`);
    await page.close();
  });

  it("shows a clear message for a wrong password", async () => {
    const page = await phonePage(browser);
    await signIn(page, "/login", "sales2@mobilindo.demo", "salah-sandi");
    await expect
      .poll(() => page.getByTestId("form-error").textContent())
      .toBe("Email atau kata sandi salah.");
    await screenshot(page, "login-error-390");
    await page.close();
  });

  it("sends a visitor without a session from the dashboard to the login page", async () => {
    const page = await phonePage(browser);
    await page.goto(`${baseUrl()}/dashboard`);
    await page.waitForURL(`${baseUrl()}/login`);
    await page.close();
  });

  it("switches the interface to English and back", async () => {
    const page = await phonePage(browser);
    await page.goto(`${baseUrl()}/login`);
    await page.getByRole("button", { name: "en", exact: true }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Sign in to the showroom dashboard");
    await page.getByRole("button", { name: "id", exact: true }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Masuk ke dasbor showroom");
    await page.close();
  });

  it("signs out", async () => {
    const page = await phonePage(browser);
    await signIn(page, "/login", "owner@surya.demo");
    await page.waitForURL(`${baseUrl()}/dashboard`);
    await page.getByRole("button", { name: "Keluar" }).click();
    await page.waitForURL(`${baseUrl()}/login`);
    await page.goto(`${baseUrl()}/dashboard`);
    await page.waitForURL(`${baseUrl()}/login`);
    await page.close();
  });
});
