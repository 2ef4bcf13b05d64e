import Link from "next/link";
import { notFound } from "next/navigation";
import { loadShowroom } from "@/lib/catalog/showroom";
import { catalogBase } from "@/lib/tenancy/resolve";
import { themeStyle } from "@/lib/tenancy/theme";
import { getTranslator } from "@/lib/i18n/server";
import { LanguageSwitch } from "@/components/site/language-switch";

export default async function ShowroomLayout({ children, params }: { children: React.ReactNode; params: Promise<{ tenant: string }> }) {
  const segment = (await params).tenant;
  const showroom = await loadShowroom(segment);
  const { locale, t } = await getTranslator();
  if (showroom.state === "missing") notFound();
  if (showroom.state === "suspended") {
    return (
      <main className="flex min-h-dvh flex-col items-center justify-center gap-2 px-4 text-center">
        <h1 className="text-xl font-semibold">{t("catalog.unavailable")}</h1>
      </main>
    );
  }
  const { tenant, theme } = showroom;
  const base = await catalogBase(tenant.slug);
  return (
    <div style={themeStyle(theme)} className="flex min-h-dvh flex-col">
      <header className="sticky top-0 z-30 border-b border-border bg-background/95 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-3 px-4">
          <Link href={base || "/"} className="truncate text-lg font-bold tracking-tight text-primary">
            {tenant.name}
          </Link>
          <nav className="flex items-center gap-1 text-sm font-medium">
            <Link href={`${base}/vehicles`} className="rounded-md px-2 py-2 hover:bg-muted">
              {t("catalog.search")}
            </Link>
            <Link href={`${base}/contact`} className="rounded-md px-2 py-2 hover:bg-muted">
              {t("catalog.contact")}
            </Link>
            <LanguageSwitch locale={locale} label={t("lang.label")} className="hidden sm:flex" />
          </nav>
        </div>
      </header>
      <div className="flex-1">{children}</div>
      <footer className="border-t border-border bg-muted/40">
        <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-6 text-sm text-muted-foreground sm:flex-row sm:items-center sm:justify-between">
          <span>
            {tenant.name}
            {tenant.address ? ` · ${tenant.address}` : ""}
          </span>
          <LanguageSwitch locale={locale} label={t("lang.label")} className="sm:hidden" />
        </div>
      </footer>
    </div>
  );
}
