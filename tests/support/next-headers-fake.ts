// next/headers as an integration test sees it: the request's headers and cookies from
// tests/support/framework.ts. Used for ESM importers (vi.mock) and for CommonJS ones such as
// next-auth's route handler (require.cache), both in tests/support/setup-integration.ts.
import * as framework from "./framework";

export const nextHeadersFake = {
  headers: async () => framework.requestHeaders(),
  cookies: async () => ({
    get: (name: string) => {
      const value = framework.cookieJar().get(name);
      return value === undefined ? undefined : { name, value };
    },
    getAll: () => [...framework.cookieJar()].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string) => void framework.cookieJar().set(name, value),
    delete: (name: string) => void framework.cookieJar().delete(name),
  }),
};
