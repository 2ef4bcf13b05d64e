// Root layout of every showroom catalog. It reads nothing from cookies or headers (the proxy put
// the language and host kind into the segment), so Next can cache the pages under it. The theme
// arrives only as validated CSS variables (themeStyle) and storage keys of the showroom's own images.
import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import "../globals.css";
import { LanguageSwitch } from "@/components/site/language-switch";
import { Toaster } from "@/components/ui/toaster";
import { loadShowroom } from "@/lib/catalog/showroom";
import { brandingImages } from "@/lib/settings/branding";
import { themeStyle } from "@/lib/tenancy/theme";

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/** The favicon is per showroom; pages below set their own titles. */
export async function generateMetadata({
  params,
}: {
  params: Promise<{ tenant: string }>;
}): Promise<Metadata> {
  const showroom = await loadShowroom((await params).tenant);
  if (showroom.state !== "open") return { title: "autolumiku" };
  const favicon = brandingImages(showroom.theme, showroom.tenant.id).favicon;
  if (!favicon) return { title: showroom.tenant.name };
  return {
    title: showroom.tenant.name,
    icons: {
      icon: [{ url: favicon.url, type: "image/png", sizes: `${favicon.width}x${favicon.height}` }],
      apple: [{ url: favicon.url, sizes: `${favicon.width}x${favicon.height}` }],
    },
  };
}

/** Rendered on first visit, then served from the cache until a change revalidates its tag. */
export const dynamicParams = true;
export const revalidate = 86400;
export function generateStaticParams(): { tenant: string }[] {
  return [];
}

export default async function ShowroomLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ tenant: string }>;
}) {
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
  const { logo } = brandingImages(theme, tenant.id);
  return (
    <html lang={locale}>
      {/* On body, not a wrapper: the toaster is themed too, and font-sans resolves --font-sans-family here. */}
      <body
        style={themeStyle(theme)}
        className="min-h-dvh bg-background font-sans text-foreground antialiased"
      >
        <div className="flex min-h-dvh flex-col">
          <header className="sticky top-0 z-30 border-b-2 border-brand-secondary bg-background/95 backdrop-blur">
            <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-3 px-4">
              <Link
                href={base || "/"}
                className="flex min-w-0 items-center truncate text-lg font-bold tracking-tight text-primary"
                data-testid="catalog-home-link"
              >
                {logo ? (
                  // A plain img: the file is already resized and served immutable; width/height keep the header from shifting.
                  // eslint-disable-next-line @next/next/no-img-element
                  <img
                    src={logo.url}
                    alt={tenant.name}
                    width={logo.width}
                    height={logo.height}
                    className="h-10 w-auto max-w-[11rem] object-contain"
                    data-testid="catalog-logo"
                  />
                ) : (
                  tenant.name
                )}
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
          <footer className="bg-brand-secondary text-brand-secondary-foreground">
            <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-6 text-sm opacity-90 sm:flex-row sm:items-center sm:justify-between">
              <span>
                {tenant.name}
                {tenant.address ? ` · ${tenant.address}` : ""}
              </span>
              {/* On the light pill its own colours stay readable, whatever the secondary colour is. */}
              <LanguageSwitch
                locale={locale}
                label={t("lang.label")}
                className="self-start rounded-lg bg-background p-1 sm:hidden"
              />
            </div>
          </footer>
        </div>
        <Toaster />
      </body>
    </html>
  );
}
