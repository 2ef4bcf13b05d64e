// `npm run bench:catalog`: seeds 1,000 showrooms x 300 cars into a cluster of its own, then measures
// the catalog's home, search and detail pages on `next start` next to a static server sending the same
// HTML bytes, and the uncached search query next to bare SQL. Prints a summary for the README.
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, existsSync, readFileSync, type WriteStream } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { type PreparedDatabase, prepareDatabase } from "@/lib/core/db/bootstrap";
import { disconnectDb } from "@/lib/core/db/client";
import { parseEnv } from "@/lib/core/env";
import { listedSqlText } from "@/lib/inventory/listing";
import { sourceFingerprint, startNext, stopChild, waitForHttp } from "../lib/next-server";
import { fetchOnce, type LoadResult, mapLimit, runLoad } from "./load";
import { BENCH_TENANTS, benchSlug, seedBenchIfNeeded, VEHICLES_PER_TENANT } from "./seed";
import { probeFor, type SqlTimings, timeSearch } from "./sql";

const ROOT = process.cwd();
const DIST_DIR = ".next-bench";
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const BENCH_DATABASE = "autolumiku_bench";
// Fixed secrets: the bench signs nothing that outlives the run, and a fixed value keeps runs alike.
const AUTH_SECRET = "bench-auth-secret-for-catalog-benchmarks";
const ENCRYPTION_KEY = "bench-encryption-key-for-catalog-benchmarks";

const log = (line: string) => console.log(`[bench] ${line}`);

interface Options {
  duration: number;
  warmup: number;
  concurrency: number;
  port: number;
  staticPort: number;
  showrooms: number;
  sqlIterations: number;
  sqlBudget: number;
  reseed: boolean;
  rebuild: boolean;
  only: "all" | "http" | "sql";
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      duration: { type: "string", default: "10" },
      warmup: { type: "string", default: "2" },
      concurrency: { type: "string", default: "32" },
      port: { type: "string", default: "3400" },
      "static-port": { type: "string" },
      showrooms: { type: "string", default: "200" },
      "sql-iterations": { type: "string", default: "200" },
      "sql-budget": { type: "string", default: "60" },
      reseed: { type: "boolean", default: false },
      rebuild: { type: "boolean", default: false },
      only: { type: "string", default: "all" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(
      "npm run bench:catalog -- [--duration 10] [--warmup 2] [--concurrency 32] [--port 3400] [--static-port 3401]\n" +
        "                        [--showrooms 200] [--sql-iterations 200] [--sql-budget 60] [--reseed] [--rebuild] [--only all|http|sql]",
    );
    process.exit(0);
  }
  const positive = (name: string, text: string | undefined, max: number): number => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1 || value > max)
      throw new Error(`--${name} must be a whole number from 1 to ${max}`);
    return value;
  };
  const only = values.only;
  if (only !== "all" && only !== "http" && only !== "sql") throw new Error("--only must be all, http or sql");
  const port = positive("port", values.port, 65535);
  return {
    duration: positive("duration", values.duration, 3600),
    warmup: Number(values.warmup) >= 0 ? Number(values.warmup) : 2,
    concurrency: positive("concurrency", values.concurrency, 1024),
    port,
    staticPort: positive("static-port", values["static-port"] ?? String(port + 1), 65535),
    showrooms: positive("showrooms", values.showrooms, BENCH_TENANTS),
    sqlIterations: positive("sql-iterations", values["sql-iterations"], 100_000),
    sqlBudget: positive("sql-budget", values["sql-budget"], 86_400),
    reseed: values.reseed,
    rebuild: values.rebuild,
    only,
  };
}

// ---------------------------------------------------------------------------------------------
// Clean shutdown: whatever was started is stopped in reverse order on success, error and Ctrl-C.
// ---------------------------------------------------------------------------------------------
const cleanups: { name: string; run: () => Promise<void> }[] = [];
let shuttingDown = false;

function onCleanup(name: string, run: () => Promise<void>): () => void {
  const entry = { name, run };
  cleanups.push(entry);
  return () => {
    const index = cleanups.indexOf(entry);
    if (index >= 0) cleanups.splice(index, 1);
  };
}

