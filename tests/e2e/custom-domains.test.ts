// Custom domains in a real browser at phone size, against the running server and a fake DNS it
// queries (tests/fakes/dns.ts): an owner cannot claim a platform name or a punycode look-alike; a
// domain claimed without its TXT record (another business's, say) serves no catalog for a Host
// header naming it, and the owner is told why; the record proves the domain, which then serves the
// catalog, and the platform console shows its status.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/core/db/client";
import { MESSAGES } from "@/lib/core/i18n/messages";
import { findTenantIdBySlug } from "@/lib/tenancy/tenants";
import { type FakeDns, startFakeDns } from "../fakes/dns";
import { baseUrl, launchBrowser, phonePage, screenshot } from "../support/browser";
import { getWithHost } from "../support/host-request";
import { signIn, signInAsNewSuperAdmin } from "../support/sign-in";

const POLL = { timeout: 30_000 };
const t = MESSAGES.id;

let browser: Browser;
let dns: FakeDns;
let borneo: string;

beforeAll(async () => {
  browser = await launchBrowser();
  dns = await startFakeDns(Number(process.env.E2E_DNS_PORT));
  borneo = (await db().$transaction((tx) => findTenantIdBySlug(tx, "borneo-auto")))?.id ?? "";
});
afterAll(async () => {
  await browser?.close();
  await dns?.close();
  await disconnectDb();
});

async function claim(page: Page, domain: string): Promise<void> {
  await page.getByLabel("Nama domain").fill(domain);
  await page.getByRole("button", { name: "Tambah domain" }).click();
}

const row = (page: Page, domain: string) =>
  page.locator(`[data-testid="domain-row"][data-domain="${domain}"]`);
const hostPort = () => new URL(baseUrl()).port;

describe("custom domains at 390 px", () => {
  it("refuses platform names and look-alikes, serves nothing for an unproven domain, and serves it once the TXT record proves it", async () => {
    const page = await phonePage(browser);
    await signIn(page, "/login", "owner@borneo.demo");
    await page.waitForURL(`${baseUrl()}/dashboard`, POLL);
    await page.goto(`${baseUrl()}/dashboard/settings`);

    // The platform's own names and a punycode look-alike of the platform are refused on the spot.
    await claim(page, "mobilindo-jaya.localhost");
    await expect.poll(() => page.getByText(t["domains.error.platform"]).count(), POLL).toBe(1);
    await claim(page, "xn--utolumiku-0jh.com");
    await expect.poll(() => page.getByText(t["domains.error.lookalike"]).count(), POLL).toBe(1);
    await screenshot(page, "settings-domain-refused-390");
    expect(await page.getByTestId("domain-row").count()).toBe(0);

    // Another business's real domain, claimed without its TXT record.
    const domain = `suryamotor-${Date.now().toString(36)}.co.id`;
    await claim(page, domain);
    await expect.poll(() => row(page, domain).count(), POLL).toBe(1);
    const status = () => row(page, domain).getByTestId("domain-status").getAttribute("data-status");
    expect(await status()).toBe("pending");
    const recordName = (await row(page, domain).getByTestId("record-name").textContent())?.trim() ?? "";
    const recordValue = (await row(page, domain).getByTestId("record-value").textContent())?.trim() ?? "";
    expect(recordName).toBe(`_autolumiku.${domain}`);
    expect(recordValue).toMatch(/^autolumiku-verification=[0-9a-f]{32}$/);
    await screenshot(page, "settings-domain-pending-390");

    const unproven = await getWithHost(`${domain}:${hostPort()}`, "/");
    expect(unproven.status).toBe(404);
    expect(unproven.body).not.toContain("Borneo Auto");
    expect((await getWithHost(`${domain}:${hostPort()}`, "/vehicles")).body).not.toContain("Borneo Auto");

    // Verify without the record: the check runs in the server's worker and says why it failed.
    await row(page, domain).getByRole("button", { name: "Verifikasi" }).click();
    const noRecord = t["domains.problem.no_record"].replace("{name}", recordName);
    await expect
      .poll(() => row(page, domain).getByTestId("domain-details").textContent(), POLL)
      .toContain(noRecord);
    expect(await status()).toBe("pending");
    await screenshot(page, "settings-domain-no-record-390");
    expect((await getWithHost(`${domain}:${hostPort()}`, "/")).status).toBe(404);

    // The owner adds the record at their DNS provider and asks again.
    dns.setTxt(recordName, [recordValue]);
    await row(page, domain).getByRole("button", { name: "Verifikasi" }).click();
    await expect.poll(status, POLL).toBe("verified");
    await screenshot(page, "settings-domain-verified-390");
    await expect
      .poll(async () => {
        const served = await getWithHost(`${domain}:${hostPort()}`, "/");
        return served.status === 200 && served.body.includes("Borneo Auto Gallery");
      }, POLL)
      .toBe(true);

    // The platform console shows the same status.
    const admin = await phonePage(browser);
    await signInAsNewSuperAdmin(admin);
    await admin.goto(`${baseUrl()}/admin/showrooms/${borneo}`);
    const consoleRow = admin.getByTestId("console-domains").locator(`[data-domain="${domain}"]`);
    expect(await consoleRow.getByTestId("domain-status").getAttribute("data-status")).toBe("verified");
    await screenshot(admin, "admin-showroom-domains-390");
    await admin.close();

    // Removed: it stops serving at once.
    await row(page, domain).getByRole("button", { name: "Hapus" }).click();
    await expect.poll(() => row(page, domain).count(), POLL).toBe(0);
    await expect.poll(async () => (await getWithHost(`${domain}:${hostPort()}`, "/")).status, POLL).toBe(404);
    await page.close();
  });
});
