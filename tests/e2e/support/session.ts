// What every end-to-end file starts with: one Chromium for its tests, and signing in the way a
// person does (the form, not a forged cookie).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { DEMO_PASSWORD } from "@/lib/seed/demo";
import { baseUrl, launchBrowser } from "../../support/browser";

/** Launches Chromium before the file's tests and closes it after them; call at the file's top level. */
export function browserForFile(extraArgs: string[] = []): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser(extraArgs);
  });
  afterAll(() => browser?.close());
  return () => {
    if (!browser) throw new Error("the browser starts in beforeAll: use it inside a test");
    return browser;
  };
}

/** Fills in and submits a sign-in form (the showroom one unless told); the caller checks where it leads. */
export async function submitSignIn(
  page: Page,
  email: string,
  options: { path?: string; password?: string } = {},
): Promise<void> {
  await page.goto(`${baseUrl()}${options.path ?? "/login"}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(options.password ?? DEMO_PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
}

/** Signs a showroom user in and waits for the dashboard. */
export async function signInToDashboard(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await submitSignIn(page, email, { password });
  await page.waitForURL(`${baseUrl()}/dashboard`);
}
