// The one rate limiter (lib/core/rate-limit.ts) is global, not per process: takes through two
// Prisma clients and through a second Node process count against the same PostgreSQL rows, exactly
// once under concurrency. Also: progressive delays double, old windows are swept by the schedule,
// and the app role can reach the counters only through the functions.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db/client";
import { sweepRateLimitsSchedule } from "@/lib/core/jobs/sweep-rate-limits";
import { addressSubject, type RateLimitRule, takeRateLimit } from "@/lib/core/rate-limit";
import { PrismaClient } from "@/lib/generated/prisma/client";

const run = promisify(execFile);
let second: PrismaClient;
let owner: pg.Client;

beforeAll(async () => {
  second = new PrismaClient({
    adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL, max: 5 }),
  });
  owner = new pg.Client({ connectionString: process.env.DATABASE_ADMIN_URL });
  await owner.connect();
});
afterAll(async () => {
  await second?.$disconnect();
  await owner?.end();
});

const fresh = (limit: number, windowSeconds = 60, progressive = false): RateLimitRule => ({
  name: `test-${Math.random().toString(36).slice(2)}`,
  limit,
  windowSeconds,
  progressive,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("one rate limiter in PostgreSQL", () => {
  it("counts exactly once across two Prisma clients taking at the same moment", async () => {
    const rule = fresh(7);
    const decisions = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        takeRateLimit(rule, "subject", index % 2 === 0 ? db() : second),
      ),
    );
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(7);
    const refused = decisions.find((decision) => !decision.allowed);
    expect(refused && !refused.allowed && refused.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("counts across two app processes", async () => {
    const rule = fresh(6);
    const child = await run(
      path.resolve("node_modules/.bin/tsx"),
      ["--conditions=react-server", "tests/support/take-rate-limit.ts", rule.name, "6", "60", "4"],
      { env: process.env, timeout: 60_000 },
    );
    expect(JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}")).toEqual({ allowed: 4 });
    const here = await Promise.all(Array.from({ length: 5 }, () => takeRateLimit(rule, "shared-subject")));
    expect(here.filter((decision) => decision.allowed)).toHaveLength(2);
  }, 90_000);

  it("makes a progressive rule wait 1 s, then 2 s, after its free takes", async () => {
    const rule = fresh(3, 600, true);
    for (let index = 0; index < 3; index += 1)
      expect(await takeRateLimit(rule, "s")).toEqual({ allowed: true });
    expect(await takeRateLimit(rule, "s")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    await sleep(1_050);
    expect(await takeRateLimit(rule, "s")).toEqual({ allowed: true });
    expect(await takeRateLimit(rule, "s")).toEqual({ allowed: false, retryAfterSeconds: 2 });
  });

  it("sweeps windows nobody reads any more, from its schedule", async () => {
    const rule = fresh(5, 1);
    await takeRateLimit(rule, "old");
    const mine = `${rule.name}:%`;
    const count = async () =>
      Number(
        (
          await owner.query<{ n: string }>("SELECT count(*) AS n FROM rate_limits WHERE bucket LIKE $1", [
            mine,
          ])
        ).rows[0]?.n,
      );
    expect(await count()).toBe(1);
    await sleep(2_100);
    await sweepRateLimitsSchedule.run({});
    expect(await count()).toBe(0);
  });

  it("keeps the counters out of the app role's direct reach", async () => {
    await takeRateLimit(fresh(5), "hidden");
    expect(await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM rate_limits`).toEqual([{ n: 0n }]);
    await expect(
      db()
        .$executeRaw`INSERT INTO rate_limits (bucket, window_start, hits, expires_at) VALUES ('x', now(), 0, now())`,
    ).rejects.toThrow(/row-level security/);
  });

  it("counts an IPv6 subscriber's /64 as one address, and no address as one shared address", () => {
    expect(addressSubject("2001:db8:1:2:aaaa::1")).toBe(addressSubject("2001:db8:1:2:bbbb:cccc:dddd:eeee"));
    expect(addressSubject("2001:db8:1:2::1")).not.toBe(addressSubject("2001:db8:1:3::1"));
    expect(addressSubject("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressSubject(null)).toBe(addressSubject("not an address"));
  });
});
