// The project's own migration runner: applies each migration once, in order, under a lock, and
// refuses a migration that was edited after it was applied.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, readMigrations } from "@/lib/core/db/migrate";
import { dropScratchDatabases, scratchDatabase as newDatabase } from "../support/scratch-db";

/** A new, empty database owned by the owner role, and its owner connection string. */
async function scratchDatabase(): Promise<string> {
  return (await newDatabase("migrate")).adminUrl;
}

async function appliedNames(adminUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const { rows } = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  await client.end();
  return rows.map((row) => row.migration_name);
}

let migrationsCopy: string;
beforeAll(async () => {
  migrationsCopy = await mkdtemp(path.join(tmpdir(), "autolumiku-migrations-"));
  await cp(path.resolve("prisma/migrations"), migrationsCopy, { recursive: true });
});
afterAll(async () => {
  await rm(migrationsCopy, { recursive: true, force: true });
  await dropScratchDatabases();
});

describe("migration runner", () => {
  it("applies every migration once, even when two runners start at the same moment", async () => {
    const adminUrl = await scratchDatabase();
    const names = (await readMigrations()).map((migration) => migration.name);
    const [first, second] = await Promise.all([migrate({ adminUrl }), migrate({ adminUrl })]);
    expect([...first.applied, ...second.applied].sort()).toEqual(names);
    expect(await appliedNames(adminUrl)).toEqual(names);
    expect((await migrate({ adminUrl })).applied).toEqual([]);
  });

  it("refuses to continue when an applied migration was edited", async () => {
    const adminUrl = await scratchDatabase();
    await migrate({ adminUrl, migrationsDir: migrationsCopy });
    const [firstMigration] = await readMigrations(migrationsCopy);
    const file = path.join(migrationsCopy, firstMigration?.name ?? "", "migration.sql");
    await writeFile(file, `${await readFile(file, "utf8")}\n-- an innocent-looking edit\n`);
    await expect(migrate({ adminUrl, migrationsDir: migrationsCopy })).rejects.toThrow(
      /was edited after it was applied/,
    );
  });

  it("rolls a failing migration back completely and applies it once it is fixed", async () => {
    const adminUrl = await scratchDatabase();
    const dir = await mkdtemp(path.join(tmpdir(), "autolumiku-broken-"));
    await cp(path.resolve("prisma/migrations"), dir, { recursive: true });
    const brokenDir = path.join(dir, "29990101000000_broken");
    await cp(path.join(dir, (await readMigrations(dir))[0]?.name ?? ""), brokenDir, { recursive: true });
    await writeFile(
      path.join(brokenDir, "migration.sql"),
      "CREATE TABLE half_done (id int);\nSELECT no_such_function();\n",
    );
    await expect(migrate({ adminUrl, migrationsDir: dir })).rejects.toThrow(
      /29990101000000_broken failed and was rolled back/,
    );
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    const { rowCount } = await client.query("SELECT 1 FROM pg_tables WHERE tablename = 'half_done'");
    await client.end();
    expect(rowCount).toBe(0);
    await writeFile(path.join(brokenDir, "migration.sql"), "CREATE TABLE half_done (id int);\n");
    expect((await migrate({ adminUrl, migrationsDir: dir })).applied).toEqual(["29990101000000_broken"]);
    await rm(dir, { recursive: true, force: true });
  });
});
