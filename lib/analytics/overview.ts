// The numbers on the dashboard's overview: stock by status and age, new leads this week by source,
// median first-response time and the most viewed cars. One tenant transaction, a few aggregate
// queries; sales staff see lead figures for their own leads only.
import "server-only";
import type { StaffUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/core/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { listedSql } from "@/lib/inventory/listing";

export const VEHICLE_STATUSES = ["available", "booked", "sold", "draft"] as const;
export const AGE_BUCKETS = ["0-15", "16-30", "31-60", "60+"] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];
export const LEAD_SOURCES = ["web", "whatsapp", "walk_in", "phone"] as const;

export interface Overview {
  byStatus: Record<(typeof VEHICLE_STATUSES)[number], number>;
  /** Listed cars (still for sale: available or booked) by days since they came into stock. */
  ageBuckets: Record<AgeBucket, number>;
  newLeadsThisWeek: number;
  leadsBySource: Record<(typeof LEAD_SOURCES)[number], number>;
  /** Median minutes from a lead arriving to its first response, over the last 30 days; null without data. */
  medianFirstResponseMinutes: number | null;
  respondedLeads: number;
  topViewed: { id: string; label: string; stockCode: string; views: number }[];
}

/** Days in stock -> bucket; exported for the test of its edges. */
export function ageBucketOf(days: number): AgeBucket {
  if (days <= 15) return "0-15";
  if (days <= 30) return "16-30";
  if (days <= 60) return "31-60";
  return "60+";
}

/** Monday 00:00 of the current week, Jakarta time (Indonesian weeks start on Monday). */
export function startOfWeekJakarta(now: Date): Date {
  const jakarta = new Date(now.getTime() + 7 * 3600_000);
  const daysSinceMonday = (jakarta.getUTCDay() + 6) % 7;
  const monday = Date.UTC(
    jakarta.getUTCFullYear(),
    jakarta.getUTCMonth(),
    jakarta.getUTCDate() - daysSinceMonday,
  );
  return new Date(monday - 7 * 3600_000);
}

export async function loadOverview(tx: Tx, user: StaffUser, now = new Date()): Promise<Overview> {
  const ownOnly = !can(user.role, "leads.read.all");
  const leadScope = ownOnly ? Prisma.sql`AND assignee_id = ${user.id}::uuid` : Prisma.empty;
  const weekStart = startOfWeekJakarta(now);

  const statusGroups = await tx.vehicle.groupBy({ by: ["status"], _count: { _all: true } });
  const byStatus = Object.fromEntries(
    VEHICLE_STATUSES.map((status) => [
      status,
      statusGroups.find((group) => group.status === status)?._count._all ?? 0,
    ]),
  ) as Overview["byStatus"];

  const ages = await tx.$queryRaw<{ days: number; count: bigint }[]>`
    SELECT ((now() AT TIME ZONE 'Asia/Jakarta')::date - in_stock_since)::int AS days, count(*) AS count
    FROM vehicles WHERE ${listedSql()} GROUP BY 1`;
  const ageBuckets: Record<AgeBucket, number> = { "0-15": 0, "16-30": 0, "31-60": 0, "60+": 0 };
  for (const row of ages) ageBuckets[ageBucketOf(row.days)] += Number(row.count);

  const sources = await tx.$queryRaw<{ source: (typeof LEAD_SOURCES)[number]; count: bigint }[]>`
    SELECT source::text AS source, count(*) AS count FROM leads WHERE created_at >= ${weekStart} ${leadScope} GROUP BY 1`;
  const leadsBySource = Object.fromEntries(
    LEAD_SOURCES.map((source) => [source, Number(sources.find((row) => row.source === source)?.count ?? 0)]),
  ) as Overview["leadsBySource"];
  const newLeadsThisWeek = Object.values(leadsBySource).reduce((sum, count) => sum + count, 0);

  const since = new Date(now.getTime() - 30 * 86400_000);
  const [response] = await tx.$queryRaw<{ median: number | null; responded: bigint }[]>`
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_response_at - created_at)) / 60 AS median, count(*) AS responded
    FROM leads WHERE first_response_at IS NOT NULL AND created_at >= ${since} ${leadScope}`;

  const viewed = await tx.$queryRaw<
    { id: string; brand: string; model: string; year: number; stock_code: string; views: bigint }[]
  >`
    SELECT v.id, v.brand, v.model, v.year, v.stock_code, sum(vv.count) AS views
    FROM vehicle_views vv JOIN vehicles v ON v.id = vv.vehicle_id
    WHERE vv.day >= (now() AT TIME ZONE 'Asia/Jakarta')::date - 30
    GROUP BY v.id ORDER BY views DESC, v.id LIMIT 5`;

  return {
    byStatus,
    ageBuckets,
    newLeadsThisWeek,
    leadsBySource,
    medianFirstResponseMinutes:
      response?.median === null || response?.median === undefined ? null : Number(response.median),
    respondedLeads: Number(response?.responded ?? 0),
    topViewed: viewed.map((row) => ({
      id: row.id,
      label: `${row.brand} ${row.model} ${row.year}`,
      stockCode: row.stock_code,
      views: Number(row.views),
    })),
  };
}
