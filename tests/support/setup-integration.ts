// Setup file of the integration project (vitest.config.ts): fakes the framework's edges once for
// every test file, so no file copies these mocks and none mocks our own modules. See framework.ts.
import { beforeEach, vi } from "vitest";
import { TEST_AUTH_SECRET, TEST_ENCRYPTION_KEY } from "./test-secrets";

// Secrets the app generates on `npm start`; set before any module reads the settings.
process.env.AUTH_SECRET ??= TEST_AUTH_SECRET;
process.env.ENCRYPTION_KEY ??= TEST_ENCRYPTION_KEY;

vi.mock("next-auth", async (original) => {
  const framework = await import("./framework");
  return {
    ...(await original<typeof import("next-auth")>()),
    getServerSession: async () => framework.currentSession(),
  };
});

vi.mock("next/headers", async () => {
  const framework = await import("./framework");
  return {
    headers: async () => framework.requestHeaders(),
    cookies: async () => ({
      get: (name: string) => {
        const value = framework.cookieJar().get(name);
        return value === undefined ? undefined : { name, value };
      },
      set: (name: string, value: string) => void framework.cookieJar().set(name, value),
      delete: (name: string) => void framework.cookieJar().delete(name),
    }),
  };
});

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
