// The one rate limiter behind every abuse limit (sign-in, the lead form, the WhatsApp webhook, the
// assistant per buyer). Counters live in PostgreSQL (table rate_limits, reached only through the
// app_rate_limit_* functions), so a limit holds across every web and worker instance and survives
// restarts; no Redis, no memory. Each limit is a sliding window over two fixed windows; a
// progressive one lets `limit` through, then makes each further try wait twice as long as the one
// before (at most one window): a delay, never a lock.
//
// Buckets are named "<rule>:<HMAC of the subject>", so the table holds no e-mail address, phone
// number or IP in the clear; the key is AUTH_SECRET, which every instance shares.
import "server-only";
import { createHmac } from "node:crypto";
import { isIP } from "node:net";
import { type Db, db } from "@/lib/core/db/client";
import { getEnv, type RateLimitSetting } from "@/lib/core/env";
import { RateLimited } from "@/lib/core/errors";
import type { MessageKey } from "@/lib/core/i18n/messages";

export interface RateLimitRule extends RateLimitSetting {
  /** The bucket family ("signin-address"); part of every bucket's name. */
  name: string;
  /** Past `limit`, each take waits for the previous one: 1 s, 2 s, 4 s, ... up to the window. */
  progressive?: boolean;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The app's client or a transaction: inside a transaction, a take rolls back with it. */
export type RateLimitSql = Pick<Db, "$queryRaw">;

/** Builds a rule from its setting (RATE_LIMIT_* in lib/core/env.ts). */
export function rule(
  name: string,
  setting: RateLimitSetting,
  options: { progressive?: boolean } = {},
): RateLimitRule {
  return { name, ...setting, ...options };
}

function bucketOf(limit: RateLimitRule, subject: string): string {
  const secret = getEnv().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set; rate-limit buckets cannot be named");
  const digest = createHmac("sha256", secret)
    .update(`rate-limit\0${limit.name}\0${subject}`)
    .digest("base64url");
  return `${limit.name}:${digest}`;
}

interface TakeRow {
  allowed: boolean;
  retry_after_ms: number;
}

async function run(
  sql: RateLimitSql,
  limit: RateLimitRule,
  subject: string,
  cost: 0 | 1,
): Promise<RateDecision> {
  const rows = await sql.$queryRaw<TakeRow[]>`
    SELECT allowed, retry_after_ms FROM app_rate_limit_take(${bucketOf(limit, subject)}, ${limit.windowSeconds}::int,
      ${limit.limit}::int, ${cost}::int, ${limit.progressive ?? false})`;
  const row = rows[0];
  if (!row) throw new Error("app_rate_limit_take returned nothing");
  return row.allowed
    ? { allowed: true }
    : { allowed: false, retryAfterSeconds: Math.ceil(row.retry_after_ms / 1000) };
}

/** Counts one against `subject` if the rule allows it now; a refused take counts nothing. */
export function takeRateLimit(
  limit: RateLimitRule,
  subject: string,
  sql: RateLimitSql = db(),
): Promise<RateDecision> {
  return run(sql, limit, subject, 1);
}

/** Whether a take would be allowed now, without counting one. */
export function peekRateLimit(
  limit: RateLimitRule,
  subject: string,
  sql: RateLimitSql = db(),
): Promise<RateDecision> {
  return run(sql, limit, subject, 0);
}

/** Takes one or throws RateLimited (429 with Retry-After through the action client). */
export async function enforceRateLimit(
  limit: RateLimitRule,
  subject: string,
  options: { message?: MessageKey; sql?: RateLimitSql } = {},
): Promise<void> {
  const decision = await takeRateLimit(limit, subject, options.sql);
  if (!decision.allowed) throw new RateLimited(decision.retryAfterSeconds, options.message);
}

/** Gives one back (the take turned out to be no abuse). */
export async function releaseRateLimit(limit: RateLimitRule, subject: string): Promise<void> {
  await db().$executeRaw`SELECT app_rate_limit_release(${bucketOf(limit, subject)})`;
}

/** A progressive rule's next take waits from now rather than from the last take. */
export async function touchRateLimit(limit: RateLimitRule, subject: string): Promise<void> {
  await db().$executeRaw`SELECT app_rate_limit_touch(${bucketOf(limit, subject)})`;
}

/** Forgets every count of `subject` under the rule. */
export async function clearRateLimit(limit: RateLimitRule, subject: string): Promise<void> {
  await db().$executeRaw`SELECT app_rate_limit_clear(${bucketOf(limit, subject)})`;
}

/** Removes windows nobody reads any more; run by the rate-limits-sweep schedule. */
export async function sweepRateLimits(): Promise<number> {
  const rows = await db().$queryRaw<{ removed: number }[]>`SELECT app_rate_limit_sweep() AS removed`;
  return rows[0]?.removed ?? 0;
}

let warnedUnknown = false;

/**
 * The subject of a per-address limit. IPv6 counts per /64 (what one subscriber usually holds), an
 * IPv4-mapped address as IPv4. No address (TRUSTED_PROXIES unset, lib/core/client-ip.ts) is one
 * shared "unknown" address: limits still hold, for everyone at once, so production behind a proxy
 * must set TRUSTED_PROXIES (warned once).
 */
export function addressSubject(ip: string | null | undefined): string {
  if (!ip || !isIP(ip)) {
    if (!warnedUnknown && getEnv().NODE_ENV === "production") {
      warnedUnknown = true;
      console.warn(
        "[rate-limit] the client's address is unknown (TRUSTED_PROXIES=0): per-address limits count every client as one address. Set TRUSTED_PROXIES to the proxies in front of the app.",
      );
    }
    return "unknown";
  }
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (isIP(ip) === 4) return ip;
  return `${expandIpv6(ip).slice(0, 4).join(":")}::/64`;
}

function expandIpv6(ip: string): string[] {
  const [head = "", tail] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array.from({ length: missing }, () => "0"), ...right].map((part) =>
    part.replace(/^0+(?=.)/, ""),
  );
}
