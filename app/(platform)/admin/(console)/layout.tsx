// The console frame. adminPage() requires an active super admin whose session passed the second factor.
import Link from "next/link";
import { TopBar } from "@/components/dashboard/top-bar";
import { adminPage } from "@/lib/actions/pages";
import { getTranslator } from "@/lib/core/i18n/server";

export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await adminPage();
  const { locale, t } = await getTranslator();
  const links = [
    { href: "/admin", label: t("admin.nav.showrooms") },
    { href: "/admin/users", label: t("admin.nav.users") },
    { href: "/admin/health", label: t("admin.nav.health") },
    { href: "/admin/audit", label: t("admin.nav.audit") },
    { href: "/admin/settings", label: t("admin.nav.settings") },
  ];
  return (
    <div className="min-h-dvh bg-muted/30">
      <TopBar
        home="/admin"
        area={t("admin.title")}
        locale={locale}
        languageLabel={t("lang.label")}
        logoutLabel={t("nav.logout")}
        account={{ href: "/account", label: t("security.account.nav") }}
        logoutTo="/admin/login"
      />
      <nav className="border-b border-border bg-background" aria-label={t("admin.title")}>
        <div className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-4 py-2">
          {links.map((link) => (
            <Link
              key={link.href}
              href={link.href}
              className="whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium hover:bg-muted"
            >
              {link.label}
            </Link>
          ))}
        </div>
      </nav>
      <div className="mx-auto max-w-6xl px-4 py-6">{children}</div>
    </div>
  );
}
