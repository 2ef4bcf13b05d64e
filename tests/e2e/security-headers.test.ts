// The security headers as a browser meets them: the dashboard and the console cannot be framed and
// are sent with nosniff and a nonce-based CSP; the cached catalog and the platform pages work under
// their CSP in Chromium with nothing blocked; a foreign site's request to a cookie route is refused.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, phonePage } from "../support/browser";
import { signIn, signInAsNewSuperAdmin } from "../support/sign-in";

const POLL = { timeout: 20_000 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Everything the browser reports that a policy blocked or a script threw, on this page. */
function watchForBlocking(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => {
    const failure = request.failure()?.errorText ?? "";
    if (/BLOCKED/.test(failure)) problems.push(`${request.url()}: ${failure}`);
  });
  return problems;
}

function directives(policy: string | null): Record<string, string[]> {
  return Object.fromEntries(
    (policy ?? "")
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .map(([name = "", ...values]) => [name, values]),
  );
}

describe("security headers", () => {
  it("sends the dashboard and the console with nosniff, no framing and a per-request nonce", async () => {
    const page = await phonePage(browser);
    await signIn(page, "/login", "owner@mobilindo.demo");
    await page.waitForURL(`${baseUrl()}/dashboard`, POLL);
    const admin = await phonePage(browser);
    await signInAsNewSuperAdmin(admin);
    const anonymous = await phonePage(browser);
    const nonces = new Set<string>();
    const answers = [
      [anonymous, "/login"],
      [anonymous, "/admin/login"],
      [page, "/dashboard"],
      [page, "/dashboard/settings"],
      [admin, "/admin"],
      [admin, "/admin/health"],
    ] as const;
    for (const [client, path] of answers) {
      const response = await client.request.get(`${baseUrl()}${path}`, { maxRedirects: 0 });
      expect(response.status(), path).toBe(200);
      const headers = response.headers();
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["x-frame-options"], path).toBe("DENY");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"], path).toContain("camera=()");
      // Plain http here: no HSTS (it is sent when the request came over https).
      expect(headers["strict-transport-security"], path).toBeUndefined();
      const policy = directives(headers["content-security-policy"] ?? null);
      expect(policy["frame-ancestors"], path).toEqual(["'none'"]);
      const script = policy["script-src"] ?? [];
      expect(script, path).toContain("'strict-dynamic'");
      expect(script, path).not.toContain("'unsafe-inline'");
      for (const source of script) if (source.startsWith("'nonce-")) nonces.add(source);
    }
    expect(nonces.size).toBe(answers.length);
    // Signed out, the same paths redirect, with nothing in the answer allowed to run or be framed.
    for (const path of ["/dashboard", "/admin"]) {
      const response = await anonymous.request.get(`${baseUrl()}${path}`, { maxRedirects: 0 });
      expect(response.status(), path).toBe(307);
      expect(response.headers()["content-security-policy"]).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      expect(response.headers()["x-frame-options"]).toBe("DENY");
    }
    await Promise.all([page.close(), admin.close(), anonymous.close()]);
  });

  it("answers the API as data that may load and run nothing, and cannot be framed", async () => {
    const response = await fetch(`${baseUrl()}/api/health`);
    expect(directives(response.headers.get("content-security-policy"))).toMatchObject({
      "default-src": ["'none'"],
      "frame-ancestors": ["'none'"],
    });
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  });

  it("keeps the sign-in and dashboard pages out of another site's frame", async () => {
    const page = await phonePage(browser);
    const refusals: string[] = [];
    page.on("console", (message) => {
      if (/frame-ancestors|X-Frame-Options/i.test(message.text())) refusals.push(message.text());
    });
    await page.setContent(
      `<iframe id="login" src="${baseUrl()}/login"></iframe><iframe id="admin" src="${baseUrl()}/admin/login"></iframe>`,
    );
    await expect.poll(() => refusals.length, POLL).toBeGreaterThanOrEqual(2);
    for (const frame of page.frames().filter((frame) => frame !== page.mainFrame()))
      expect(await frame.locator("input[type=password]").count()).toBe(0);
    await page.close();
  });

  it("runs the cached catalog under its CSP in Chromium with nothing blocked", async () => {
    const page = await phonePage(browser);
    const problems = watchForBlocking(page);
    const home = await page.goto(`${baseUrl()}/mobilindo-jaya`);
    const policy = directives(home?.headers()["content-security-policy"] ?? null);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    expect(policy["object-src"]).toEqual(["'none'"]);
    expect(home?.headers()["x-content-type-options"]).toBe("nosniff");
    // Photos load (not blocked by img-src).
    await expect
      .poll(
        () =>
          page
            .locator("img")
            .evaluateAll(
              (images) =>
                images.filter(
                  (image) => image instanceof HTMLImageElement && image.complete && image.naturalWidth > 0,
                ).length,
            ),
        POLL,
      )
      .toBeGreaterThan(0);
    await page.goto(`${baseUrl()}/mobilindo-jaya/vehicles?brand=Toyota`);
    await page.locator("ul li a").first().click();
    await page.waitForURL(/\/mobilindo-jaya\/vehicles\/[a-z0-9-]+$/);
    // Scripts run: the credit calculator answers a change.
    const before = await page.getByTestId("monthly-instalment").textContent();
    await page.getByLabel("Tenor").selectOption("5");
    await expect.poll(() => page.getByTestId("monthly-instalment").textContent(), POLL).not.toBe(before);
    await page.goto(`${baseUrl()}/mobilindo-jaya/contact`);
    const port = new URL(baseUrl()).port;
    await page.goto(`http://mobilindo-jaya.localhost:${port}/`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Mobilindo Jaya");
    // A static asset carries nosniff too. Fetched from Node, which (unlike Chromium) does not
    // resolve *.localhost: the same path on the platform host is the same file.
    const script = await page.locator("script[src]").first().getAttribute("src");
    const asset = await page.request.get(`${baseUrl()}${new URL(script ?? "", page.url()).pathname}`);
    expect(asset.headers()["x-content-type-options"]).toBe("nosniff");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("runs the sign-in and dashboard pages under their nonce CSP with nothing blocked", async () => {
    const page = await phonePage(browser);
    const problems = watchForBlocking(page);
    // The sign-in form is a client component: signing in proves its scripts ran.
    await signIn(page, "/login", "owner@mobilindo.demo");
    await page.waitForURL(`${baseUrl()}/dashboard`, POLL);
    for (const path of [
      "/dashboard/vehicles",
      "/dashboard/leads",
      "/dashboard/settings",
      "/dashboard/inbox",
    ]) {
      await page.goto(`${baseUrl()}${path}`);
      await page.waitForLoadState("networkidle");
    }
    // A client-side form on the settings page still validates.
    await page.goto(`${baseUrl()}/dashboard/settings`);
    await page.getByLabel("Nama domain").fill("localhost");
    await page.getByRole("button", { name: "Tambah domain" }).click();
    await expect.poll(() => page.getByRole("alert").count(), POLL).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("refuses a foreign site's request to a cookie-authenticated route with 403", async () => {
    const page = await phonePage(browser);
    await signIn(page, "/login", "owner@mobilindo.demo");
    await page.waitForURL(`${baseUrl()}/dashboard`, POLL);
    // The signed-in browser's cookies go with these requests, as they would from a hostile page.
    const removal = await page.request.delete(`${baseUrl()}/api/dashboard/settings/branding?kind=logo`, {
      headers: { origin: "https://evil.example" },
    });
    expect(removal.status()).toBe(403);
    const upload = await page.request.post(`${baseUrl()}/api/dashboard/settings/branding`, {
      headers: { origin: "https://evil.example" },
      multipart: { kind: "logo", file: { name: "x.png", mimeType: "image/png", buffer: Buffer.from("x") } },
    });
    expect(upload.status()).toBe(403);
    const noOrigin = await page.request.post(`${baseUrl()}/api/dashboard/settings/branding`, {
      headers: { origin: "null" },
      multipart: { kind: "logo", file: { name: "x.png", mimeType: "image/png", buffer: Buffer.from("x") } },
    });
    expect(noOrigin.status()).toBe(403);
    await page.close();
  });
});
