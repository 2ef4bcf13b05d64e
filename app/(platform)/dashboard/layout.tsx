import { NotificationBell } from "@/components/dashboard/notifications/bell";
import { type SectionLink, SectionNav } from "@/components/dashboard/section-nav";
import { TopBar } from "@/components/dashboard/top-bar";
import { staffPage } from "@/lib/actions/pages";
import { can, type Permission } from "@/lib/auth/permissions";
import type { MessageKey } from "@/lib/core/i18n/messages";
import { getTranslator } from "@/lib/core/i18n/server";

export const dynamic = "force-dynamic";

const SECTIONS: { href: string; label: MessageKey; permission: Permission }[] = [
  { href: "/dashboard", label: "nav.overview", permission: "dashboard.view" },
  { href: "/dashboard/vehicles", label: "nav.vehicles", permission: "vehicles.read" },
  { href: "/dashboard/command", label: "nav.command", permission: "vehicles.write" },
  { href: "/dashboard/leads", label: "nav.leads", permission: "leads.read.own" },
  { href: "/dashboard/inbox", label: "nav.inbox", permission: "conversations.read" },
  { href: "/dashboard/simulator", label: "nav.simulator", permission: "settings.manage" },
  { href: "/dashboard/staff", label: "nav.staff", permission: "staff.manage" },
  { href: "/dashboard/settings", label: "nav.settings", permission: "settings.manage" },
  { href: "/dashboard/audit", label: "nav.audit", permission: "audit.read" },
];

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await staffPage();
  const { locale, t } = await getTranslator();
  const links: SectionLink[] = SECTIONS.filter((section) => can(user.role, section.permission)).map(
    (section) => ({ href: section.href, label: t(section.label) }),
  );
  return (
    <div className="min-h-dvh bg-muted/30">
      <TopBar
        home="/dashboard"
        area={user.tenantName}
        locale={locale}
        languageLabel={t("lang.label")}
        logoutLabel={t("nav.logout")}
        account={{ href: "/account", label: t("security.account.nav") }}
        logoutTo="/login"
        extras={<NotificationBell locale={locale} />}
      />
      <SectionNav links={links} label={t("nav.sections")} />
      <div className="mx-auto max-w-6xl px-4 py-6">{children}</div>
    </div>
  );
}
