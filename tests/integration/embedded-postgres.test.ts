// The embedded database recovers from what happens on real laptops: a stale postmaster.pid and a
// server orphaned by a killed `npm start`. Its data survives a restart.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { runningServerPid, startEmbeddedPostgres } from "@/lib/core/db/embedded";

const dir = path.resolve(".data", `embedded-test-${randomBytes(3).toString("hex")}`);
const port = 54400 + Math.floor(Math.random() * 500);
afterAll(() => rm(dir, { recursive: true, force: true }));

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(sql);
  await client.end();
  return rows;
}

describe("embedded PostgreSQL", () => {
  it("creates the owner and app roles, keeps data across restarts, and recovers from a stale postmaster.pid", async () => {
    const first = await startEmbeddedPostgres({ dir, port, database: "recovery" });
    await query(
      first.adminUrl,
      "CREATE TABLE IF NOT EXISTS kept (note text); INSERT INTO kept VALUES ('still here')",
    );
    expect(
      await query(first.appUrl, "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user"),
    ).toEqual([{ rolsuper: false, rolbypassrls: false }]);
    await first.stop();

    // A pid file naming a process that is long gone, as a power cut leaves behind.
    await writeFile(path.join(dir, "data", "postmaster.pid"), "999999\n/nonexistent\n");
    const second = await startEmbeddedPostgres({ dir, port, database: "recovery" });
    expect(await query(second.adminUrl, "SELECT note FROM kept")).toEqual([{ note: "still here" }]);
    await second.stop();
  });

  it("shuts down a server orphaned by a killed process and starts its own", async () => {
    // A separate process starts the server and is then killed with SIGKILL, leaving postgres running.
    const script = `import { startEmbeddedPostgres } from "@/lib/core/db/embedded";
await startEmbeddedPostgres({ dir: ${JSON.stringify(dir)}, port: ${port}, database: "recovery" });
console.log("up");
setInterval(() => {}, 1000);`;
    const file = path.resolve(".data", `orphan-${randomBytes(3).toString("hex")}.ts`);
    await writeFile(file, script);
    // node --import tsx: one process, so SIGKILL kills the very process that started the server.
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", file], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("up") && resolve());
      child.on("exit", (code) => reject(new Error(`child exited with ${code}`)));
    });
    child.kill("SIGKILL");
    await rm(file, { force: true });
    const orphan = await runningServerPid(path.join(dir, "data"));
    expect(orphan).not.toBeNull();

    const again = await startEmbeddedPostgres({ dir, port, database: "recovery" });
    expect(await runningServerPid(path.join(dir, "data"))).not.toBe(orphan);
    expect(await query(again.adminUrl, "SELECT note FROM kept")).toEqual([{ note: "still here" }]);
    await again.stop();
    expect(existsSync(path.join(dir, "data", "postmaster.pid"))).toBe(false);
  });
});
