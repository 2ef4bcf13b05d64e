// Search results. Every filter, the sort and the page live in the URL: a link shares the exact view.
import type { Metadata } from "next";
import Link from "next/link";
import { VehicleCard } from "@/components/catalog/vehicle-card";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Pager } from "@/components/ui/pager";
import { loadSearch } from "@/lib/catalog/data";
import { loadShowroom } from "@/lib/catalog/showroom";
import type { MessageKey, Translate } from "@/lib/core/i18n/messages";
import { type CatalogQuery, type FacetValue, readCatalogQuery, SORTS } from "@/lib/inventory/search";

/** Every filter combination is its own page: rendered per request, from cached search results. */
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const showroom = await loadShowroom((await params).tenant);
  if (showroom.state !== "open") return { title: "autolumiku" };
  return {
    title: `Cari mobil bekas · ${showroom.tenant.name}`,
    alternates: { canonical: `${showroom.canonicalBase}/vehicles` },
  };
}

function queryString(
  query: CatalogQuery,
  change: Partial<Record<keyof CatalogQuery, string | number | undefined>>,
): string {
  const params = new URLSearchParams();
  const merged = { ...query, ...change };
  for (const [key, value] of Object.entries(merged)) {
    if (
      value === undefined ||
      value === "" ||
      (key === "page" && value === 1) ||
      (key === "sort" && value === "newest")
    )
      continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

function FacetSelect(props: {
  name: string;
  label: string;
  value?: string;
  facets: FacetValue[];
  t: Translate;
  labelOf?: (value: string) => string;
}) {
  return (
    <Field id={`f-${props.name}`} label={props.label}>
      <NativeSelect id={`f-${props.name}`} name={props.name} defaultValue={props.value ?? ""}>
        <option value="">{props.t("catalog.all")}</option>
        {props.facets.map((facet) => (
          <option key={facet.value} value={facet.value}>
            {(props.labelOf ?? ((value: string) => value))(facet.value)} ({facet.count})
          </option>
        ))}
      </NativeSelect>
    </Field>
  );
}

export default async function VehicleSearch({ params, searchParams }: Props) {
  const showroom = await loadShowroom((await params).tenant);
  if (showroom.state !== "open") return null;
  const { tenant, t, base } = showroom;
  const query = readCatalogQuery(await searchParams);
  const result = await loadSearch(tenant.id, query);
  const transmissionLabel = (value: string) =>
    t(value === "automatic" ? "catalog.automatic" : "catalog.manual");
  const fuelLabel = (value: string) => t(`catalog.fuel.${value}` as MessageKey);
  /** The filters with a count per value, in the order a buyer narrows down. */
  const facetFilters: { name: keyof typeof result.facets; labelOf?: (value: string) => string }[] = [
    { name: "brand" },
    { name: "transmission", labelOf: transmissionLabel },
    { name: "fuel", labelOf: fuelLabel },
    { name: "body", labelOf: (value) => value.toUpperCase() },
    { name: "city" },
    { name: "color" },
  ];
  const number = (name: keyof CatalogQuery, label: string, value: unknown, placeholder?: string) => (
    <Field id={`f-${name}`} label={label}>
      <Input
        id={`f-${name}`}
        name={name}
        defaultValue={value === undefined ? "" : String(value)}
        inputMode="numeric"
        placeholder={placeholder}
      />
    </Field>
  );
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <h1 className="mb-4 text-2xl font-bold tracking-tight">{t("catalog.search")}</h1>
      <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
        <form
          method="get"
          action={`${base}/vehicles`}
          className="space-y-3"
          aria-label={t("catalog.filters")}
        >
          <Field id="f-q" label={t("catalog.query")}>
            <Input id="f-q" name="q" type="search" defaultValue={query.q ?? ""} />
          </Field>
          <details
            className="group space-y-3 lg:open"
            open={Boolean(query.brand || query.transmission || query.body || query.priceMax)}
          >
            <summary className="cursor-pointer rounded-md border border-border px-3 py-2 text-sm font-medium lg:hidden">
              {t("catalog.filters")}
            </summary>
            <div className="grid grid-cols-2 gap-3 pt-3 lg:grid-cols-1">
              {facetFilters.map((filter) => (
                <FacetSelect
                  key={filter.name}
                  name={filter.name}
                  label={t(`catalog.${filter.name}`)}
                  value={query[filter.name]}
                  facets={result.facets[filter.name]}
                  t={t}
                  labelOf={filter.labelOf}
                />
              ))}
              {number("yearMin", t("catalog.yearMin"), query.yearMin, "2015")}
              {number("yearMax", t("catalog.yearMax"), query.yearMax)}
              {number(
                "priceMin",
                t("catalog.priceMin"),
                query.priceMin === undefined ? undefined : `${query.priceMin / 1_000_000n} jt`,
                "100 jt",
              )}
              {number(
                "priceMax",
                t("catalog.priceMax"),
                query.priceMax === undefined ? undefined : `${query.priceMax / 1_000_000n} jt`,
                "300 jt",
              )}
              {number("kmMax", t("catalog.kmMax"), query.kmMax, "50000")}
              <Field id="f-sort" label={t("catalog.sort")}>
                <NativeSelect id="f-sort" name="sort" defaultValue={query.sort}>
                  {SORTS.map((sort) => (
                    <option key={sort} value={sort}>
                      {t(`catalog.sort.${sort}`)}
                    </option>
                  ))}
                </NativeSelect>
              </Field>
            </div>
          </details>
          <div className="flex gap-2">
            <Button type="submit" className="flex-1">
              {t("catalog.apply")}
            </Button>
            <Button asChild variant="ghost">
              <Link href={`${base}/vehicles`}>{t("catalog.reset")}</Link>
            </Button>
          </div>
        </form>
        <section aria-live="polite" className="space-y-4">
          <p className="text-sm text-muted-foreground" data-testid="result-count">
            {t("catalog.results", { count: result.total })}
          </p>
          {result.items.length === 0 ? (
            <p className="rounded-lg border border-dashed border-border p-6 text-center">
              {t("catalog.noResults")}
            </p>
          ) : null}
          <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">
            {result.items.map((vehicle) => (
              <VehicleCard
                key={vehicle.id}
                vehicle={vehicle}
                base={base}
                bookedLabel={t("status.booked")}
                transmissionLabel={transmissionLabel(vehicle.transmission)}
              />
            ))}
          </ul>
          {result.pages > 1 ? (
            <Pager
              page={result.page}
              pages={result.pages}
              hrefOf={(page) => `${base}/vehicles${queryString(query, { page })}`}
              text={{
                page: t("catalog.page", { page: result.page, pages: result.pages }),
                previous: t("catalog.previous"),
                next: t("catalog.next"),
              }}
            />
          ) : null}
        </section>
      </div>
    </main>
  );
}
