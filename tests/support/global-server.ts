// Vitest global setup for end-to-end tests: the demo data in the test database, a production
// build (rebuilt only when sources changed), and `next start` on a spare port.
import type { ChildProcess } from "node:child_process";
import { disconnectDb } from "@/lib/core/db/client";
import { ensurePlatformGateKey } from "@/lib/core/db/platform-grant";
import { seedDemoIfEmpty } from "@/lib/seed/demo";
import { buildIfNeeded, startNext, stopChild, waitForHttp } from "../../scripts/lib/next-server";
import { ensureOfflineWhatsApp } from "../../scripts/lib/secrets";
import { TEST_QUEUES } from "./queue";

let server: ChildProcess | undefined;
// Installed by the global database setup with the other test queues (tests/support/queue.ts).
const E2E_QUEUE_SCHEMA = TEST_QUEUES.e2e;

export async function setup(): Promise<void> {
  const port = Number(process.env.E2E_PORT ?? 3217);
  const base = `http://127.0.0.1:${port}`;
  process.env.AUTH_SECRET = "e2e-secret-e2e-secret-e2e-secret-0123456789";
  process.env.NEXTAUTH_SECRET = process.env.AUTH_SECRET;
  process.env.NEXTAUTH_URL = base;
  process.env.APP_URL = base;
  process.env.E2E_BASE_URL = base;
  process.env.INTERNAL_URL = base;
  // The server checks custom domains' TXT records against the fake DNS the e2e tests start on
  // this port (tests/fakes/dns.ts), never against the internet.
  process.env.E2E_DNS_PORT ??= String(port + 20_000);
  process.env.DNS_SERVERS = `127.0.0.1:${process.env.E2E_DNS_PORT}`;
  // The demo's offline WhatsApp (simulator and Graph stand-in) exactly as `npm start` sets it up.
  process.env.ENCRYPTION_KEY ??= "e2e-encryption-key-e2e-encryption-key-0123";
  await ensureOfflineWhatsApp({ dataDir: process.env.DATA_DIR ?? ".data", selfUrl: base });
  // The e2e server signs platform access with its own AUTH_SECRET: the database needs that key too.
  await ensurePlatformGateKey({
    adminUrl: process.env.DATABASE_ADMIN_URL ?? "",
    authSecret: process.env.AUTH_SECRET,
  });
  await seedDemoIfEmpty();
  // The e2e server's queue workers get their own queue, so they never take the integration
  // tests' jobs (both projects share one database and run at the same time).
  await disconnectDb();
  await buildIfNeeded((line) => console.log(`[e2e] ${line}`));
  server = startNext({
    mode: "start",
    port,
    env: { ...process.env, NODE_ENV: "production", QUEUE_SCHEMA: E2E_QUEUE_SCHEMA },
    quiet: true,
  });
  let output = "";
  server.stdout?.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  server.stderr?.on("data", (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
    // The server's background work (queue, WhatsApp, assistant) reports problems on stderr: shown,
    // so a failing e2e test in CI says why.
    for (const line of chunk.toString().split("\n"))
      if (/\[(queue|whatsapp|assistant)\]|Error/.test(line))
        console.error(`[e2e server] ${line.slice(0, 300)}`);
  });
  try {
    await waitForHttp(`${base}/login`, 60_000);
  } catch (error) {
    throw new Error(`next start did not come up: ${String(error)}\n${output}`);
  }
}

export async function teardown(): Promise<void> {
  if (server) await stopChild(server);
}
