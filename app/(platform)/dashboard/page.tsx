// /dashboard: the showroom at a glance — stock by status and age, this week's leads by source, how
// fast leads get a first answer, and the most viewed cars. Sales staff see their own lead figures.
import Link from "next/link";
import { BarList } from "@/components/dashboard/overview/bar-list";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
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
        <Card>
          <CardHeader>
            <CardTitle>{t("dashboard.stock")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-3">
            <p className="text-4xl font-bold" data-testid="stock-count">
              {inStock}
            </p>
            <ul className="flex flex-wrap gap-2" aria-label={t("dashboard.byStatus")}>
              {VEHICLE_STATUSES.map((status) => (
                <li key={status}>
                  <Badge variant="secondary">
                    {t(`status.${status}`)}: {overview.byStatus[status]}
                  </Badge>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("overview.stockAge")}</CardTitle>
            <CardDescription>{t("overview.stockAgeHint")}</CardDescription>
          </CardHeader>
          <CardContent>
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
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("overview.leadsWeek")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-3">
            <p className="text-4xl font-bold" data-testid="new-leads-week">
              {overview.newLeadsThisWeek}
            </p>
            <BarList
              testId="leads-by-source"
              label={t("overview.bySource")}
              bars={LEAD_SOURCES.map((source) => ({
                key: source,
                label: t(`leads.source.${source}`),
                value: overview.leadsBySource[source],
              }))}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("overview.firstResponse")}</CardTitle>
            <CardDescription>
              {t("overview.firstResponseHint", { count: overview.respondedLeads })}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <p
              className={
                overview.medianFirstResponseMinutes === null
                  ? "text-lg text-muted-foreground"
                  : "text-4xl font-bold"
              }
              data-testid="median-first-response"
            >
              {overview.medianFirstResponseMinutes === null
                ? t("overview.noResponses")
                : formatDuration(overview.medianFirstResponseMinutes, locale)}
            </p>
          </CardContent>
        </Card>
        <Card className="sm:col-span-2">
          <CardHeader>
            <CardTitle>{t("overview.topViewed")}</CardTitle>
          </CardHeader>
          <CardContent>
            {overview.topViewed.length ? (
              <BarList
                testId="top-viewed"
                label={t("overview.topViewed")}
                bars={overview.topViewed.map((car) => ({ key: car.id, label: car.label, value: car.views }))}
              />
            ) : (
              <p className="text-sm text-muted-foreground">{t("overview.noViews")}</p>
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
