// Root layout of every showroom catalog. It reads nothing from cookies or headers (the proxy put
// the language and host kind into the segment), so Next can cache the pages under it.
import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import "../globals.css";
import { loadShowroom } from "@/lib/catalog/showroom";
import { themeStyle } from "@/lib/tenancy/theme";
import { LanguageSwitch } from "@/components/site/language-switch";
import { Toaster } from "@/components/ui/toaster";

export const viewport: Viewport = { width: "device-width", initialScale: 1 };
export const metadata: Metadata = { title: "autolumiku" };

/** Rendered on first visit, then served from the cache until a change revalidates its tag. */
export const dynamicParams = true;
export const revalidate = 86400;
export function generateStaticParams(): { tenant: string }[] {
  return [];
}

export default async function ShowroomLayout({ children, params }: { children: React.ReactNode; params: Promise<{ tenant: string }> }) {
  const showroom = await loadShowroom((await params).tenant);
  if (showroom.state === "missing") notFound();
  if (showroom.state === "suspended") {
    return (
      <html lang={showroom.locale}>
        <body className="min-h-dvh bg-background font-sans text-foreground antialiased">
          <main className="flex min-h-dvh flex-col items-center justify-center gap-2 px-4 text-center">
            <h1 className="text-xl font-semibold" data-testid="unavailable">
              {showroom.t("catalog.unavailable")}
            </h1>
          </main>
        </body>
      </html>
    );
  }
  const { tenant, theme, base, locale, t } = showroom;
  return (
    <html lang={locale}>
      <body className="min-h-dvh bg-background font-sans text-foreground antialiased">
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
        <Toaster />
      </body>
    </html>
  );
}
