// The WhatsApp tab at phone size, against the app's own offline Graph API stand-in (as on
// `npm start`): an owner sees the webhook to paste into Meta, is told plainly when a token is
// refused, fills in a demo number, connects the showroom's number, checks it again, and sends a
// test message that reaches "read". The showroom ends connected to a new demo number.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, phonePage, screenshot } from "../support/browser";
import { signInStaff } from "../support/staff-sign-in";

const POLL = { timeout: 60_000, interval: 500 };
// Surya Motor Bandung's demo number (lib/seed/demo-data.ts).
const SURYA_NUMBER_ID = "109900000000002";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("the WhatsApp tab at phone size", () => {
  it("refuses a bad token, connects a number, checks it and sends a test message that is read", async () => {
    const page = await phonePage(browser);
    page.on("dialog", (dialog) => void dialog.accept());
    await signInStaff(page, "owner@surya.demo");
    await page.goto(`${baseUrl()}/dashboard/settings`);
    await page.getByRole("link", { name: "WhatsApp", exact: true }).click();
    await page.waitForURL(`${baseUrl()}/dashboard/settings/whatsapp`);

    expect(await page.getByTestId("webhook-url").textContent()).toBe(`${baseUrl()}/api/webhooks/whatsapp`);
    expect(await page.getByTestId("verify-token").count()).toBe(1);
    // Start from no number (the demo seed may have connected one).
    if ((await page.getByTestId("phone-number-id").count()) > 0) {
      await page.getByRole("button", { name: "Putuskan nomor" }).click();
      await expect.poll(() => page.getByTestId("whatsapp-not-connected").count(), POLL).toBe(1);
    }

    // A token the stand-in (like Meta) refuses: said plainly, nothing saved.
    await page.getByLabel("ID nomor telepon (Phone number ID)").fill(SURYA_NUMBER_ID);
    await page.getByLabel("Token akses permanen").fill("EAAG-not-a-valid-token");
    await page.getByRole("button", { name: "Periksa dan hubungkan" }).click();
    await expect.poll(() => page.getByTestId("whatsapp-error").textContent(), POLL).toContain("error 190");
    expect(await page.getByTestId("whatsapp-not-connected").count()).toBe(1);

    // Offline, "fill in a demo number" gives a number id and token the stand-in accepts.
    await page.getByRole("button", { name: "Isi nomor demo" }).click();
    const idField = page.getByLabel("ID nomor telepon (Phone number ID)");
    // The token field changes last of all from what was typed before (the refused token).
    await expect.poll(() => page.getByLabel("Token akses permanen").inputValue(), POLL).toMatch(/^SIM-/);
    const demoId = await idField.inputValue();
    expect(demoId).toMatch(/^1099\d{11}$/);
    expect(demoId).not.toBe(SURYA_NUMBER_ID);
    await page.getByRole("button", { name: "Periksa dan hubungkan" }).click();
    await expect
      .poll(() => page.getByTestId("whatsapp-notice").textContent(), POLL)
      .toContain(`Terhubung: +62 811-0000-${demoId.slice(-4)} (Nomor Demo ${demoId.slice(-4)})`);
    expect(await page.getByTestId("phone-number-id").textContent()).toBe(demoId);
    expect(await page.getByTestId("token-masked").textContent()).toMatch(/^••••/);
    expect(await page.getByTestId("token-state").getAttribute("data-state")).toBe("ok");
    // Now the number is the showroom's: "check now" gets the showroom's details from the stand-in.
    await page.getByRole("button", { name: "Periksa sekarang" }).click();
    await expect
      .poll(() => page.getByTestId("verified-name").textContent(), POLL)
      .toBe("Surya Motor Bandung");
    expect(await page.getByTestId("display-number").textContent()).toBe("+6282222000001");

    await page.getByLabel("Nomor tujuan").fill("0812 7777 0001");
    await page.getByRole("button", { name: "Kirim pesan uji" }).click();
    await expect.poll(() => page.getByTestId("test-status").getAttribute("data-status"), POLL).toBe("read");
    // The stand-in's status webhooks were heard: health says so on the next look.
    await page.reload();
    await expect.poll(() => page.getByTestId("last-webhook").textContent(), POLL).not.toBe("Belum pernah");
    await screenshot(page, "whatsapp-connect-390");
    await page.close();
  }, 180_000);
});
