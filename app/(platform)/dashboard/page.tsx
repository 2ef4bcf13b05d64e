// /dashboard: the showroom at a glance — stock by status and age, this week's leads by source, how
// fast leads get a first answer, and the most viewed cars. Sales staff see their own lead figures.
import Link from "next/link";
import { BarList } from "@/components/dashboard/overview/bar-list";
import { Badge } from "@/components/ui/badge";
import { TitledCard } from "@/components/ui/card";
import { staffPage } from "@/lib/actions/pages";
import { formatDuration } from "@/lib/analytics/format";
import { AGE_BUCKETS, LEAD_SOURCES, loadOverview, VEHICLE_STATUSES } from "@/lib/analytics/overview";
import { getTranslator } from "@/lib/core/i18n/server";

const AGE_TONES: Record<(typeof AGE_BUCKETS)[number], string> = {
  "0-15": "bg-emerald-500",
  "16-30": "bg-lime-500",
  "31-60": "bg-amber-500",
  "60+": "bg-red-500",
};

/** A card's headline figure. */
function BigNumber({ testId, children }: { testId: string; children: React.ReactNode }) {
  return (
    <p className="text-4xl font-bold" data-testid={testId}>
      {children}
    </p>
  );
}

export default async function DashboardHome({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, data: overview } = await staffPage("dashboard.view", ({ tx, user }) =>
    loadOverview(tx, user),
  );
  const { locale, t } = await getTranslator();
  const denied = (await searchParams).denied === "1";
  const inStock = overview.byStatus.available + overview.byStatus.booked;

  return (
    <div className="space-y-6">
      {denied ? (
        <p
          role="alert"
          className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive"
          data-testid="denied"
        >
          {t("overview.denied")}
        </p>
      ) : null}
      <div className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight">{t("dashboard.welcome", { name: user.name })}</h1>
        <p className="text-sm text-muted-foreground" data-testid="signed-in-as">
          {t("dashboard.signedInAs", {
            email: user.email,
            role: t(`role.${user.role}`),
            tenant: user.tenantName,
          })}
        </p>
        <Link
          href={`/${user.tenantSlug}`}
          className="text-sm font-medium text-primary underline underline-offset-4"
        >
          {t("nav.catalog")}
        </Link>
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <TitledCard title={t("dashboard.stock")} contentClassName="space-y-3">
          <BigNumber testId="stock-count">{inStock}</BigNumber>
          <ul className="flex flex-wrap gap-2" aria-label={t("dashboard.byStatus")}>
            {VEHICLE_STATUSES.map((status) => (
              <li key={status}>
                <Badge variant="secondary">
                  {t(`status.${status}`)}: {overview.byStatus[status]}
                </Badge>
              </li>
            ))}
          </ul>
        </TitledCard>
        <TitledCard title={t("overview.stockAge")} description={t("overview.stockAgeHint")}>
          <BarList
            testId="stock-age"
            label={t("overview.stockAge")}
            bars={AGE_BUCKETS.map((bucket) => ({
              key: bucket,
              label: bucket === "60+" ? "> 60" : bucket,
              value: overview.ageBuckets[bucket],
              tone: AGE_TONES[bucket],
            }))}
          />
        </TitledCard>
        <TitledCard title={t("overview.leadsWeek")} contentClassName="space-y-3">
          <BigNumber testId="new-leads-week">{overview.newLeadsThisWeek}</BigNumber>
          <BarList
            testId="leads-by-source"
            label={t("overview.bySource")}
            bars={LEAD_SOURCES.map((source) => ({
              key: source,
              label: t(`leads.source.${source}`),
              value: overview.leadsBySource[source],
            }))}
          />
        </TitledCard>
        <TitledCard
          title={t("overview.firstResponse")}
          description={t("overview.firstResponseHint", { count: overview.respondedLeads })}
        >
          {overview.medianFirstResponseMinutes === null ? (
            <p className="text-lg text-muted-foreground" data-testid="median-first-response">
              {t("overview.noResponses")}
            </p>
          ) : (
            <BigNumber testId="median-first-response">
              {formatDuration(overview.medianFirstResponseMinutes, locale)}
            </BigNumber>
          )}
        </TitledCard>
        <TitledCard title={t("overview.topViewed")} className="sm:col-span-2">
          {overview.topViewed.length ? (
            <BarList
              testId="top-viewed"
              label={t("overview.topViewed")}
              bars={overview.topViewed.map((car) => ({ key: car.id, label: car.label, value: car.views }))}
            />
          ) : (
            <p className="text-sm text-muted-foreground">{t("overview.noViews")}</p>
          )}
        </TitledCard>
      </div>
    </div>
  );
}
