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
  ShowroomStatusBadge,
  ShowroomStatusButton,
} from "@/components/admin/console-forms";
import { DomainStatusBadge, DomainStatusDetails } from "@/components/dashboard/settings/domain-status";
import { WhatsAppPanel } from "@/components/dashboard/whatsapp/whatsapp-panel";
import { TitledCard } from "@/components/ui/card";
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
        <ShowroomStatusBadge locale={locale} status={showroom.status} data-testid="showroom-status" />
      </div>
      <p className="text-sm text-muted-foreground">/{showroom.slug}</p>
      <TitledCard title={t("admin.status.title")} contentClassName="space-y-2">
        <p className="text-sm text-muted-foreground">{t("admin.status.help")}</p>
        <ShowroomStatusButton locale={locale} tenantId={showroom.id} status={showroom.status} />
      </TitledCard>
      <TitledCard title={t("admin.limits.title")}>
        <ShowroomLimitsForm locale={locale} tenantId={showroom.id} limits={showroom} />
      </TitledCard>
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
      <TitledCard title={t("domains.console.title")}>
        {showroom.domains.length ? (
          <ul className="divide-y divide-border" data-testid="console-domains">
            {showroom.domains.map((domain) => (
              <li key={domain.id} className="space-y-1 py-2" data-domain={domain.domain}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="break-all font-mono text-sm">{domain.displayName}</span>
                  <DomainStatusBadge domain={domain} locale={locale} />
                </div>
                <DomainStatusDetails domain={domain} locale={locale} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">{t("domains.console.none")}</p>
        )}
      </TitledCard>
      <TitledCard title={t("admin.delete.title")} contentClassName="space-y-3">
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
      </TitledCard>
    </div>
  );
}
