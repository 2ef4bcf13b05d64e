// One showroom: plan limits, suspend/reactivate, and deletion after a full export.
import { notFound } from "next/navigation";
import {
  DeleteShowroomForm,
  ShowroomLimitsForm,
  ShowroomStatusButton,
} from "@/components/admin/console-forms";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { actorOf } from "@/lib/admin/run";
import { getShowroom } from "@/lib/admin/showrooms";
import { adminPage } from "@/lib/auth/guards";
import { isUuid } from "@/lib/core/db/tenant";
import { NotFound } from "@/lib/core/errors";
import { getTranslator } from "@/lib/core/i18n/server";

export default async function ShowroomPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await adminPage();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const { locale, t } = await getTranslator();
  const showroom = await getShowroom(await actorOf(user), id).catch((error: unknown) => {
    if (error instanceof NotFound) notFound();
    throw error;
  });
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight">{showroom.name}</h1>
        <Badge variant={showroom.status === "active" ? "success" : "warning"} data-testid="showroom-status">
          {t(
            showroom.status === "active"
              ? "admin.showrooms.status.active"
              : "admin.showrooms.status.suspended",
          )}
        </Badge>
      </div>
      <p className="text-sm text-muted-foreground">/{showroom.slug}</p>
      <Card>
        <CardHeader>
          <CardTitle>{t("admin.status.title")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-2">
          <p className="text-sm text-muted-foreground">{t("admin.status.help")}</p>
          <ShowroomStatusButton locale={locale} tenantId={showroom.id} status={showroom.status} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("admin.limits.title")}</CardTitle>
        </CardHeader>
        <CardContent>
          <ShowroomLimitsForm locale={locale} tenantId={showroom.id} limits={showroom} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("admin.delete.title")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-3">
          <p className="text-sm text-muted-foreground">{t("admin.delete.help")}</p>
          <a
            href={`/api/admin/showrooms/${showroom.id}/export`}
            className="text-sm font-medium text-primary underline"
            download
          >
            {t("admin.delete.export")}
          </a>
          <p className="text-xs text-muted-foreground">
            {showroom.lastExportAt
              ? t("admin.delete.lastExport", { at: showroom.lastExportAt })
              : t("admin.delete.noExport")}
          </p>
          <DeleteShowroomForm locale={locale} tenantId={showroom.id} slug={showroom.slug} />
        </CardContent>
      </Card>
    </div>
  );
}
