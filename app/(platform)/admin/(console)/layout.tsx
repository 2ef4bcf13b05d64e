import { TopBar } from "@/components/dashboard/top-bar";
import { adminPage } from "@/lib/auth/guards";
import { getTranslator } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await adminPage();
  const { locale, t } = await getTranslator();
  return (
    <div className="min-h-dvh bg-muted/30">
      <TopBar home="/admin" area={t("admin.title")} locale={locale} languageLabel={t("lang.label")} logoutLabel={t("nav.logout")} logoutTo="/admin/login" />
      <div className="mx-auto max-w-6xl px-4 py-6">{children}</div>
    </div>
  );
}
