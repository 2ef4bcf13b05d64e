import Link from "next/link";
import { LanguageSwitch } from "@/components/site/language-switch";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { getTranslator } from "@/lib/core/i18n/server";

export default async function PlatformHome() {
  const { locale, t } = await getTranslator();
  const features = [
    { title: t("home.feature.catalog"), text: t("home.feature.catalogText") },
    { title: t("home.feature.dashboard"), text: t("home.feature.dashboardText") },
    { title: t("home.feature.whatsapp"), text: t("home.feature.whatsappText") },
  ];
  return (
    <main className="mx-auto flex min-h-dvh max-w-5xl flex-col gap-10 px-4 py-6 sm:px-6">
      <header className="flex items-center justify-between">
        <span className="text-lg font-semibold tracking-tight text-primary">{t("app.name")}</span>
        <LanguageSwitch locale={locale} label={t("lang.label")} />
      </header>
      <section className="space-y-5 pt-4 sm:pt-12">
        <h1 className="max-w-3xl text-3xl font-bold tracking-tight sm:text-5xl">{t("home.title")}</h1>
        <p className="max-w-2xl text-base text-muted-foreground sm:text-lg">{t("home.lead")}</p>
        <div className="flex flex-col gap-3 sm:flex-row">
          <Button asChild size="lg">
            <Link href="/login">{t("home.staffLogin")}</Link>
          </Button>
          <Button asChild size="lg" variant="outline">
            <Link href="/admin/login">{t("home.adminLogin")}</Link>
          </Button>
        </div>
      </section>
      <section className="grid gap-4 sm:grid-cols-3">
        {features.map((feature) => (
          <Card key={feature.title}>
            <CardHeader>
              <CardTitle>
                <h2 className="text-base">{feature.title}</h2>
              </CardTitle>
            </CardHeader>
            <CardContent className="text-sm text-muted-foreground">{feature.text}</CardContent>
          </Card>
        ))}
      </section>
    </main>
  );
}
