// One showroom: plan limits, its WhatsApp number, suspend/reactivate, and deletion after a full export.
import { notFound } from "next/navigation";
import { z } from "zod";
import {
  connectShowroomWhatsAppAction,
  disconnectShowroomWhatsAppAction,
  refreshShowroomWhatsAppAction,
  sendShowroomTestMessageAction,
} from "@/app/(platform)/admin/whatsapp-actions";
import {
  DeleteShowroomForm,
  ShowroomLimitsForm,
  ShowroomStatusButton,
} from "@/components/admin/console-forms";
import { WhatsAppPanel } from "@/components/dashboard/whatsapp/whatsapp-panel";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { adminPage } from "@/lib/actions/pages";
import { getShowroom } from "@/lib/admin/showrooms";
import { readShowroomWhatsApp } from "@/lib/admin/whatsapp";
import { getTranslator } from "@/lib/core/i18n/server";

export default async function ShowroomPage({ params }: { params: Promise<{ id: string }> }) {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const { data } = await adminPage(async ({ actor }) => ({
    showroom: await getShowroom(actor, id.data),
    whatsapp: await readShowroomWhatsApp(actor, id.data),
  }));
  const { showroom } = data;
  const { locale, t } = await getTranslator();
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
      <section className="space-y-2" aria-labelledby="showroom-whatsapp">
        <h2 id="showroom-whatsapp" className="text-lg font-semibold">
          {t("whatsapp.title")}
        </h2>
        <WhatsAppPanel
          locale={locale}
          view={data.whatsapp}
          scope={{ tenantId: showroom.id }}
          actions={{
            connect: connectShowroomWhatsAppAction,
            disconnect: disconnectShowroomWhatsAppAction,
            refresh: refreshShowroomWhatsAppAction,
            sendTest: sendShowroomTestMessageAction,
          }}
        />
      </section>
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
