// Debian's Chromium driven by playwright-core; nothing is downloaded.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

const EXECUTABLE = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(EXECUTABLE))
    throw new Error(`Chromium not found at ${EXECUTABLE}: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: EXECUTABLE,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
      ...extraArgs,
    ],
  });
}

/** A phone-sized page (390 x 844, like an iPhone 12-15), the size most buyers and staff use. */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "id-ID",
  });
  return context.newPage();
}

export function baseUrl(): string {
  const base = process.env.E2E_BASE_URL;
  if (!base) throw new Error("E2E_BASE_URL is not set: run end-to-end tests through vitest's e2e project");
  return base;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = path.resolve("tests", "e2e", "screenshots");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Signs a showroom staff member in at /login and waits for the dashboard. */
export async function signInStaff(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForURL(`${baseUrl()}/dashboard`);
}
