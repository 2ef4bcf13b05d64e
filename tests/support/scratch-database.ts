// Empty databases of their own, for tests that migrate or rotate a whole database without touching
// the shared test database (other files run beside them). Needs the embedded cluster's superuser.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDatabaseIfMissing } from "@/lib/core/db/embedded";

export interface ScratchDatabase {
  name: string;
  /** Owner connection (migrations). */
  adminUrl: string;
  /** App role connection, as the app connects. */
  appUrl: string;
  /** Superuser connection: sets up rows past row-level security. */
  superUrl: string;
}

const created: string[] = [];

function superuserUrl(): string {
  const url = process.env.TEST_SUPERUSER_URL;
  if (!url) throw new Error("TEST_SUPERUSER_URL is not set (the embedded test cluster provides it)");
  return url;
}

function inDatabase(url: string | undefined, name: string): string {
  const parsed = new URL(url ?? "");
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** A new, empty database owned by the owner role. */
export async function scratchDatabase(prefix: string): Promise<ScratchDatabase> {
  const superUrl = superuserUrl();
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const client = new pg.Client({ connectionString: superUrl });
  await client.connect();
  await createDatabaseIfMissing(client, name);
  await client.end();
  created.push(name);
  return {
    name,
    adminUrl: inDatabase(process.env.DATABASE_ADMIN_URL, name),
    appUrl: inDatabase(process.env.DATABASE_URL, name),
    superUrl: inDatabase(superUrl, name),
  };
}

export async function dropScratchDatabases(): Promise<void> {
  if (!process.env.TEST_SUPERUSER_URL || created.length === 0) return;
  const client = new pg.Client({ connectionString: superuserUrl() });
  await client.connect();
  for (const name of created.splice(0)) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.end();
}
