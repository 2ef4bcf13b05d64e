// Showrooms: search, key figures (cars, leads, conversations, AI spend this month) and creation.
import Link from "next/link";
import { CreateShowroomForm, ShowroomStatusBadge } from "@/components/admin/console-forms";
import { TitledCard } from "@/components/ui/card";
import { SearchForm } from "@/components/ui/search-form";
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
      <TitledCard
        title={t("admin.showrooms")}
        description={t("admin.showroomCount", { count: showrooms.length })}
        contentClassName="space-y-3"
      >
        <SearchForm
          defaultValue={search.q}
          label={t("admin.showrooms.search")}
          submitLabel={t("admin.showrooms.searchButton")}
        />
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
                <ShowroomStatusBadge locale={locale} status={showroom.status} />
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
      </TitledCard>
      <TitledCard title={t("admin.create.title")}>
        <CreateShowroomForm locale={locale} />
      </TitledCard>
    </div>
  );
}
