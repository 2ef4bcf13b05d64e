// temporary debugging script (deleted before hand-off)
import pg from "pg";
import { parseEnv } from "@/lib/env";
import { prepareDatabase } from "@/lib/db/bootstrap";
async function main() {
  delete process.env.DATABASE_URL; delete process.env.DATABASE_ADMIN_URL;
  const env = parseEnv(process.env);
  const db = await prepareDatabase({ env, log: console.log, cluster: "bench-postgres", port: env.EMBEDDED_PG_PORT + 2, database: "autolumiku_bench" });
  const app = new pg.Client({ connectionString: db.appUrl }); await app.connect();
  const t = (await app.query("SELECT 1")).rows;
  const su = new URL(db.superUrl!); su.pathname = "/autolumiku_bench";
  const s = new pg.Client({ connectionString: su.toString() }); await s.connect();
  const tenant = (await s.query("SELECT id FROM tenants WHERE slug='bench-0500'")).rows[0].id;
  await app.query("BEGIN"); await app.query("SELECT set_config('app.tenant_id', $1, true)", [tenant]);
  for (const sql of process.argv.slice(2)) {
    const r = await app.query("EXPLAIN (ANALYZE, BUFFERS) " + sql);
    console.log(r.rows.map((x) => x["QUERY PLAN"]).join("\n")); console.log("----");
  }
  await app.query("COMMIT");
  const pol = await s.query("SELECT policyname, qual FROM pg_policies WHERE tablename='vehicles'"); console.log(pol.rows);
  await app.end(); await s.end(); await db.stop();
}
main();
