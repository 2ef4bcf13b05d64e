// The dashboard's bell in a real browser at phone size: a notification that arrives while the page
// is open raises the unread count without a reload (the bell polls) and shows a toast; the list
// marks everything read and the bell follows at once; the settings page offers the channels.
import { randomBytes } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "@/lib/audit/record";
import { createUser } from "@/lib/auth/users";
import { db } from "@/lib/core/db/client";
import { withTenant } from "@/lib/core/db/tenant";
import { writeNotifications } from "@/lib/notifications/write";
import { findTenantIdBySlug } from "@/lib/tenancy/tenants";
import { baseUrl, launchBrowser, phonePage, screenshot, signInStaff } from "../support/browser";

const PASSWORD = "lonceng-rahasia-123";
let browser: Browser;
let tenantId = "";
let user: { id: string; email: string };

beforeAll(async () => {
  browser = await launchBrowser();
  tenantId = (await db().$transaction((tx) => findTenantIdBySlug(tx, "mobilindo-jaya")))?.id ?? "";
  // A salesperson of their own, so other tests' leads and notifications do not move the count.
  const created = await createUser(
    {
      email: `bell-${randomBytes(4).toString("hex")}@mobilindo.demo`,
      password: PASSWORD,
      name: "Sales Lonceng",
      role: "sales",
      tenantId,
    },
    systemActor("test"),
  );
  user = { id: created.id, email: created.email };
  // Out of the round-robin: leads other tests create go to the demo's salespeople.
  await withTenant(tenantId, (tx) =>
    tx.user.update({ where: { id: user.id }, data: { lastAssignedAt: new Date("2999-01-01") } }),
  );
});
afterAll(async () => {
  await withTenant(tenantId, (tx) => tx.user.update({ where: { id: user.id }, data: { isActive: false } }));
  await browser?.close();
});

const notify = (title: string) =>
  withTenant(tenantId, (tx) =>
    writeNotifications(tx, [user.id], {
      tenantId,
      kind: "conversation.handoff",
      title,
      body: "Mobil: Toyota Avanza 1.5 G 2019",
      link: "/dashboard/inbox",
      dedupeKey: `e2e:${title}`,
    }),
  );

describe("the notification bell at phone size", () => {
  it("counts a new notification without a reload, toasts it, and clears when all are read", async () => {
    const page = await phonePage(browser);
    await signInStaff(page, user.email, PASSWORD);
    const bell = page.getByTestId("notification-bell");
    const count = page.getByTestId("notification-count");
    // The bell has had its first answer: what arrives from now on is news.
    await expect
      .poll(() => bell.getAttribute("data-loaded"), { timeout: 30_000, interval: 250 })
      .toBe("true");
    expect(await count.getAttribute("data-count")).toBe("0");
    expect(await bell.getAttribute("aria-label")).toBe("Notifikasi");

    await notify("Pembeli menunggu balasan Anda: Budi (+6281299990001)");
    // The bell polls every 20 s; no navigation happens meanwhile.
    const url = page.url();
    await expect.poll(() => count.getAttribute("data-count"), { timeout: 30_000, interval: 500 }).toBe("1");
    expect(page.url()).toBe(url);
    expect(await count.isVisible()).toBe(true);
    expect(await bell.getAttribute("aria-label")).toBe("Notifikasi, 1 belum dibaca");
    await expect
      .poll(() => page.getByText("Pembeli menunggu balasan Anda: Budi (+6281299990001)").count())
      .toBeGreaterThan(0);
    await screenshot(page, "notification-bell-390");

    await bell.click();
    await page.waitForURL(`${baseUrl()}/dashboard/notifications`);
    await expect.poll(() => page.getByTestId("notification").count()).toBe(1);
    expect(await page.getByTestId("notification").getAttribute("data-read")).toBe("false");
    await screenshot(page, "notifications-list-390");
    await page.getByRole("button", { name: "Tandai semua dibaca" }).click();
    await expect.poll(() => page.getByTestId("notification").getAttribute("data-read")).toBe("true");
    await expect.poll(() => count.getAttribute("data-count")).toBe("0");
    expect(await count.isVisible()).toBe(false);

    await page.goto(`${baseUrl()}/dashboard/notifications/settings`);
    await expect.poll(() => page.getByTestId("notification-type").count()).toBe(4);
    expect(await page.getByLabel(/Email/).first().isDisabled()).toBe(true);
    await screenshot(page, "notification-settings-390");
    await page.close();
  }, 120_000);
});
