// Platform defaults; secrets are write-only and reach the browser only masked.

import { PlatformSettingsForm } from "@/components/admin/console-forms";
import { Card, CardContent } from "@/components/ui/card";
import { adminPage } from "@/lib/actions/pages";
import { readPlatformSettings } from "@/lib/admin/settings";
import { getTranslator } from "@/lib/core/i18n/server";

export default async function SettingsPage() {
  const { data: values } = await adminPage(({ actor }) => readPlatformSettings(actor));
  const { locale, t } = await getTranslator();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">{t("admin.settings.title")}</h1>
      <Card>
        <CardContent className="pt-6">
          <PlatformSettingsForm locale={locale} values={values} />
        </CardContent>
      </Card>
    </div>
  );
}
