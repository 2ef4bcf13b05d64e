// Applies prisma/migrations/*/migration.sql in order, as the owner role, under an advisory lock,
// recording each in a Prisma-compatible _prisma_migrations table with its sha256 checksum.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

const LOCK_KEY = 72_736_115; // any constant shared by every runner of this project

export interface MigrateOptions {
  /** Owner connection string (runs the DDL). */
  adminUrl: string;
  /** The app role to grant table privileges to after migrating; taken from DATABASE_URL when omitted. */
  appRole?: string;
  migrationsDir?: string;
  log?: (line: string) => void;
}

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(
  dir = path.join(process.cwd(), "prisma", "migrations"),
): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export class MigrationError extends Error {
  name = "MigrationError";
}

export async function migrate(options: MigrateOptions): Promise<{ applied: string[] }> {
  const log = options.log ?? (() => {});
  const migrations = await readMigrations(options.migrationsDir);
  const client = new pg.Client({ connectionString: options.adminUrl });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at`,
    );
    const done = new Map(rows.map((row) => [row.migration_name, row]));
    for (const known of rows) {
      if (!migrations.some((file) => file.name === known.migration_name)) {
        throw new MigrationError(
          `The database has migration ${known.migration_name}, which is not in prisma/migrations. Is this checkout older than the database?`,
        );
      }
    }
    for (const migration of migrations) {
      const row = done.get(migration.name);
      if (row?.finished_at) {
        if (row.checksum !== migration.checksum) {
          throw new MigrationError(
            `Migration ${migration.name} was edited after it was applied (checksum ${row.checksum.slice(0, 12)} in the database, ${migration.checksum.slice(0, 12)} on disk). Write a new migration instead.`,
          );
        }
        continue;
      }
      if (row) {
        throw new MigrationError(
          `Migration ${migration.name} started earlier and never finished; inspect the database and mark it rolled back.`,
        );
      }
      await applyOne(client, migration);
      applied.push(migration.name);
      log(`applied ${migration.name}`);
    }
    const appRole = options.appRole;
    if (appRole) await grantAppRole(client, appRole);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => {});
    await client.end();
  }
  return { applied };
}

async function applyOne(client: pg.Client, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  // The bookkeeping row and the DDL commit together: a failed migration leaves no trace but its log.
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
      [id, migration.checksum, migration.name],
    );
    await client.query(migration.sql);
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    const message = error instanceof Error ? error.message : String(error);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, rolled_back_at, logs) VALUES ($1, $2, $3, now(), now(), $4)`,
      [id, migration.checksum, migration.name, message],
    );
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${message}`);
  }
}

/**
 * Columns the app role may write but never read back; each is reached only through a narrow
 * SECURITY DEFINER function (password hashes: app_password_salt / app_password_matches).
 */
export const UNREADABLE_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  users: ["password_hash"],
};

/** The app role may read and write rows, never change the schema or the migration history. */
export async function grantAppRole(client: pg.Client, appRole: string): Promise<void> {
  const role = client.escapeIdentifier(appRole);
  await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
  await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
  await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
  await client.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${role}`);
  await client.query(`REVOKE ALL ON "_prisma_migrations" FROM ${role}`);
  // The audit trail is append-only for the application.
  await client.query(`REVOKE UPDATE, DELETE ON "audit_logs" FROM ${role}`);
  for (const [table, hidden] of Object.entries(UNREADABLE_COLUMNS))
    await hideColumns(client, role, table, hidden);
  // The platform gate's key is the owner's alone (see lib/core/db/platform-grant.ts).
  await client.query(`REVOKE ALL ON SCHEMA platform_gate FROM ${role}`);
  await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA platform_gate FROM ${role}`);
}

/**
 * A table-wide SELECT covers every column, so it is replaced by SELECT on each column but the hidden
 * ones (listed afresh each time, so columns added later are readable as usual).
 */
async function hideColumns(client: pg.Client, role: string, table: string, hidden: readonly string[]) {
  const { rows } = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = $1 AND NOT (column_name = ANY($2::text[]))
      ORDER BY ordinal_position`,
    [table, hidden],
  );
  const readable = rows.map((row) => client.escapeIdentifier(row.column_name)).join(", ");
  const name = client.escapeIdentifier(table);
  await client.query(`REVOKE SELECT ON ${name} FROM ${role}`);
  await client.query(`GRANT SELECT (${readable}) ON ${name} TO ${role}`);
}

export function roleOf(connectionString: string): string {
  const user = new URL(connectionString).username;
  if (!user)
    throw new MigrationError("DATABASE_URL names no user; the app role cannot be granted its privileges.");
  return decodeURIComponent(user);
}
