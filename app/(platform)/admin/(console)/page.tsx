// Showrooms: search, key figures (cars, leads, conversations, AI spend this month) and creation.
import Link from "next/link";
import { CreateShowroomForm } from "@/components/admin/console-forms";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { adminPage } from "@/lib/actions/pages";
import { listShowrooms, ShowroomSearch } from "@/lib/admin/showrooms";
import { getTranslator } from "@/lib/core/i18n/server";

const usd = (micro: number) => `$${(micro / 1_000_000).toFixed(2)}`;

export default async function AdminHome({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const search = ShowroomSearch.catch({}).parse(await searchParams);
  const { user, data: showrooms } = await adminPage(({ actor }) => listShowrooms(actor, search));
  const { locale, t } = await getTranslator();
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight">{t("admin.title")}</h1>
        <p className="text-sm text-muted-foreground" data-testid="signed-in-as">
          {t("admin.signedInAs", { email: user.email })}
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t("admin.showrooms")}</CardTitle>
          <p className="text-sm text-muted-foreground">
            {t("admin.showroomCount", { count: showrooms.length })}
          </p>
        </CardHeader>
        <CardContent className="space-y-3">
          <form className="flex gap-2" method="get">
            <Input
              name="q"
              defaultValue={search.q}
              placeholder={t("admin.showrooms.search")}
              aria-label={t("admin.showrooms.search")}
            />
            <Button type="submit" variant="outline">
              {t("admin.showrooms.searchButton")}
            </Button>
          </form>
          <ul className="divide-y divide-border">
            {showrooms.map((showroom) => (
              <li
                key={showroom.id}
                className="space-y-1 py-3 text-sm"
                data-testid={`showroom-${showroom.slug}`}
              >
                <div className="flex items-center justify-between gap-2">
                  <Link href={`/admin/showrooms/${showroom.id}`} className="font-medium hover:underline">
                    {showroom.name}
                  </Link>
                  <Badge variant={showroom.status === "active" ? "success" : "warning"}>
                    {t(
                      showroom.status === "active"
                        ? "admin.showrooms.status.active"
                        : "admin.showrooms.status.suspended",
                    )}
                  </Badge>
                </div>
                <p className="text-muted-foreground">
                  /{showroom.slug}
                  {showroom.city ? ` · ${showroom.city}` : ""}
                </p>
                <p className="text-xs text-muted-foreground">
                  {t("admin.showrooms.vehicles")} {showroom.vehicles} · {t("admin.showrooms.leads")}{" "}
                  {showroom.leads} · {t("admin.showrooms.conversations")} {showroom.conversations} ·{" "}
                  {t("admin.showrooms.aiSpend")} {usd(showroom.aiSpendMicroUsd)} /{" "}
                  {usd(showroom.aiBudgetMicroUsd)}
                </p>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("admin.create.title")}</CardTitle>
        </CardHeader>
        <CardContent>
          <CreateShowroomForm locale={locale} />
        </CardContent>
      </Card>
    </div>
  );
}
