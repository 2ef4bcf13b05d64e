import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";

// "server-only" throws outside a react-server bundle; tests run lib/ on the server side only.
const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "tests/integration/platform/**"],
          environment: "node",
          globalSetup: ["tests/support/global-db.ts"],
          setupFiles: ["tests/support/setup-integration.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // Platform-wide settings (the WhatsApp app secret, the AI key) take effect for every
          // showroom at once: tests that save them run alone, after the other integration tests
          // and before the e2e server, and restore what they changed.
          name: "platform",
          include: ["tests/integration/platform/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/global-db.ts"],
          setupFiles: ["tests/support/setup-integration.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/global-db.ts", "tests/support/global-server.ts"],
          testTimeout: 60_000,
          hookTimeout: 600_000,
          // One browser at a time: the machines have two cores and the server needs one.
          fileParallelism: false,
          // After the unit and integration suites, not beside them: they share the test database
          // and the two cores, and the e2e server's queue workers must not compete with them.
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
