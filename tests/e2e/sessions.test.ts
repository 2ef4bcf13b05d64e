// Sessions end on the server (issue 12), in a real browser at phone size: after "Keluar" a copy of
// the session cookie opens nothing, and "Keluar dari semua perangkat" on the account page ends the
// account's sessions on other devices too. Also the settings card for what sales staff may do.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "@/lib/seed/demo";
import { baseUrl, launchBrowser, phonePage, screenshot } from "../support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const POLL = { timeout: 20_000 };

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForURL(`${baseUrl()}/dashboard`, POLL);
}

describe("sessions at 390 px", () => {
  it("signing out ends the session on the server: a copied cookie opens nothing", async () => {
    const page = await phonePage(browser);
    await signIn(page, "owner@borneo.demo");
    const copied = await page.context().cookies();
    await page.getByRole("button", { name: "Keluar" }).click();
    await page.waitForURL(`${baseUrl()}/login`, POLL);

    const thief = await phonePage(browser);
    await thief.context().addCookies(copied);
    await thief.goto(`${baseUrl()}/dashboard/leads`);
    await thief.waitForURL(`${baseUrl()}/login`, POLL);
    const exported = await thief.request.get(`${baseUrl()}/api/dashboard/vehicles/export`);
    expect(exported.status()).toBe(401);
    await Promise.all([page.close(), thief.close()]);
  });

  it("signs out everywhere from the account page", async () => {
    const phone = await phonePage(browser);
    const laptop = await phonePage(browser);
    await signIn(phone, "admin@borneo.demo");
    await signIn(laptop, "admin@borneo.demo");
    await phone.getByTestId("account-link").click();
    await phone.waitForURL(`${baseUrl()}/account`, POLL);
    await expect
      .poll(() => phone.getByTestId("signed-in-as").textContent(), POLL)
      .toContain("admin@borneo.demo");
    await screenshot(phone, "account-390");
    await phone.getByTestId("sign-out-everywhere").click();
    await phone.waitForURL(`${baseUrl()}/login`, POLL);
    await laptop.goto(`${baseUrl()}/dashboard/leads`);
    await laptop.waitForURL(`${baseUrl()}/login`, POLL);
    await Promise.all([phone.close(), laptop.close()]);
  });

  it("shows the owner what sales staff may do in the settings", async () => {
    const page = await phonePage(browser);
    await signIn(page, "owner@borneo.demo");
    await page.goto(`${baseUrl()}/dashboard/settings`);
    const card = page.getByTestId("sales-limits");
    await expect
      .poll(() => card.getByLabel("Sales boleh menandai mobil terjual").isChecked(), POLL)
      .toBe(true);
    expect(await card.getByLabel("Sales boleh menurunkan harga paling banyak (%)").inputValue()).toBe("5");
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, "dashboard-settings-sales-limits-390");
    await page.close();
  });
});