async function cleanUp(): Promise<void> {
  while (cleanups.length) {
    const entry = cleanups.pop();
    if (!entry) break;
    await entry
      .run()
      .catch((error: unknown) => console.error(`[bench] stopping ${entry.name} failed: ${String(error)}`));
  }
}

async function exitWith(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    await cleanUp();
  }
  process.exit(code);
}

// ---------------------------------------------------------------------------------------------
// Build into .next-bench, apart from the dev and test build in .next.
// ---------------------------------------------------------------------------------------------
function benchEnv(options: Options): NodeJS.ProcessEnv {
  const base = `http://localhost:${options.port}`;
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(options.port),
    APP_URL: base,
    INTERNAL_URL: `http://127.0.0.1:${options.port}`,
    AUTH_SECRET,
    NEXTAUTH_SECRET: AUTH_SECRET,
    NEXTAUTH_URL: base,
    ENCRYPTION_KEY,
    // Only the catalog is measured: no queue workers polling in the same process.
    RUN_WORKERS: "false",
  };
}

async function childDone(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function tail(file: string, lines = 40): string {
  return existsSync(file) ? readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n") : "";
}

async function buildIfMissing(options: Options, workDir: string): Promise<void> {
  const stampFile = path.join(ROOT, DIST_DIR, "bench-build.json");
  const fingerprint = await sourceFingerprint();
  if (!options.rebuild && existsSync(path.join(ROOT, DIST_DIR, "BUILD_ID"))) {
    const stamp: unknown = existsSync(stampFile) ? JSON.parse(await readFile(stampFile, "utf8")) : null;
    const builtFrom = stamp && typeof stamp === "object" && "fingerprint" in stamp ? stamp.fingerprint : null;
    if (builtFrom === fingerprint) log(`using the build in ${DIST_DIR} (sources unchanged)`);
    else
      log(
        `using the existing build in ${DIST_DIR}; the sources changed since it was made: pass --rebuild to measure the current code`,
      );
    return;
  }
  // next build adds its dist folder's types to tsconfig.json and rewrites next-env.d.ts; the bench
  // puts both back so that it leaves no trace in the working tree.
  const touched = ["tsconfig.json", "next-env.d.ts"].map((file) => ({
    file: path.join(ROOT, file),
    before: existsSync(file) ? readFileSync(file, "utf8") : null,
  }));
  const buildLog = path.join(workDir, "build.log");
  log(`building the app into ${DIST_DIR} (a few minutes; output in ${path.relative(ROOT, buildLog)})`);
  const started = performance.now();
  const out = createWriteStream(buildLog);
  const child = spawn(process.execPath, [NEXT_BIN, "build"], {
    env: benchEnv(options),
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  const forget = onCleanup("next build", () => stopChild(child));
  try {
    const code = await childDone(child);
    await new Promise<void>((resolve) => out.end(resolve));
    if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${tail(buildLog)}`);
  } finally {
    forget();
    for (const { file, before } of touched) {
      const after = existsSync(file) ? readFileSync(file, "utf8") : null;
      if (before !== null && after !== before) await writeFile(file, before);
    }
  }
  await writeFile(stampFile, JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }));
  log(`built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

// ---------------------------------------------------------------------------------------------
// Servers
// ---------------------------------------------------------------------------------------------
interface RunningServer {
  child: ChildProcess;
  stop: () => Promise<void>;
}

async function startServer(
  name: string,
  child: ChildProcess,
  readyUrl: string,
  logFile: string,
): Promise<RunningServer> {
  const out: WriteStream = createWriteStream(logFile);
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  let exited = false;
  child.once("exit", () => (exited = true));
  const stop = async () => {
    await stopChild(child);
    await new Promise<void>((resolve) => out.end(resolve));
  };
  const forget = onCleanup(name, stop);
  try {
    await waitForHttp(readyUrl, 90_000);
  } catch (error) {
    await stop();
    forget();
    throw new Error(
      `${name} did not come up${exited ? " (it exited)" : ""}: ${String(error)}\n${tail(logFile)}`,
    );
  }
  return {
    child,
    stop: async () => {
      forget();
      await stop();
    },
  };
}

function rssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const match = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

interface DbCounters {
  transactions: number;
  vehicleSeqScans: number;
}

/** Database work done meanwhile: a page served from Next's cache should cost no transaction at all. */
async function dbCounters(client: pg.Client): Promise<DbCounters> {
  // Backends publish their statistics about a second after going idle.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const { rows } = await client.query<{ transactions: string; seq_scans: string }>(
    `SELECT (SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()) AS transactions,
            (SELECT seq_scan FROM pg_stat_user_tables WHERE relname = 'vehicles') AS seq_scans`,
  );
  return {
    transactions: Number(rows[0]?.transactions ?? 0),
    vehicleSeqScans: Number(rows[0]?.seq_scans ?? 0),
  };
}

function perRequest(before: DbCounters, after: DbCounters, requests: number): DbCounters {
  return {
    // Less the one transaction the counter query itself runs.
    transactions: Math.max(0, after.transactions - before.transactions - 1) / Math.max(1, requests),
    vehicleSeqScans: (after.vehicleSeqScans - before.vehicleSeqScans) / Math.max(1, requests),
  };
}

// ---------------------------------------------------------------------------------------------
// HTTP: Next vs the same bytes from a static server
// ---------------------------------------------------------------------------------------------
const KINDS = ["home", "search", "detail"] as const;
type Kind = (typeof KINDS)[number];

async function pickPaths(client: pg.Client, showrooms: number): Promise<Record<Kind, string[]>> {
  // Every (1000/showrooms)th showroom from a rotating start: spread over the whole data set.
  const step = BENCH_TENANTS / showrooms;
  const slugs = Array.from({ length: showrooms }, (_, index) =>
    benchSlug(1 + ((Math.floor(index * step) + 7) % BENCH_TENANTS)),
  );
  const { rows } = await client.query<{ tenant: string; slug: string }>(
    `SELECT DISTINCT ON (t.slug) t.slug AS tenant, v.slug
     FROM tenants t JOIN vehicles v ON v.tenant_id = t.id
     WHERE t.slug = ANY($1) AND ${listedSqlText("v")}
     ORDER BY t.slug, md5(v.id::text)`,
    [slugs],
  );
  const vehicleOf = new Map(rows.map((row) => [row.tenant, row.slug]));
  return {
    home: slugs.map((slug) => `/${slug}`),
    search: slugs.map((slug, index) => {
      const probe = probeFor(index);
      return `/${slug}/vehicles?${new URLSearchParams({ brand: probe.brand, transmission: probe.transmission, priceMax: probe.priceMax }).toString()}`;
    }),
    detail: slugs.flatMap((slug) => {
      const vehicle = vehicleOf.get(slug);
      return vehicle ? [`/${slug}/vehicles/${vehicle}`] : [];
    }),
  };
}

interface Captured {
  path: string;
  contentType: string;
  body: string;
}

interface WarmResult {
  captured: Captured[];
  firstMs: number[];
  cacheFirst: Record<string, number>;
  cacheSecond: Record<string, number>;
}

async function warmAndCapture(origin: string, hostHeader: string, paths: string[]): Promise<WarmResult> {
  const count = (into: Record<string, number>, value: string | string[] | undefined) => {
    const key = (Array.isArray(value) ? value.join(",") : value) ?? "(none)";
    into[key] = (into[key] ?? 0) + 1;
  };
  const cacheFirst: Record<string, number> = {};
  const cacheSecond: Record<string, number> = {};
  // First request renders the page (and fills Next's data and page caches)...
  const first = await mapLimit(paths, 4, async (pagePath) => {
    const page = await fetchOnce(origin, pagePath, hostHeader);
    if (page.status !== 200)
      throw new Error(
        `GET ${pagePath} answered ${page.status} while warming:\n${page.body.toString("utf8").slice(0, 400)}`,
      );
    count(cacheFirst, page.headers["x-nextjs-cache"]);
    return page.ms;
  });
  // ...the second is what the cache serves: those bytes are what the static server will send.
  const captured = await mapLimit(paths, 4, async (pagePath) => {
    const page = await fetchOnce(origin, pagePath, hostHeader);
    if (page.status !== 200) throw new Error(`GET ${pagePath} answered ${page.status} on the second request`);
    count(cacheSecond, page.headers["x-nextjs-cache"]);
    return {
      path: pagePath,
      contentType: String(page.headers["content-type"] ?? "text/html; charset=utf-8"),
      body: page.body.toString("base64"),
    };
  });
  return { captured, firstMs: first, cacheFirst, cacheSecond };
}

interface HttpRow {
  kind: Kind;
  urls: number;
  htmlKb: number;
  firstRenderMs: number;
  next: LoadResult;
  /** Database transactions and sequential scans of vehicles per request sent during the Next run. */
  dbPerRequest: DbCounters;
  /** The same per URL while warming (first render plus the capturing request). */
  dbPerWarmedUrl: DbCounters;
  static: LoadResult;
  warm: Pick<WarmResult, "cacheFirst" | "cacheSecond">;
}

interface HttpResults {
  rows: HttpRow[];
  nextRssMb: number | null;
}

async function benchHttp(options: Options, client: pg.Client, workDir: string): Promise<HttpResults> {
  const origin = `http://127.0.0.1:${options.port}`;
  // The platform host: catalog URLs are /{slug}/..., as in the README.
  const hostHeader = `localhost:${options.port}`;
  const paths = await pickPaths(client, options.showrooms);
  log(`starting next start on port ${options.port} (${DIST_DIR})`);
  const next = await startServer(
    "next start",
    startNext({ mode: "start", port: options.port, env: benchEnv(options), quiet: true }),
    `${origin}/api/health`,
    path.join(workDir, "next.log"),
  );

  // Each kind is warmed right before its own run, so the run measures pages that were just cached;
  // whatever the cache has dropped again by then shows up as MISS in the hit rate.
  const warmed = {} as Record<Kind, WarmResult>;
  const nextLoads = {} as Record<Kind, LoadResult>;
  const dbPerRequest = {} as Record<Kind, DbCounters>;
  const dbPerWarmedUrl = {} as Record<Kind, DbCounters>;
  for (const kind of KINDS) {
    const started = performance.now();
    const beforeWarm = await dbCounters(client);
    warmed[kind] = await warmAndCapture(origin, hostHeader, paths[kind]);
    dbPerWarmedUrl[kind] = perRequest(beforeWarm, await dbCounters(client), paths[kind].length);
    log(
      `warmed ${paths[kind].length} ${kind} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    log(
      `load on next: ${kind}, ${options.concurrency} concurrent, ${options.warmup} s warm-up + ${options.duration} s`,
    );
    const before = await dbCounters(client);
    const load = await runLoad({
      origin,
      hostHeader,
      paths: paths[kind],
      concurrency: options.concurrency,
      warmupMs: options.warmup * 1000,
      durationMs: options.duration * 1000,
      countHeader: "x-nextjs-cache",
    });
    const after = await dbCounters(client);
    nextLoads[kind] = load;
    dbPerRequest[kind] = perRequest(before, after, load.sent);
  }
  const nextRssMb = rssMb(next.child.pid);
  await next.stop();

  const pagesFile = path.join(workDir, "pages.json");
  await writeFile(pagesFile, JSON.stringify(KINDS.flatMap((kind) => warmed[kind].captured)));
  const staticOrigin = `http://127.0.0.1:${options.staticPort}`;
  log(`starting the static server on port ${options.staticPort}`);
  const staticServer = await startServer(
    "static server",
    spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(ROOT, "scripts/bench/static-server.ts"),
        pagesFile,
        String(options.staticPort),
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    ),
    `${staticOrigin}/__ready`,
    path.join(workDir, "static.log"),
  );
  const staticLoads = {} as Record<Kind, LoadResult>;
  for (const kind of KINDS) {
    log(`load on static: ${kind}`);
    staticLoads[kind] = await runLoad({
      origin: staticOrigin,
      hostHeader,
      paths: paths[kind],
      concurrency: options.concurrency,
      warmupMs: options.warmup * 1000,
      durationMs: options.duration * 1000,
    });
  }
  await staticServer.stop();

  const rows = KINDS.map((kind): HttpRow => {
    const captured = warmed[kind].captured;
    const htmlBytes = captured.reduce((sum, page) => sum + Buffer.from(page.body, "base64").length, 0);
    const first = [...warmed[kind].firstMs].sort((a, b) => a - b);
    return {
      kind,
      urls: paths[kind].length,
      htmlKb: htmlBytes / captured.length / 1024,
      firstRenderMs: first[Math.floor(first.length / 2)] ?? Number.NaN,
      next: nextLoads[kind],
      dbPerRequest: dbPerRequest[kind],
      dbPerWarmedUrl: dbPerWarmedUrl[kind],
      static: staticLoads[kind],
      warm: { cacheFirst: warmed[kind].cacheFirst, cacheSecond: warmed[kind].cacheSecond },
    };
  });
  return { rows, nextRssMb };
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------
const fixed = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : "-");
const ratio = (value: number): string =>
  Number.isFinite(value)
    ? value >= 10
      ? value.toFixed(0)
      : value >= 1
        ? value.toFixed(1)
        : value.toFixed(3)
    : "-";

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join("  ");
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

function hitRate(counts: Record<string, number>): string {
  const total = Object.values(counts).reduce((sum, value) => sum + value, 0);
  if (!total || (Object.keys(counts).length === 1 && "(none)" in counts)) return "n/a";
  return `${fixed((100 * (counts.HIT ?? 0)) / total)}%`;
}

const describeCounts = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([key, value]) => `${key} ${value}`)
    .join(", ");

/** One server's run as table cells: throughput, latencies, errors, requests cut off. */
const runCells = (run: LoadResult): string[] => [
  fixed(run.rps, 0),
  fixed(run.p50, 2),
  fixed(run.p99, 2),
  String(run.errors),
  String(run.unfinished),
];

function httpReport(options: Options, results: HttpResults): string {
  const lines: string[] = [];
  lines.push(
    `HTTP: ${options.concurrency} concurrent keep-alive connections, ${options.warmup} s warm-up + ${options.duration} s measured per run, ` +
      `one URL per showroom over ${options.showrooms} showrooms per page kind, no compression on either side.\n` +
      "Each kind is warmed (every URL requested once, then once more to capture the bytes) right before its run. 'cut off' = requests\n" +
      "still unanswered 2 s after the run ended (not in the latencies: with many of them, the percentiles flatter the server).",
  );
  lines.push(
    table(
      ["page", "server", "req/s", "p50 ms", "p99 ms", "errors", "cut off", "x-nextjs-cache HIT"],
      results.rows.flatMap((row) => [
        [row.kind, "next", ...runCells(row.next), hitRate(row.next.headerCounts)],
        ["", "static", ...runCells(row.static), ""],
      ]),
    ),
  );
  lines.push("");
  lines.push("next / static (req/s: below 1 means Next serves fewer; latency: above 1 means Next is slower)");
  lines.push(
    table(
      [
        "page",
        "req/s",
        "p50",
        "p99",
        "avg HTML",
        "first render p50 (4 at a time)",
        "DB xacts / req under load",
      ],
      results.rows.map((row) => [
        row.kind,
        `${ratio(row.next.rps / row.static.rps)}x`,
        `${ratio(row.next.p50 / row.static.p50)}x`,
        `${ratio(row.next.p99 / row.static.p99)}x`,
        `${fixed(row.htmlKb)} KB`,
        `${fixed(row.firstRenderMs)} ms`,
        fixed(row.dbPerRequest.transactions, 2),
      ]),
    ),
  );
  lines.push("");
  for (const row of results.rows) {
    lines.push(
      `${row.kind}: x-nextjs-cache on the first request ${describeCounts(row.warm.cacheFirst)}; second ${describeCounts(row.warm.cacheSecond)}; under load ${describeCounts(row.next.headerCounts)}`,
      `  database per warmed URL (2 requests): ${fixed(row.dbPerWarmedUrl.transactions, 1)} transactions, ${fixed(row.dbPerWarmedUrl.vehicleSeqScans, 1)} seq scans of vehicles` +
        " (parallel query workers count too);" +
        ` per request under load: ${fixed(row.dbPerRequest.transactions, 2)} and ${fixed(row.dbPerRequest.vehicleSeqScans, 2)}`,
    );
    if (row.next.firstError) lines.push(`  first next error (${row.kind}): ${row.next.firstError}`);
    if (row.static.firstError) lines.push(`  first static error (${row.kind}): ${row.static.firstError}`);
  }
  if (results.nextRssMb !== null)
    lines.push(`next-server resident memory after the load: ${results.nextRssMb} MB`);
  return lines.join("\n");
}

function sqlReport(timings: SqlTimings): string {
  /** p50, p99 and mean of one way of searching, in ms. */
  const latencyCells = (stats: { p50: number; p99: number; mean: number }) => [
    fixed(stats.p50, 2),
    fixed(stats.p99, 2),
    fixed(stats.mean, 2),
  ];
  /** How many times slower the app is than another way, at p50 and p99. */
  const appOver = (stats: { p50: number; p99: number }) => [
    `${ratio(timings.app.p50 / stats.p50)}x`,
    `${ratio(timings.app.p99 / stats.p99)}x`,
  ];
  const lines: string[] = [];
  lines.push(
    `Uncached search at ${(BENCH_TENANTS * VEHICLES_PER_TENANT).toLocaleString("en-US")} vehicles: brand + transmission + priceMax, newest first, page 1, ` +
      `${timings.iterations} searches over ${Math.min(timings.iterations, BENCH_TENANTS)} showrooms (${fixed(timings.meanTotal, 0)} matching cars on average), one at a time` +
      (timings.iterations < timings.planned
        ? ` (of ${timings.planned} planned: the time budget ran out, --sql-budget)`
        : ""),
  );
  lines.push(
    table(
      ["variant", "p50 ms", "p99 ms", "mean ms", "app / it (p50)", "app / it (p99)"],
      [
        ["app: withTenant + searchVehicles (RLS, Prisma)", ...latencyCells(timings.app), "", ""],
        [
          "bare SQL: the same page of 12 rows + photo",
          ...latencyCells(timings.page),
          ...appOver(timings.page),
        ],
        [
          "equivalent SQL: count + page + 6 facets",
          ...latencyCells(timings.equivalent),
          ...appOver(timings.equivalent),
        ],
      ],
    ),
  );
  lines.push(
    "Read the ratios with care: searchVehicles also counts the matches and computes six facets (brand, transmission, fuel, body, city, colour),\n" +
      "each a GROUP BY over the showroom's listed cars, so 'app / bare SQL' is not like for like; 'app / equivalent SQL' is (same 8 result sets,\n" +
      "bare SQL as the superuser over one connection, no transaction, no RLS, no ORM).",
  );
  lines.push(
    `Same results: page rows identical in ${timings.checks.pages}/${timings.iterations}, totals in ${timings.checks.totals}/${timings.iterations}, facets in ${timings.checks.facets}/${timings.iterations}.`,
  );
  if (timings.plans) {
    lines.push(
      `Plan of the count statement: app (app role, RLS) -> ${timings.plans.app}; bare SQL -> ${timings.plans.bare}`,
    );
  }
  lines.push("");
  lines.push(
    `Where the app's search time goes (statement durations reported by Prisma, ${Math.max(1, timings.breakdownRuns - 1)} searches):`,
  );
  lines.push(
    table(
      ["statement", "per search", "mean ms", "share"],
      timings.breakdown.map((entry) => [
        entry.kind,
        fixed(entry.perSearch, 1),
        fixed(entry.meanMs, 2),
        `${fixed(entry.share * 100, 0)}%`,
      ]),
    ),
  );
  return lines.join("\n");
}

async function machineLine(client: pg.Client): Promise<string> {
  const cpus = os.cpus();
  const nextVersion =
    (
      JSON.parse(readFileSync(path.join(ROOT, "node_modules/next/package.json"), "utf8")) as {
        version?: string;
      }
    ).version ?? "?";
  const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
  return (
    `${cpus.length} cores (${cpus[0]?.model.trim() ?? "unknown CPU"}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${os.platform()} ${os.release()}, ` +
    `Node ${process.version}, Next ${nextVersion}, PostgreSQL ${rows[0]?.server_version ?? "?"} (embedded)`
  );
}

async function dataLine(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ status: string; count: number }>(
    "SELECT status::text AS status, count(*)::int AS count FROM vehicles GROUP BY status ORDER BY count DESC",
  );
  const total = rows.reduce((sum, row) => sum + row.count, 0) || 1;
  const brands = await client.query<{ brands: number }>(
    "SELECT count(DISTINCT brand)::int AS brands FROM vehicles",
  );
  return (
    `${BENCH_TENANTS.toLocaleString("en-US")} showrooms x ${VEHICLES_PER_TENANT} vehicles = ${total.toLocaleString("en-US")} vehicles ` +
    `(${brands.rows[0]?.brands ?? 0} brands; ${rows.map((row) => `${row.status} ${fixed((100 * row.count) / total, 0)}%`).join(", ")}), one photo row each`
  );
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------
async function main(): Promise<void> {
  const options = readOptions();
  const startedAt = performance.now();
  const loadBefore = os.loadavg()[0] ?? 0;
  process.on("SIGINT", () => {
    // npm relays the terminal's Ctrl-C as well: one notice is enough.
    if (shuttingDown) return;
    console.log("\n[bench] interrupted; stopping what was started");
    void exitWith(130);
  });
  process.on("SIGTERM", () => void exitWith(143));

  // Its own cluster, database and local photo folder, whatever the environment says: the bench
  // must never touch real data (nor upload its photo to a real bucket).
  delete process.env.DATABASE_URL;
  delete process.env.DATABASE_ADMIN_URL;
  delete process.env.S3_BUCKET;
  // The bench server's secret: the migrations install the platform gate key derived from it.
  process.env.AUTH_SECRET = AUTH_SECRET;
  const env = parseEnv(process.env);
  const workDir = path.resolve(env.DATA_DIR, "bench");
  await mkdir(workDir, { recursive: true });
  const port = env.EMBEDDED_PG_PORT + 2;
  log(
    `starting the bench PostgreSQL cluster (${path.join(env.DATA_DIR, "bench-postgres")}, port ${port}, database ${BENCH_DATABASE})`,
  );
  const database: PreparedDatabase = await prepareDatabase({
    env,
    log,
    cluster: "bench-postgres",
    port,
    database: BENCH_DATABASE,
    whenRunning: "restart",
  });
  onCleanup("the bench PostgreSQL", async () => {
    log("stopping the bench PostgreSQL");
    await database.stop();
  });
  onCleanup("the app's database pool", () => disconnectDb());
  if (!database.superUrl) throw new Error("the bench needs the embedded cluster's superuser");
  const superUrl = new URL(database.superUrl);
  superUrl.pathname = `/${BENCH_DATABASE}`;
  const client = new pg.Client({ connectionString: superUrl.toString() });
  // On Ctrl-C the terminal signals PostgreSQL too, which then drops this connection: not a crash.
  client.on("error", (error) => {
    if (!shuttingDown) console.error(`[bench] database connection lost: ${error.message}`);
  });
  await client.connect();
  onCleanup("the superuser connection", () => client.end());

  await seedBenchIfNeeded({ client, force: options.reseed, log });
  await disconnectDb();

  let http: HttpResults | null = null;
  if (options.only !== "sql") {
    await buildIfMissing(options, workDir);
    http = await benchHttp(options, client, workDir);
  }
  let sql: SqlTimings | null = null;
  if (options.only !== "http") {
    sql = await timeSearch({
      superClient: client,
      appUrl: database.appUrl,
      iterations: options.sqlIterations,
      warmup: 10,
      budgetSeconds: options.sqlBudget,
      log,
    });
    await disconnectDb();
  }

  const machine = await machineLine(client);
  const command = [
    "npm run bench:catalog",
    ...(process.argv.length > 2 ? ["--", ...process.argv.slice(2)] : []),
  ].join(" ");
  const minutes = (performance.now() - startedAt) / 60_000;
  const report: string[] = [
    "",
    "## Catalog benchmark",
    "",
    `command:  ${command}`,
    `machine:  ${machine}`,
    `load:     1-minute load average ${loadBefore.toFixed(2)} before the run (other work on the machine skews every number)`,
    `data:     ${await dataLine(client)}`,
    `date:     ${new Date().toISOString()}; whole run ${minutes.toFixed(1)} min`,
    "",
  ];
  if (http) report.push(httpReport(options, http), "");
  if (sql) report.push(sqlReport(sql), "");
  report.push(
    "The load generator runs on the same machine as the servers and the database, so on a small machine it competes with them for CPU;",
    "the static server's figures are a floor for what this machine can serve, not a ceiling.",
  );
  console.log(`\`\`\`\n${report.join("\n").trim()}\n\`\`\``);
}

main()
  .then(() => exitWith(0))
  .catch(async (error: unknown) => {
    console.error(
      `[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    await exitWith(1);
  });
