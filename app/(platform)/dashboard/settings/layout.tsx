// The settings area's tabs: each tab is its own page (/dashboard/settings, /dashboard/settings/whatsapp),
// so a tab can be linked to and renders on the server. Add a tab here and a page beside it.
import { type SectionLink, SectionNav } from "@/components/dashboard/section-nav";
import { staffPage } from "@/lib/actions/pages";
import type { MessageKey } from "@/lib/core/i18n/messages";
import { getTranslator } from "@/lib/core/i18n/server";

const TABS: { href: string; label: MessageKey; exact?: boolean }[] = [
  { href: "/dashboard/settings", label: "whatsapp.tab.general", exact: true },
  { href: "/dashboard/settings/whatsapp", label: "whatsapp.tab.whatsapp" },
];

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  await staffPage("settings.manage");
  const { t } = await getTranslator();
  const tabs: SectionLink[] = TABS.map((tab) => ({ ...tab, label: t(tab.label) }));
  return (
    <div className="space-y-6">
      <SectionNav links={tabs} label={t("whatsapp.tabs")} className="-mx-4 -mt-6 bg-transparent sm:mx-0" />
      {children}
    </div>
  );
}
