// Vitest global setup: one real PostgreSQL for the run (the embedded test cluster unless
// DATABASE_URL/DATABASE_ADMIN_URL are given), with a fresh, migrated database.
import path from "node:path";
import pg from "pg";
import { type PreparedDatabase, prepareDatabase } from "@/lib/core/db/bootstrap";
import { createDatabaseIfMissing } from "@/lib/core/db/embedded";
import { parseEnv } from "@/lib/core/env";
import { prepareTestQueues } from "./queue";
import { TEST_AUTH_SECRET } from "./test-secrets";

// Parallel runs on one machine (several engineers) each name their own cluster and database.
const TEST_DATABASE = process.env.TEST_DATABASE ?? "autolumiku_test";
const TEST_CLUSTER = process.env.TEST_CLUSTER ?? "test-postgres";

interface Shared {
  ready: Promise<PreparedDatabase>;
  users: number;
}

const holder = globalThis as { autolumikuTestDb?: Shared; autolumikuTestQueues?: Promise<void> };

async function freshDatabase(): Promise<PreparedDatabase> {
  // The migrations install the platform gate key for the AUTH_SECRET the tests sign with.
  process.env.AUTH_SECRET ??= TEST_AUTH_SECRET;
  const env = parseEnv({ ...process.env, NODE_ENV: "test" });
  if (!env.DATABASE_URL) {
    // Start the cluster, then recreate the test database before migrating it.
    const first = await prepareDatabase({
      env,
      log: () => {},
      cluster: TEST_CLUSTER,
      port: env.EMBEDDED_PG_PORT + 1,
      database: "postgres_bootstrap",
      whenRunning: "reuse",
    });
    const admin = new pg.Client({ connectionString: first.superUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEST_DATABASE} WITH (FORCE)`);
    await createDatabaseIfMissing(admin, TEST_DATABASE);
    await admin.end();
    delete process.env.DATABASE_URL;
    delete process.env.DATABASE_ADMIN_URL;
    const prepared = await prepareDatabase({
      env,
      log: () => {},
      cluster: TEST_CLUSTER,
      port: env.EMBEDDED_PG_PORT + 1,
      database: TEST_DATABASE,
      whenRunning: "reuse",
    });
    return { ...prepared, stop: first.stop };
  }
  return prepareDatabase({ env, log: () => {} });
}

export async function setup(): Promise<void> {
  holder.autolumikuTestDb ??= { ready: freshDatabase(), users: 0 };
  holder.autolumikuTestDb.users += 1;
  const prepared = await holder.autolumikuTestDb.ready;
  holder.autolumikuTestQueues ??= prepareTestQueues(prepared.adminUrl, prepared.appUrl);
  await holder.autolumikuTestQueues;
  process.env.DATABASE_URL = prepared.appUrl;
  process.env.DATABASE_ADMIN_URL = prepared.adminUrl;
  // Tests that need scratch databases (the migration runner's) use the embedded superuser.
  if (prepared.superUrl) process.env.TEST_SUPERUSER_URL = prepared.superUrl;
  process.env.DATA_DIR ??= path.resolve(".data");
}

export async function teardown(): Promise<void> {
  const shared = holder.autolumikuTestDb;
  if (!shared) return;
  shared.users -= 1;
  if (shared.users === 0) {
    const prepared = await shared.ready;
    await prepared.stop();
    holder.autolumikuTestDb = undefined;
    holder.autolumikuTestQueues = undefined;
  }
}
