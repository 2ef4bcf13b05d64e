import { TopBar } from "@/components/dashboard/top-bar";
import { staffPage } from "@/lib/auth/guards";
import { getTranslator } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await staffPage();
  const { locale, t } = await getTranslator();
  return (
    <div className="min-h-dvh bg-muted/30">
      <TopBar home="/dashboard" area={user.tenantName} locale={locale} languageLabel={t("lang.label")} logoutLabel={t("nav.logout")} logoutTo="/login" />
      <div className="mx-auto max-w-6xl px-4 py-6">{children}</div>
    </div>
  );
}
