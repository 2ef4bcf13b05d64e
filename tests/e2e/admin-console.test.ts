// The acceptance test at phone size: the demo super admin signs in, enrols two-factor,
// creates a showroom whose owner can sign in, suspends it (catalog unavailable, owner refused),
// reactivates it; a showroom owner reaches neither the console nor its APIs.
import { describe, expect, it } from "vitest";
import { totpCode } from "@/lib/auth/totp";
import { baseUrl, phonePage, screenshot } from "../support/browser";
import { browserForFile, submitSignIn } from "./support/session";

const browser = browserForFile();

const POLL = { timeout: 20_000 };

describe("platform console at 390 px", () => {
  it("enrols 2FA, creates, suspends and reactivates a showroom", async () => {
    const admin = await phonePage(browser());
    await submitSignIn(admin, "admin@autolumiku.demo", { path: "/admin/login" });
    await admin.waitForURL(`${baseUrl()}/admin/two-factor`, POLL);
    // Nothing under /admin works before the second factor.
    await admin.goto(`${baseUrl()}/admin/users`);
    await admin.waitForURL(`${baseUrl()}/admin/two-factor`, POLL);
    const secret = (await admin.getByTestId("totp-secret").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await admin.locator("[data-testid=totp-qr] svg").count()).toBe(1);
    await screenshot(admin, "admin-2fa-enrol-390");
    await admin.getByLabel("Kode", { exact: true }).fill(totpCode(secret));
    await admin.getByRole("button", { name: "Verifikasi" }).click();
    await expect.poll(() => admin.getByTestId("recovery-codes").locator("li").count(), POLL).toBe(10);
    await screenshot(admin, "admin-2fa-recovery-390");
    await admin.getByRole("button", { name: "Lanjut ke konsol" }).click();
    await admin.waitForURL(`${baseUrl()}/admin`, POLL);
    expect(await admin.getByText("Mobilindo Jaya").count()).toBeGreaterThan(0);

    const slug = `e2e-${Date.now().toString(36)}`;
    const ownerEmail = `${slug}@example.test`;
    await admin.getByLabel("Nama showroom", { exact: true }).fill("Mobil E2E Sejahtera");
    await admin.getByLabel("Slug (alamat katalog)", { exact: true }).fill(slug);
    await admin.getByLabel("Kota", { exact: true }).fill("Surabaya");
    await admin.getByLabel("Nama pemilik", { exact: true }).fill("Bu Sejahtera");
    await admin.getByLabel("Email pemilik", { exact: true }).fill(ownerEmail);
    await admin.getByRole("button", { name: "Buat showroom" }).click();
    await expect.poll(() => admin.getByTestId("welcome-message").textContent(), POLL).toContain(ownerEmail);
    const welcome = (await admin.getByTestId("welcome-message").textContent()) ?? "";
    const password = /Kata sandi sementara: (\S+)/.exec(welcome)?.[1] ?? "";
    expect(password).toHaveLength(12);
    await screenshot(admin, "admin-showrooms-390");

    const owner = await phonePage(browser());
    await submitSignIn(owner, ownerEmail, { password });
    // A new owner must choose their own password first.
    await owner.waitForURL(`${baseUrl()}/account/password`, POLL);
    await screenshot(owner, "account-password-390");
    await owner.getByLabel("Kata sandi saat ini").fill(password);
    await owner.getByLabel("Kata sandi baru (min. 8 karakter)").fill("sandi-baru-123");
    await owner.getByLabel("Ulangi kata sandi baru").fill("sandi-baru-123");
    await owner.getByRole("button", { name: "Simpan kata sandi" }).click();
    await owner.waitForURL(`${baseUrl()}/dashboard`, POLL);
    await owner.context().clearCookies();

    await admin.getByTestId(`showroom-${slug}`).getByRole("link").click();
    await admin.getByRole("button", { name: "Tangguhkan showroom" }).click();
    await expect.poll(() => admin.getByTestId("showroom-status").textContent(), POLL).toBe("Ditangguhkan");
    await screenshot(admin, "admin-showroom-suspended-390");

    const visitor = await phonePage(browser());
    await visitor.goto(`${baseUrl()}/${slug}`);
    await expect.poll(() => visitor.getByTestId("unavailable").count(), POLL).toBe(1);
    await submitSignIn(owner, ownerEmail, { password: "sandi-baru-123" });
    await expect
      .poll(() => owner.getByTestId("form-error").textContent(), POLL)
      .toContain("dinonaktifkan sementara");

    await admin.getByRole("button", { name: "Aktifkan kembali" }).click();
    await expect.poll(() => admin.getByTestId("showroom-status").textContent(), POLL).toBe("Aktif");
    await visitor.goto(`${baseUrl()}/${slug}`);
    await expect.poll(() => visitor.getByTestId("unavailable").count(), POLL).toBe(0);
    await submitSignIn(owner, ownerEmail, { password: "sandi-baru-123" });
    await owner.waitForURL(`${baseUrl()}/dashboard`, POLL);
    await Promise.all([admin.close(), owner.close(), visitor.close()]);
  });

  it("keeps a showroom owner out of /admin pages and admin APIs", async () => {
    const page = await phonePage(browser());
    await submitSignIn(page, "owner@mobilindo.demo");
    await page.waitForURL(`${baseUrl()}/dashboard`, POLL);
    await page.goto(`${baseUrl()}/admin/health`);
    await page.waitForURL(`${baseUrl()}/dashboard`, POLL);
    const response = await page.request.post(`${baseUrl()}/api/admin/showrooms`, {
      data: { name: "Hack", slug: "hack-x", ownerName: "x", ownerEmail: "x@example.test" },
    });
    expect([401, 403]).toContain(response.status());
    const exported = await page.request.get(
      `${baseUrl()}/api/admin/showrooms/00000000-0000-0000-0000-000000000000/export`,
    );
    expect([401, 403]).toContain(exported.status());
    await page.close();
  });
});
