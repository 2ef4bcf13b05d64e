// /dashboard/leads: the pipeline board or a list (?view=list), filtered by status, source and text;
// every bit of state lives in the URL. Sales staff see their own leads only (lib/leads/leads.ts).
import Link from "next/link";
import { LeadCard } from "@/components/dashboard/leads/lead-card";
import { NewLeadForm } from "@/components/dashboard/leads/new-lead-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { staffPage } from "@/lib/actions/pages";
import { can } from "@/lib/auth/permissions";
import { getTranslator } from "@/lib/core/i18n/server";
import { LEAD_SOURCES, LEAD_STATUSES, LeadFilters, listLeads } from "@/lib/leads/leads";
import { cn } from "@/lib/utils";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function LeadsPage({ searchParams }: { searchParams: SearchParams }) {
  const { locale, t } = await getTranslator();
  const params = await searchParams;
  const view = first(params.view) === "list" ? "list" : "board";
  const filters = LeadFilters.parse({
    status: first(params.status),
    source: first(params.source),
    q: first(params.q) || undefined,
  });
  const { user, data: leads } = await staffPage("leads.read.own", ({ tx, user }) =>
    listLeads(tx, user, filters),
  );
  const seesAll = can(user.role, "leads.read.all");

  const hrefFor = (next: "board" | "list") => {
    const query = new URLSearchParams();
    if (next === "list") query.set("view", "list");
    if (filters.status) query.set("status", filters.status);
    if (filters.source) query.set("source", filters.source);
    if (filters.q) query.set("q", filters.q);
    const text = query.toString();
    return `/dashboard/leads${text ? `?${text}` : ""}`;
  };

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold tracking-tight">{t("leads.title")}</h1>
          <p className="text-sm text-muted-foreground">
            {t(seesAll ? "leads.intro.all" : "leads.intro.own")}
          </p>
        </div>
        <nav
          aria-label={t("leads.view")}
          className="inline-flex rounded-md border border-border bg-background p-1"
        >
          {(["board", "list"] as const).map((option) => (
            <Link
              key={option}
              href={hrefFor(option)}
              aria-current={view === option ? "page" : undefined}
              className={cn(
                "inline-flex min-h-9 items-center rounded px-3 text-sm font-medium",
                view === option ? "bg-primary text-primary-foreground" : "text-muted-foreground",
              )}
            >
              {t(`leads.view.${option}`)}
            </Link>
          ))}
        </nav>
      </div>

      <form
        method="get"
        className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap"
        aria-label={t("leads.filter")}
      >
        {view === "list" ? <input type="hidden" name="view" value="list" /> : null}
        <Input
          name="q"
          defaultValue={filters.q ?? ""}
          placeholder={t("leads.search")}
          aria-label={t("leads.search")}
          className="col-span-2 sm:w-56"
        />
        <NativeSelect
          name="status"
          defaultValue={filters.status ?? ""}
          aria-label={t("leads.status")}
          className="sm:w-44"
        >
          <option value="">{t("leads.allStatuses")}</option>
          {LEAD_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`leads.status.${status}`)}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect
          name="source"
          defaultValue={filters.source ?? ""}
          aria-label={t("leads.source")}
          className="sm:w-44"
        >
          <option value="">{t("leads.allSources")}</option>
          {LEAD_SOURCES.map((source) => (
            <option key={source} value={source}>
              {t(`leads.source.${source}`)}
            </option>
          ))}
        </NativeSelect>
        <Button type="submit" variant="outline" className="col-span-2 sm:col-span-1">
          {t("leads.filter")}
        </Button>
      </form>

      <p className="text-sm text-muted-foreground" data-testid="lead-count">
        {t("leads.count", { count: leads.length })}
      </p>

      {view === "board" ? (
        <div
          className="-mx-4 flex snap-x snap-mandatory scroll-px-4 gap-3 overflow-x-auto px-4 pb-2"
          data-testid="lead-board"
        >
          {LEAD_STATUSES.filter((status) => !filters.status || filters.status === status).map((status) => {
            const column = leads.filter((lead) => lead.status === status);
            return (
              <section
                key={status}
                aria-label={t(`leads.status.${status}`)}
                className="w-[80vw] max-w-72 shrink-0 snap-start space-y-2 rounded-lg bg-muted/60 p-2 sm:w-64"
              >
                <h2 className="flex items-center justify-between px-1 text-sm font-semibold">
                  {t(`leads.status.${status}`)}
                  <span className="rounded-full bg-background px-2 text-xs text-muted-foreground">
                    {column.length}
                  </span>
                </h2>
                <ul className="space-y-2">
                  {column.map((lead) => (
                    <li key={lead.id}>
                      <LeadCard lead={lead} locale={locale} />
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      ) : leads.length ? (
        <ul className="space-y-2" data-testid="lead-list">
          {leads.map((lead) => (
            <li key={lead.id}>
              <LeadCard lead={lead} locale={locale} showStatus />
            </li>
          ))}
        </ul>
      ) : (
        <p className="rounded-lg border border-dashed border-border p-6 text-center text-sm text-muted-foreground">
          {t("leads.empty")}
        </p>
      )}

      <NewLeadForm locale={locale} />
    </div>
  );
}
