// /dashboard/settings: profile and hours, branding with a live preview, credit defaults and custom
// domains, for whoever holds settings.manage (refused server-side otherwise).
import { BrandingEditor } from "@/components/dashboard/settings/branding-editor";
import { CreditForm } from "@/components/dashboard/settings/credit-form";
import { DomainsEditor } from "@/components/dashboard/settings/domains-editor";
import { ProfileForm } from "@/components/dashboard/settings/profile-form";
import { SalesLimitsForm } from "@/components/dashboard/settings/sales-limits-form";
import { staffPage } from "@/lib/actions/pages";
import { getTranslator } from "@/lib/core/i18n/server";
import { brandingImages } from "@/lib/settings/branding";
import { readSalesLimits } from "@/lib/settings/sales-limits";
import { readSettings } from "@/lib/settings/settings";

export default async function SettingsPage() {
  const { user, data } = await staffPage("settings.manage", async ({ tx, user }) => ({
    settings: await readSettings(tx, user.tenantId),
    salesLimits: await readSalesLimits(tx, user.tenantId),
  }));
  const { settings, salesLimits } = data;
  const { locale, t } = await getTranslator();
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight">{t("settings.title")}</h1>
        <p className="text-sm text-muted-foreground">{t("settings.intro")}</p>
      </div>
      <BrandingEditor
        locale={locale}
        theme={settings.theme}
        images={brandingImages(settings.theme, user.tenantId)}
        showroomName={settings.profile.name}
        tagline={settings.profile.tagline ?? ""}
      />
      <ProfileForm locale={locale} profile={settings.profile} />
      <CreditForm locale={locale} credit={settings.credit} />
      <SalesLimitsForm locale={locale} limits={salesLimits} />
      <DomainsEditor locale={locale} domains={settings.domains} slug={settings.slug} />
    </div>
  );
}
