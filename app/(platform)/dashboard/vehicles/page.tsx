// The showroom's stock: search, status filter, sort and page all live in the URL. Cards on phones,
// a table from the small breakpoint up.
import Link from "next/link";
import { StatusBadge } from "@/components/dashboard/vehicles/status-badge";
import { Thumbnail } from "@/components/dashboard/vehicles/thumbnail";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { staffPage } from "@/lib/actions/pages";
import { can } from "@/lib/auth/permissions";
import { getTranslator } from "@/lib/core/i18n/server";
import { formatRupiah } from "@/lib/core/money";
import {
  DASHBOARD_SORTS,
  type DashboardVehicleQuery,
  daysInStock,
  listDashboardVehicles,
  readDashboardVehicleQuery,
} from "@/lib/inventory/dashboard-vehicles";
import { VEHICLE_STATUSES } from "@/lib/inventory/vehicle-input";

function pageHref(query: DashboardVehicleQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.status) params.set("status", query.status);
  if (query.sort !== "newest") params.set("sort", query.sort);
  if (page > 1) params.set("page", String(page));
  const text = params.toString();
  return `/dashboard/vehicles${text ? `?${text}` : ""}`;
}

export default async function VehiclesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = readDashboardVehicleQuery(await searchParams);
  const {
    user,
    data: { items, total, page, pages },
  } = await staffPage("vehicles.read", ({ tx }) => listDashboardVehicles(tx, query));
  const { t } = await getTranslator();
  const title = (item: (typeof items)[number]) =>
    `${item.brand} ${item.model}${item.variant ? ` ${item.variant}` : ""}`;
  const days = (item: (typeof items)[number]) =>
    item.status === "sold" ? "–" : t("vehicles.days", { days: daysInStock(item.inStockSince) });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">{t("vehicles.title")}</h1>
          <p className="text-sm text-muted-foreground" data-testid="vehicle-count">
            {t("vehicles.count", { count: total })}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {can(user.role, "vehicles.import") ? (
            <Button asChild variant="outline" size="sm">
              <Link href="/dashboard/vehicles/import">{t("vehicles.import")}</Link>
            </Button>
          ) : null}
          <Button asChild variant="outline" size="sm">
            <a href="/api/dashboard/vehicles/export" download>
              {t("vehicles.export")}
            </a>
          </Button>
          <Button asChild variant="outline" size="sm">
            <a
              href="/api/dashboard/vehicles/export?separator=semicolon"
              download
              title={t("inputs.export.excelHint")}
            >
              {t("inputs.export.excel")}
            </a>
          </Button>
          {can(user.role, "vehicles.write") ? (
            <Button asChild size="sm">
              <Link href="/dashboard/vehicles/new">{t("vehicles.add")}</Link>
            </Button>
          ) : null}
        </div>
      </div>

      <form
        method="get"
        action="/dashboard/vehicles"
        className="grid gap-2 sm:grid-cols-[1fr_auto_auto_auto]"
      >
        <Input
          name="q"
          type="search"
          defaultValue={query.q ?? ""}
          placeholder={t("vehicles.search")}
          aria-label={t("vehicles.search")}
        />
        <div className="grid grid-cols-2 gap-2 sm:contents">
          <NativeSelect
            name="status"
            defaultValue={query.status ?? ""}
            aria-label={t("vehicles.filterStatus")}
          >
            <option value="">{t("vehicles.allStatuses")}</option>
            {VEHICLE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect name="sort" defaultValue={query.sort} aria-label={t("vehicles.sort")}>
            {DASHBOARD_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`vehicles.sort.${sort}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <Button type="submit">{t("vehicles.searchButton")}</Button>
      </form>

      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border p-6 text-center text-sm text-muted-foreground">
          {t("vehicles.empty")}
        </p>
      ) : (
        <>
          <ul className="space-y-2 sm:hidden" data-testid="vehicle-cards">
            {items.map((item) => (
              <li key={item.id}>
                <Link
                  href={`/dashboard/vehicles/${item.id}`}
                  className="flex gap-3 rounded-lg border border-border bg-card p-3 shadow-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                >
                  <Thumbnail
                    photo={item.photos[0]}
                    alt={title(item)}
                    emptyLabel={t("vehicles.noPhoto")}
                    className="size-20"
                  />
                  <div className="min-w-0 flex-1 space-y-1">
                    <div className="flex items-start justify-between gap-2">
                      <p className="line-clamp-2 font-semibold leading-snug">
                        {title(item)} <span className="font-normal text-muted-foreground">{item.year}</span>
                      </p>
                      <StatusBadge status={item.status} label={t(`status.${item.status}`)} />
                    </div>
                    <p className="font-bold text-primary">{formatRupiah(item.price)}</p>
                    <p className="text-xs text-muted-foreground">
                      {item.stockCode} · {days(item)}
                    </p>
                  </div>
                </Link>
              </li>
            ))}
          </ul>
          <div className="hidden rounded-lg border border-border bg-card sm:block">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("vehicles.col.stockCode")}</TableHead>
                  <TableHead>{t("vehicles.col.photo")}</TableHead>
                  <TableHead>{t("vehicles.col.car")}</TableHead>
                  <TableHead className="text-right">{t("vehicles.col.price")}</TableHead>
                  <TableHead>{t("vehicles.col.status")}</TableHead>
                  <TableHead className="text-right">{t("vehicles.col.days")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((item) => (
                  <TableRow key={item.id}>
                    <TableCell className="font-mono text-xs">
                      <Link
                        href={`/dashboard/vehicles/${item.id}`}
                        className="font-medium text-primary underline-offset-4 hover:underline"
                      >
                        {item.stockCode}
                      </Link>
                    </TableCell>
                    <TableCell>
                      <Thumbnail
                        photo={item.photos[0]}
                        alt={title(item)}
                        emptyLabel={t("vehicles.noPhoto")}
                        className="size-12"
                      />
                    </TableCell>
                    <TableCell>
                      <Link href={`/dashboard/vehicles/${item.id}`} className="hover:underline">
                        {title(item)} <span className="text-muted-foreground">{item.year}</span>
                      </Link>
                    </TableCell>
                    <TableCell className="whitespace-nowrap text-right font-medium">
                      {formatRupiah(item.price)}
                    </TableCell>
                    <TableCell>
                      <StatusBadge status={item.status} label={t(`status.${item.status}`)} />
                    </TableCell>
                    <TableCell className="whitespace-nowrap text-right">{days(item)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}

      {pages > 1 ? (
        <nav
          className="flex items-center justify-between gap-2 text-sm"
          aria-label={t("vehicles.page", { page, pages })}
        >
          {page > 1 ? (
            <Button asChild variant="outline" size="sm">
              <Link href={pageHref(query, page - 1)}>{t("vehicles.previous")}</Link>
            </Button>
          ) : (
            <span />
          )}
          <span className="text-muted-foreground">{t("vehicles.page", { page, pages })}</span>
          {page < pages ? (
            <Button asChild variant="outline" size="sm">
              <Link href={pageHref(query, page + 1)}>{t("vehicles.next")}</Link>
            </Button>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}
