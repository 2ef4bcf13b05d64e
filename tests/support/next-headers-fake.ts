// next/headers as an integration test sees it: the request's headers and cookies from
// tests/support/framework.ts. Used for ESM importers (vi.mock) and for CommonJS ones such as
// next-auth's route handler (require.cache), both in tests/support/setup-integration.ts.
import * as framework from "./framework";

// The session cookie is the signed-in session (framework.sessionToken), not one of the jar's.
const SESSION_COOKIE = "next-auth.session-token";

export const nextHeadersFake = {
  headers: async () => framework.requestHeaders(),
  cookies: async () => {
    const session = await framework.sessionToken();
    const jar = framework.cookieJar();
    return {
      get: (name: string) => {
        const value = name === SESSION_COOKIE ? (session ?? undefined) : jar.get(name);
        return value === undefined ? undefined : { name, value };
      },
      getAll: () => [
        ...[...jar].map(([name, value]) => ({ name, value })),
        ...(session ? [{ name: SESSION_COOKIE, value: session }] : []),
      ],
      set: (name: string, value: string) =>
        name === SESSION_COOKIE ? framework.setSessionToken(value) : void jar.set(name, value),
      delete: (name: string) =>
        name === SESSION_COOKIE ? framework.setSessionToken(null) : void jar.delete(name),
    };
  },
};
