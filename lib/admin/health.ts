// Platform health for operators (/admin/health) and the short form for load balancers
// (/api/health). Numbers and error codes only: no secrets, no showroom data.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/core/db/client";
import type { SuperAdminActor } from "@/lib/core/db/platform";
import { withPlatformAccess } from "@/lib/core/db/platform";
import { getEnv } from "@/lib/core/env";
import { queueDepth } from "@/lib/core/queue/queue";
import { getStorage } from "@/lib/storage";

export interface PublicHealth {
  status: "ok" | "degraded";
  db: { status: "ok" | "unreachable"; latencyMs: number | null };
  queue: { status: "ok" | "unknown"; waiting: number | null; oldestSeconds: number | null };
}

async function databaseLatency(): Promise<number | null> {
  const started = performance.now();
  try {
    await db().$queryRaw`SELECT 1`;
    return Math.round(performance.now() - started);
  } catch {
    return null;
  }
}

async function queue(): Promise<{ waiting: number; oldestSeconds: number | null } | null> {
  try {
    return await queueDepth(db());
  } catch {
    return null;
  }
}

export async function publicHealth(): Promise<PublicHealth> {
  const latency = await databaseLatency();
  const depth = latency === null ? null : await queue();
  return {
    status: latency === null ? "degraded" : "ok",
    db: { status: latency === null ? "unreachable" : "ok", latencyMs: latency },
    queue: {
      status: depth ? "ok" : "unknown",
      waiting: depth?.waiting ?? null,
      oldestSeconds: depth?.oldestSeconds ?? null,
    },
  };
}

export interface HealthReport extends PublicHealth {
  webhooks: { oldestUnprocessedSeconds: number | null; unprocessed: number; failed: number };
  outboxFailures: { code: string; count: number }[];
  ai: {
    calls: number;
    errors: number;
    p50LatencyMs: number | null;
    p95LatencyMs: number | null;
    byOutcome: { outcome: string; count: number }[];
  };
  storage: { driver: "s3" | "local"; probe: "ok" | "failed"; latencyMs: number | null };
  /** Signed webhooks that could not be read, set aside once (never their bodies: buyers' messages). */
  deadLetters: {
    total: number;
    lastDay: number;
    recent: { eventId: string; receivedAt: string; deadAt: string; reason: string }[];
  };
}

async function storageProbe(): Promise<HealthReport["storage"]> {
  const driver = getEnv().S3_BUCKET ? "s3" : "local";
  const key = `health/probe-${randomBytes(6).toString("hex")}.txt`;
  const started = performance.now();
  try {
    const storage = getStorage();
    const bytes = Buffer.from("ok");
    await storage.put(key, bytes, { contentType: "text/plain" });
    const back = await storage.get(key);
    await storage.delete(key);
    return {
      driver,
      probe: back?.bytes.equals(bytes) ? "ok" : "failed",
      latencyMs: Math.round(performance.now() - started),
    };
  } catch {
    return { driver, probe: "failed", latencyMs: null };
  }
}

export async function healthReport(actor: SuperAdminActor): Promise<HealthReport> {
  const base = await publicHealth();
  const since = new Date(Date.now() - 24 * 3600_000);
  const details = await withPlatformAccess(
    { actor, action: "platform.health", entity: "platform" },
    async (tx) => {
      const webhook = await tx.$queryRaw<{ unprocessed: bigint; oldest: number | null; failed: bigint }[]>`
      SELECT count(*) FILTER (WHERE processed_at IS NULL) AS unprocessed,
             EXTRACT(EPOCH FROM (now() - min(received_at) FILTER (WHERE processed_at IS NULL)))::float8 AS oldest,
             count(*) FILTER (WHERE last_error IS NOT NULL) AS failed
        FROM webhook_events`;
      const outbox = await tx.waOutbox.groupBy({
        by: ["lastErrorCode"],
        where: { status: "failed", updatedAt: { gte: since } },
        _count: { _all: true },
      });
      const outcomes = await tx.llmCall.groupBy({
        by: ["outcome"],
        where: { createdAt: { gte: since } },
        _count: { _all: true },
      });
      const latency = await tx.$queryRaw<{ p50: number | null; p95: number | null }[]>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms)::float8 AS p50, percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms)::float8 AS p95
        FROM llm_calls WHERE created_at >= ${since}`;
      const deadLetters = {
        total: await tx.webhookDeadLetter.count(),
        lastDay: await tx.webhookDeadLetter.count({ where: { deadAt: { gte: since } } }),
        recent: await tx.webhookDeadLetter.findMany({
          orderBy: { deadAt: "desc" },
          take: 10,
          select: { eventId: true, receivedAt: true, deadAt: true, reason: true },
        }),
      };
      return { webhook: webhook[0], outbox, outcomes, latency: latency[0], deadLetters };
    },
  );
  const calls = details.outcomes.reduce((sum, row) => sum + row._count._all, 0);
  return {
    ...base,
    webhooks: {
      unprocessed: Number(details.webhook?.unprocessed ?? 0n),
      oldestUnprocessedSeconds: details.webhook?.oldest ?? null,
      failed: Number(details.webhook?.failed ?? 0n),
    },
    outboxFailures: details.outbox.map((row) => ({
      code: row.lastErrorCode === null ? "none" : String(row.lastErrorCode),
      count: row._count._all,
    })),
    ai: {
      calls,
      errors: details.outcomes
        .filter((row) => row.outcome.startsWith("error"))
        .reduce((sum, row) => sum + row._count._all, 0),
      p50LatencyMs:
        details.latency?.p50 === null || details.latency?.p50 === undefined
          ? null
          : Math.round(details.latency.p50),
      p95LatencyMs:
        details.latency?.p95 === null || details.latency?.p95 === undefined
          ? null
          : Math.round(details.latency.p95),
      byOutcome: details.outcomes.map((row) => ({ outcome: row.outcome, count: row._count._all })),
    },
    storage: await storageProbe(),
    deadLetters: {
      total: details.deadLetters.total,
      lastDay: details.deadLetters.lastDay,
      recent: details.deadLetters.recent.map((row) => ({
        eventId: row.eventId,
        receivedAt: row.receivedAt.toISOString(),
        deadAt: row.deadAt.toISOString(),
        // A reason quotes the schema's complaint, never the body; still kept short for the page.
        reason: row.reason.slice(0, 300),
      })),
    },
  };
}
