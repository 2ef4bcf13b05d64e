import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { staffPage } from "@/lib/auth/guards";
import { withTenant } from "@/lib/db/tenant";
import { getTranslator } from "@/lib/i18n/server";

const STATUSES = ["available", "booked", "sold", "draft"] as const;

export default async function DashboardHome() {
  const user = await staffPage();
  const { t } = await getTranslator();
  const { byStatus, newLeads } = await withTenant(user.tenantId, async (tx) => {
    const groups = await tx.vehicle.groupBy({ by: ["status"], _count: { _all: true } });
    const leads = await tx.lead.count({ where: { status: "new", ...(user.role === "sales" ? { assigneeId: user.id } : {}) } });
    return { byStatus: new Map(groups.map((group) => [group.status, group._count._all])), newLeads: leads };
  });
  const inStock = (byStatus.get("available") ?? 0) + (byStatus.get("booked") ?? 0);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight">{t("dashboard.welcome", { name: user.name })}</h1>
        <p className="text-sm text-muted-foreground" data-testid="signed-in-as">
          {t("dashboard.signedInAs", { email: user.email, role: t(`role.${user.role}`), tenant: user.tenantName })}
        </p>
        <Link href={`/${user.tenantSlug}`} className="text-sm font-medium text-primary underline underline-offset-4">
          {t("nav.catalog")}
        </Link>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t("dashboard.stock")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-3">
            <p className="text-4xl font-bold" data-testid="stock-count">
              {inStock}
            </p>
            <div className="flex flex-wrap gap-2" aria-label={t("dashboard.byStatus")}>
              {STATUSES.map((status) => (
                <Badge key={status} variant="secondary">
                  {t(`status.${status}`)}: {byStatus.get(status) ?? 0}
                </Badge>
              ))}
            </div>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("dashboard.newLeads")}</CardTitle>
          </CardHeader>
          <CardContent>
            <p className="text-4xl font-bold">{newLeads}</p>
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
