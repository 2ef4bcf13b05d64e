// A demo showroom member signing in at /login in the browser, as every dashboard e2e test starts.
import type { Page } from "playwright-core";
import { DEMO_PASSWORD } from "@/lib/seed/demo";
import { baseUrl } from "./browser";

export async function signInStaff(page: Page, email: string): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForURL(`${baseUrl()}/dashboard`);
}
