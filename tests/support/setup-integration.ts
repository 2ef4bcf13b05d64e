// Setup file of the integration project (vitest.config.ts): fakes the framework's edges once for
// every test file, so no file copies these mocks and none mocks our own modules. See framework.ts.
import { beforeEach, vi } from "vitest";

// Secrets the app generates on `npm start`; set before any module reads the settings.
process.env.AUTH_SECRET ??= "integration-secret-integration-secret-0123";
process.env.ENCRYPTION_KEY ??= "test-encryption-key-test-encryption-key";

vi.mock("next-auth", async (original) => {
  const framework = await import("./framework");
  return {
    ...(await original<typeof import("next-auth")>()),
    getServerSession: () => framework.serverSession(),
  };
});

vi.mock("next/headers", async () => {
  const framework = await import("./framework");
  // The session cookie is the signed-in session (framework.sessionToken), not one of the jar's.
  const SESSION_COOKIE = "next-auth.session-token";
  return {
    headers: async () => framework.requestHeaders(),
    cookies: async () => {
      const session = await framework.sessionToken();
      return {
        get: (name: string) => {
          const value = name === SESSION_COOKIE ? (session ?? undefined) : framework.cookieJar().get(name);
          return value === undefined ? undefined : { name, value };
        },
        set: (name: string, value: string) =>
          name === SESSION_COOKIE
            ? framework.setSessionToken(value)
            : void framework.cookieJar().set(name, value),
        delete: (name: string) =>
          name === SESSION_COOKIE ? framework.setSessionToken(null) : void framework.cookieJar().delete(name),
      };
    },
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
