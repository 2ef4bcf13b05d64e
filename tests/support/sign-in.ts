// Signing in through the real pages, for e2e tests: a showroom's staff, and a fresh super admin
// who enrols the second factor on the way in.
import type { Page } from "playwright-core";
import { totpCode } from "@/lib/auth/totp";
import { DEMO_PASSWORD } from "@/lib/seed/demo";
import { baseUrl } from "./browser";
import { makeUser } from "./factories";

const POLL = { timeout: 20_000 };

export async function signIn(page: Page, loginPath: string, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl()}${loginPath}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
}

/** A new super admin, signed in with two-factor enrolled, on the console. */
export async function signInAsNewSuperAdmin(page: Page): Promise<void> {
  const admin = await makeUser({ role: "super_admin" });
  await signIn(page, "/admin/login", admin.email, admin.password);
  await page.waitForURL(`${baseUrl()}/admin/two-factor`, POLL);
  const secret = (await page.getByTestId("totp-secret").textContent())?.trim() ?? "";
  await page.getByLabel("Kode", { exact: true }).fill(totpCode(secret));
  await page.getByRole("button", { name: "Verifikasi" }).click();
  await page.getByRole("button", { name: "Lanjut ke konsol" }).click(POLL);
  await page.waitForURL(`${baseUrl()}/admin`, POLL);
}
