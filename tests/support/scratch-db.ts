// Empty databases on the embedded test cluster, for tests that need a database of their own (the
// migration runner's, a production start's); each is dropped by dropScratchDatabases().
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDatabaseIfMissing } from "@/lib/core/db/embedded";

/** The embedded cluster's superuser; unset when the tests run on DATABASE_URL (then skip). */
export const superUrl = process.env.TEST_SUPERUSER_URL;
const created: string[] = [];

function onDatabase(url: string | undefined, name: string): string {
  const parsed = new URL(url ?? "");
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** A new, empty database, reached as the owner role (adminUrl) and as the app role (appUrl). */
export async function scratchDatabase(prefix: string): Promise<{ adminUrl: string; appUrl: string }> {
  if (!superUrl) throw new Error("TEST_SUPERUSER_URL is not set (the embedded test cluster provides it)");
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const client = new pg.Client({ connectionString: superUrl });
  await client.connect();
  await createDatabaseIfMissing(client, name);
  await client.end();
  created.push(name);
  return {
    adminUrl: onDatabase(process.env.DATABASE_ADMIN_URL, name),
    appUrl: onDatabase(process.env.DATABASE_URL, name),
  };
}

export async function dropScratchDatabases(): Promise<void> {
  if (!superUrl) return;
  const client = new pg.Client({ connectionString: superUrl });
  await client.connect();
  for (const name of created.splice(0)) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.end();
}
