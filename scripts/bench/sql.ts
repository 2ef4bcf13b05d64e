// The uncached catalog search at full scale: the app's real search (Prisma, app role, row-level
// security, one tenant transaction, counts and six facets) timed next to bare SQL that returns the
// same page, and next to equivalent SQL that does the same work (count + page + facets).

import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { withTenant } from "@/lib/core/db/tenant";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { listedSqlText } from "@/lib/inventory/listing";
import { CatalogQuery, type FacetValue, PAGE_SIZE, searchVehicles } from "@/lib/inventory/search";
import { summarize } from "./load";

type Log = (line: string) => void;

const BRANDS = ["Toyota", "Honda", "Daihatsu", "Mitsubishi", "Suzuki"] as const;
const PRICE_CAPS = ["150 jt", "200 jt", "250 jt", "300 jt"] as const;
const TRANSMISSIONS = ["automatic", "manual"] as const;

/** A buyer's typical filter set: a brand, a gearbox and a budget, newest first, page 1. */
export interface SearchProbe {
  tenantId: string;
  brand: string;
  transmission: (typeof TRANSMISSIONS)[number];
  priceMax: string;
}

export function probeQuery(probe: Pick<SearchProbe, "brand" | "transmission" | "priceMax">): CatalogQuery {
  // Through the app's own parser, exactly as the page reads its URL.
  return CatalogQuery.parse({
    brand: probe.brand,
    transmission: probe.transmission,
    priceMax: probe.priceMax,
  });
}

export function probeFor(index: number, tenantId = ""): SearchProbe {
  return {
    tenantId,
    brand: BRANDS[index % BRANDS.length] ?? "Toyota",
    transmission: TRANSMISSIONS[index % 3 === 0 ? 1 : 0] ?? "automatic",
    priceMax: PRICE_CAPS[index % PRICE_CAPS.length] ?? "200 jt",
  };
}

const FACETS = [
  { key: "brand", column: "brand" },
  { key: "transmission", column: "transmission" },
  { key: "fuel", column: "fuel" },
  { key: "body", column: "body_type" },
  { key: "city", column: "city" },
  { key: "color", column: "color" },
] as const;
type FacetKey = (typeof FACETS)[number]["key"];

/** The search's WHERE in plain SQL; a facet leaves out its own filter, as searchVehicles does. */
function whereOf(
  probe: SearchProbe,
  priceMax: bigint,
  options: { except?: FacetKey; alias?: string } = {},
): { sql: string; values: unknown[] } {
  const { except } = options;
  const column = (name: string) => (options.alias ? `${options.alias}.${name}` : name);
  const values: unknown[] = [probe.tenantId, priceMax];
  const conditions = [
    `${column("tenant_id")} = $1`,
    listedSqlText(options.alias),
    `${column("price")} <= $2`,
  ];
  if (except !== "brand") {
    values.push(probe.brand);
    conditions.push(`lower(${column("brand")}) = lower($${values.length})`);
  }
  if (except !== "transmission") {
    values.push(probe.transmission);
    conditions.push(`${column("transmission")} = $${values.length}::transmission`);
  }
  return { sql: conditions.join(" AND "), values };
}

interface PageRow {
  id: string;
}

async function barePage(client: pg.Client, probe: SearchProbe, priceMax: bigint): Promise<PageRow[]> {
  const where = whereOf(probe, priceMax, { alias: "v" });
  const { rows } = await client.query<PageRow>(
    `SELECT v.id, v.slug, v.stock_code, v.brand, v.model, v.variant, v.year, v.transmission, v.mileage_km, v.city, v.price, v.status,
            p.variants, p.blur_data_url, p.width, p.height
     FROM vehicles v
     LEFT JOIN LATERAL (SELECT variants, blur_data_url, width, height FROM vehicle_photos p
                        WHERE p.tenant_id = v.tenant_id AND p.vehicle_id = v.id AND p.is_main LIMIT 1) p ON true
     WHERE ${where.sql}
     ORDER BY v.in_stock_since DESC, v.created_at DESC, v.id
     LIMIT ${PAGE_SIZE}`,
    where.values,
  );
  return rows;
}

interface Equivalent {
  total: number;
  page: PageRow[];
  facets: Record<FacetKey, FacetValue[]>;
}

