// Setup file of the integration project (vitest.config.ts): fakes the framework's edges once for
// every test file, so no file copies these mocks and none mocks our own modules. See framework.ts.
import { createRequire, Module } from "node:module";
import { beforeEach, vi } from "vitest";
import { TEST_AUTH_SECRET, TEST_ENCRYPTION_KEY } from "./test-secrets";

// Secrets the app generates on `npm start`; set before any module reads the settings.
process.env.AUTH_SECRET ??= TEST_AUTH_SECRET;
process.env.ENCRYPTION_KEY ??= TEST_ENCRYPTION_KEY;

vi.mock("next-auth", async (original) => {
  const framework = await import("./framework");
  return {
    ...(await original<typeof import("next-auth")>()),
    getServerSession: () => framework.serverSession(),
  };
});

vi.mock("next/headers", async () => (await import("./next-headers-fake")).nextHeadersFake);

// next-auth's App Router handler reads next/headers with require(), which vi.mock does not reach.
const requireHere = createRequire(import.meta.url);
const nextHeadersPath = requireHere.resolve("next/headers");
const nextHeadersModule = new Module(nextHeadersPath);
nextHeadersModule.filename = nextHeadersPath;
nextHeadersModule.loaded = true;
nextHeadersModule.exports = (await import("./next-headers-fake")).nextHeadersFake;
requireHere.cache[nextHeadersPath] = nextHeadersModule;

vi.mock("next/cache", async (original) => {
  const framework = await import("./framework");
  return {
    ...(await original<typeof import("next/cache")>()),
    // Recorded instead of expired: there is no Next server here to hold a cache.
    revalidateTag: (tag: string) => framework.recordExpiredTag(tag),
    revalidatePath: () => undefined,
  };
});

beforeEach(async () => {
  (await import("./framework")).resetFramework();
});
