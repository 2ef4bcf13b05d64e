// Abuse limits as people see them at phone size: the lead form's honeypot stays out of sight and
// out of the tab order (its label tells screen-reader users to leave it empty), and a guessing
// sign-in is told, in Indonesian, how long to wait.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, phonePage, screenshot } from "../support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("abuse limits at phone size", () => {
  it("keeps the lead form's honeypot away from people, with a label that says to leave it empty", async () => {
    const page = await phonePage(browser);
    await page.goto(`${baseUrl()}/mobilindo-jaya/vehicles`);
    await page.locator("ul li a").first().click();
    await page.waitForURL(/\/mobilindo-jaya\/vehicles\/[a-z0-9-]+$/);
    const honeypot = page.getByLabel("Jangan isi kolom ini (pemeriksaan spam)");
    expect(await honeypot.getAttribute("tabindex")).toBe("-1");
    expect(await honeypot.inputValue()).toBe("");
    const box = await honeypot.boundingBox();
    // Rendered (some bots skip display:none) but far left of the screen.
    expect(box && box.x + box.width).toBeLessThan(0);
    // Tab from the phone field goes to the message, never through the honeypot.
    await page.getByLabel("Nomor HP / WhatsApp").focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("message");
    await page.getByTestId("lead-honeypot").scrollIntoViewIfNeeded();
    await screenshot(page, "catalog-lead-form-390");
    await page.close();
  });

  it("tells someone guessing a password how long to wait, in Indonesian", async () => {
    const page = await phonePage(browser);
    await page.goto(`${baseUrl()}/login`);
    const email = `penebak-${Date.now()}@example.test`;
    let message = "";
    // Five guesses go through; then each further one waits twice as long (1 s, 2 s, 4 s, ...).
    for (let attempt = 0; attempt < 10 && !message.startsWith("Terlalu banyak"); attempt += 1) {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Kata sandi").fill(`tebakan-${attempt}`);
      await page.getByRole("button", { name: "Masuk" }).click();
      await expect.poll(() => page.getByRole("button", { name: "Masuk" }).isEnabled()).toBe(true);
      message = (await page.getByTestId("form-error").textContent()) ?? "";
    }
    expect(message).toMatch(/^Terlalu banyak percobaan masuk\. Coba lagi dalam \d+ detik\.$/);
    await screenshot(page, "login-rate-limited-390");
    await page.close();
  });
});