async function equivalentSql(client: pg.Client, probe: SearchProbe, priceMax: bigint): Promise<Equivalent> {
  const where = whereOf(probe, priceMax);
  const count = await client.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM vehicles WHERE ${where.sql}`,
    where.values,
  );
  const page = await barePage(client, probe, priceMax);
  const facets = {} as Record<FacetKey, FacetValue[]>;
  for (const facet of FACETS) {
    const facetWhere = whereOf(probe, priceMax, { except: facet.key });
    const { rows } = await client.query<FacetValue>(
      `SELECT ${facet.column}::text AS value, count(*)::int AS count FROM vehicles WHERE ${facetWhere.sql} AND ${facet.column} IS NOT NULL GROUP BY ${facet.column}`,
      facetWhere.values,
    );
    facets[facet.key] = rows;
  }
  return { total: count.rows[0]?.total ?? 0, page, facets };
}

const facetText = (values: FacetValue[]): string =>
  values
    .filter((value) => value.value)
    .map((value) => `${value.value}=${value.count}`)
    .sort()
    .join(",");

/** Statement kinds as Prisma sends them, for the per-statement breakdown. */
function statementKind(sql: string): string {
  if (/set_config/i.test(sql)) return "set_config (tenant)";
  if (/^\s*(BEGIN|COMMIT|ROLLBACK)/i.test(sql)) return "BEGIN / COMMIT";
  if (/FROM "public"\."vehicle_photos"/i.test(sql)) return "main photo of the 12 cars";
  // The names the buyer's words are resolved against (lib/inventory/criteria.ts), one per search.
  if (/GROUP BY\s+"public"\."vehicles"\."brand",\s*"public"\."vehicles"\."model"/i.test(sql))
    return "names in stock (brand, model, colour, city)";
  const group = sql.match(/GROUP BY\s+"public"\."vehicles"\."(\w+)"/i);
  if (group) return `facet ${group[1]} (GROUP BY)`;
  if (/COUNT\(/i.test(sql)) return "count (total)";
  if (/ORDER BY/i.test(sql)) return "page of 12 cars";
  return sql.slice(0, 50);
}

export interface SqlTimings {
  /** Searches measured; fewer than planned when the time budget ran out. */
  iterations: number;
  planned: number;
  app: ReturnType<typeof summarize>;
  page: ReturnType<typeof summarize>;
  equivalent: ReturnType<typeof summarize>;
  checks: { pages: number; totals: number; facets: number };
  meanTotal: number;
  breakdown: { kind: string; perSearch: number; meanMs: number; share: number }[];
  breakdownRuns: number;
  /** The first scan in the plan of the app's count statement (as the app role, under RLS) and of the bare one. */
  plans: { app: string; bare: string } | null;
}

export interface TimeSearchOptions {
  superClient: pg.Client;
  appUrl: string;
  iterations: number;
  warmup: number;
  /** Stop early after this many seconds of measuring, so a slow search cannot stretch the run. */
  budgetSeconds: number;
  log: Log;
}

export async function timeSearch(options: TimeSearchOptions): Promise<SqlTimings> {
  const { superClient: client, log } = options;
  const tenants = (
    await client.query<{ id: string }>("SELECT id FROM tenants WHERE slug LIKE 'bench-%' ORDER BY slug")
  ).rows.map((row) => row.id);
  if (tenants.length === 0) throw new Error("no bench showrooms to search");
  // A fixed stride through the showrooms: spread over all of them, the same on every run.
  const probes = Array.from({ length: options.warmup + options.iterations }, (_, index) =>
    probeFor(index, tenants[(index * 379 + 17) % tenants.length] ?? ""),
  );

  const app: number[] = [];
  const page: number[] = [];
  const equivalent: number[] = [];
  const checks = { pages: 0, totals: 0, facets: 0 };
  let totals = 0;
  log(
    `timing up to ${options.iterations} uncached searches (+${options.warmup} warm-up) three ways, for at most ${options.budgetSeconds} s`,
  );
  let measuring = 0;
  let done = 0;
  for (const [index, probe] of probes.entries()) {
    if (index === options.warmup) measuring = performance.now();
    if (measuring && performance.now() - measuring > options.budgetSeconds * 1000) break;
    const query = probeQuery(probe);
    const priceMax = query.priceMax ?? 0n;
    const measured = index >= options.warmup;
    let appResult: Awaited<ReturnType<typeof searchVehicles>> | undefined;
    let pageRows: PageRow[] = [];
    let equivalentResult: Equivalent | undefined;
    const runs = {
      app: async () => {
        const started = performance.now();
        appResult = await withTenant(probe.tenantId, (tx) => searchVehicles(tx, query));
        if (measured) app.push(performance.now() - started);
      },
      page: async () => {
        const started = performance.now();
        pageRows = await barePage(client, probe, priceMax);
        if (measured) page.push(performance.now() - started);
      },
      equivalent: async () => {
        const started = performance.now();
        equivalentResult = await equivalentSql(client, probe, priceMax);
        if (measured) equivalent.push(performance.now() - started);
      },
    };
    // Rotate the order so that no variant always runs on the caches the previous one warmed.
    const order = (["app", "page", "equivalent"] as const).map(
      (_, shift, all) => all[(shift + index) % all.length] ?? "app",
    );
    for (const name of order) await runs[name]();
    if (!measured || !appResult || !equivalentResult) continue;
    done += 1;
    totals += appResult.total;
    if (appResult.items.map((item) => item.id).join() === pageRows.map((row) => row.id).join())
      checks.pages += 1;
    if (appResult.total === equivalentResult.total) checks.totals += 1;
    const result = appResult;
    const same = FACETS.every(
      (facet) => facetText(result.facets[facet.key]) === facetText(equivalentResult?.facets[facet.key] ?? []),
    );
    if (same) checks.facets += 1;
  }

  // One warm-up run and ten measured ones: enough to rank the statements.
  const breakdownRuns = Math.min(11, done + 1);
  const { breakdown, countStatement } = await statementBreakdown(
    options.appUrl,
    probes.slice(options.warmup, options.warmup + breakdownRuns),
  );
  const probe = probes[options.warmup] ?? probes[0];
  const plans =
    countStatement && probe
      ? await comparePlans({ appUrl: options.appUrl, superClient: client, probe, countStatement })
      : null;
  return {
    iterations: done,
    planned: options.iterations,
    app: summarize(app),
    page: summarize(page),
    equivalent: summarize(equivalent),
    checks,
    meanTotal: totals / Math.max(1, done),
    breakdown,
    breakdownRuns,
    plans,
  };
}

interface Statement {
  sql: string;
  params: string;
}

/** Where the app's search time goes: the same search on a client that reports every statement. */
async function statementBreakdown(
  appUrl: string,
  probes: SearchProbe[],
): Promise<{ breakdown: SqlTimings["breakdown"]; countStatement: Statement | null }> {
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: appUrl, max: 2 }),
    log: [{ emit: "event", level: "query" }],
  });
  const events: (Statement & { duration: number })[] = [];
  let recording = false;
  client.$on("query", (event) => {
    if (recording) events.push({ sql: event.query, params: event.params, duration: event.duration });
  });
  try {
    for (const [index, probe] of probes.entries()) {
      recording = index > 0; // the first run only warms the client
      await client.$transaction(async (tx) => {
        // What withTenant does, on this client instead of the app's.
        await tx.$queryRaw`SELECT set_config('app.tenant_id', ${probe.tenantId}, true)`;
        return searchVehicles(tx, probeQuery(probe));
      });
    }
  } finally {
    await client.$disconnect();
  }
  const runs = Math.max(1, probes.length - 1);
  const byKind = new Map<string, { count: number; total: number }>();
  for (const event of events) {
    const kind = statementKind(event.sql);
    const entry = byKind.get(kind) ?? { count: 0, total: 0 };
    entry.count += 1;
    entry.total += event.duration;
    byKind.set(kind, entry);
  }
  const all = [...byKind.values()].reduce((sum, entry) => sum + entry.total, 0) || 1;
  const breakdown = [...byKind.entries()]
    .map(([kind, entry]) => ({
      kind,
      perSearch: entry.count / runs,
      meanMs: entry.total / entry.count,
      share: entry.total / all,
    }))
    .sort((a, b) => b.share - a.share);
  const count = events.find((event) => statementKind(event.sql) === "count (total)");
  return { breakdown, countStatement: count ? { sql: count.sql, params: count.params } : null };
}

const firstScan = (rows: Record<string, unknown>[]): string =>
  rows
    .map((row) => String(row["QUERY PLAN"] ?? ""))
    .find((line) => /(Seq Scan|Index Scan|Index Only Scan) on/.test(line))
    ?.replace(/^[\s>-]+/, "")
    .replace(/\s+\(cost=.*$/, "") ?? "?";

/** How PostgreSQL plans the app's count statement under RLS, next to the bare count: the why behind the ratio. */
async function comparePlans(options: {
  appUrl: string;
  superClient: pg.Client;
  probe: SearchProbe;
  countStatement: Statement;
}): Promise<{ app: string; bare: string } | null> {
  let params: unknown;
  try {
    params = JSON.parse(options.countStatement.params);
  } catch {
    return null;
  }
  if (!Array.isArray(params)) return null;
  const app = new pg.Client({ connectionString: options.appUrl });
  // A dropped connection surfaces as a failed query below; the event alone must not end the process.
  app.on("error", () => {});
  await app.connect();
  try {
    await app.query("BEGIN");
    await app.query("SELECT set_config('app.tenant_id', $1, true)", [options.probe.tenantId]);
    const appPlan = await app.query<Record<string, unknown>>(`EXPLAIN ${options.countStatement.sql}`, params);
    await app.query("ROLLBACK");
    const priceMax = probeQuery(options.probe).priceMax ?? 0n;
    const where = whereOf(options.probe, priceMax);
    const barePlan = await options.superClient.query<Record<string, unknown>>(
      `EXPLAIN SELECT count(*) FROM vehicles WHERE ${where.sql}`,
      where.values,
    );
    return { app: firstScan(appPlan.rows), bare: firstScan(barePlan.rows) };
  } catch {
    return null;
  } finally {
    await app.end();
  }
}
