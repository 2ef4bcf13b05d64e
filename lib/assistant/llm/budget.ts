// A showroom's AI allowance: its monthly budget and per-minute rate, read from LlmCall, and one admin notification when either stops the LLM.
import "server-only";
import { aiAllowanceReached } from "@/lib/assistant/events";
import type { Tx } from "@/lib/core/db/client";

export type Allowance = "ok" | "budget" | "rate_limited";

/** Outcomes of turns that made no request and cost nothing: the showroom's budget or rate, or the buyer's daily limit. */
const CALLED_OUTCOMES_EXCLUDED = ["budget", "rate_limited", "buyer_limit"];

/** Budgets are monthly in the showroom's calendar: Indonesia's western time (UTC+7, no daylight saving). */
const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000;

export function startOfMonthJakarta(now: Date): Date {
  const local = new Date(now.getTime() + JAKARTA_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - JAKARTA_OFFSET_MS);
}

export interface AllowanceLimits {
  monthlyBudgetMicroUsd: bigint;
  ratePerMinute: number;
}

/** Whether this showroom may make another LLM call now. Reads the tenant's own LlmCall rows (RLS). */
export async function checkAllowance(
  tx: Tx,
  limits: AllowanceLimits,
  now: Date = new Date(),
): Promise<Allowance> {
  const spent = await tx.llmCall.aggregate({
    where: { createdAt: { gte: startOfMonthJakarta(now) } },
    _sum: { costMicroUsd: true },
  });
  if ((spent._sum.costMicroUsd ?? 0n) >= limits.monthlyBudgetMicroUsd) return "budget";
  const recent = await tx.llmCall.count({
    where: {
      createdAt: { gt: new Date(now.getTime() - 60_000) },
      outcome: { notIn: CALLED_OUTCOMES_EXCLUDED },
    },
  });
  if (recent >= limits.ratePerMinute) return "rate_limited";
  return "ok";
}

export const BUDGET_NOTIFICATION_KIND = "ai.budget";

/**
 * Tells the showroom's admins (userId null: everyone with the dashboard) once: once a month for the
 * budget, once an hour for the rate, so a busy evening does not flood the bell.
 */
export async function notifyAllowanceOnce(
  tx: Tx,
  options: { tenantId: string; allowance: Exclude<Allowance, "ok">; now?: Date },
): Promise<boolean> {
  const now = options.now ?? new Date();
  const title =
    options.allowance === "budget"
      ? "Anggaran AI bulan ini habis: asisten memakai mesin lokal"
      : "Batas panggilan AI per menit tercapai: asisten memakai mesin lokal sementara";
  const since =
    options.allowance === "budget" ? startOfMonthJakarta(now) : new Date(now.getTime() - 60 * 60 * 1000);
  // Serialises the check-then-insert per showroom, so two turns at once notify once.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`ai.budget:${options.tenantId}`}))`;
  const already = await tx.notification.findFirst({
    where: { kind: BUDGET_NOTIFICATION_KIND, userId: null, title, createdAt: { gte: since } },
    select: { id: true },
  });
  if (already) return false;
  const notice = await tx.notification.create({
    data: {
      tenantId: options.tenantId,
      userId: null,
      kind: BUDGET_NOTIFICATION_KIND,
      title,
      body:
        options.allowance === "budget"
          ? "Balasan WhatsApp tetap berjalan dengan mesin lokal sampai bulan depan, atau naikkan anggaran di pengaturan."
          : "Terlalu banyak pesan dalam satu menit; balasan berikutnya memakai mesin lokal sampai lalu lintas turun.",
      link: "/dashboard/settings",
    },
  });
  await aiAllowanceReached.emitInTx(tx, {
    tenantId: options.tenantId,
    allowance: options.allowance,
    notificationId: notice.id,
  });
  return true;
}
