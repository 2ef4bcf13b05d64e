// /dashboard/audit: this showroom's audit trail (audit.read), filtered and paginated through the URL.
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { staffPage } from "@/lib/actions/pages";
import { AuditFilters, auditFilterChoices, listAuditEntries } from "@/lib/analytics/audit-entries";
import { formatDate } from "@/lib/analytics/format";
import { getTranslator } from "@/lib/core/i18n/server";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text || undefined;
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const { locale, t } = await getTranslator();
  const params = await searchParams;
  const filters = AuditFilters.parse({
    entity: first(params.entity),
    action: first(params.action),
    user: first(params.user),
    from: first(params.from),
    to: first(params.to),
    page: first(params.page),
  });
  const {
    data: { result, choices },
  } = await staffPage("audit.read", async ({ tx }) => ({
    result: await listAuditEntries(tx, filters),
    choices: await auditFilterChoices(tx),
  }));

  const pageHref = (page: number) => {
    const query = new URLSearchParams();
    for (const key of ["entity", "action", "user", "from", "to"] as const) {
      const value = filters[key];
      if (value) query.set(key, value);
    }
    query.set("page", String(page));
    return `/dashboard/audit?${query.toString()}`;
  };

  return (
    <div className="space-y-5">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight">{t("audit.title")}</h1>
        <p className="text-sm text-muted-foreground">{t("audit.intro")}</p>
      </div>
      <form method="get" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6 lg:items-end">
        <div className="space-y-1">
          <Label htmlFor="audit-entity">{t("audit.entity")}</Label>
          <NativeSelect id="audit-entity" name="entity" defaultValue={filters.entity ?? ""}>
            <option value="">{t("audit.all")}</option>
            {choices.entities.map((entity) => (
              <option key={entity}>{entity}</option>
            ))}
          </NativeSelect>
        </div>
        <div className="space-y-1">
          <Label htmlFor="audit-action">{t("audit.action")}</Label>
          <NativeSelect id="audit-action" name="action" defaultValue={filters.action ?? ""}>
            <option value="">{t("audit.all")}</option>
            {choices.actions.map((action) => (
              <option key={action}>{action}</option>
            ))}
          </NativeSelect>
        </div>
        <div className="col-span-2 space-y-1 sm:col-span-1">
          <Label htmlFor="audit-user">{t("audit.user")}</Label>
          <NativeSelect id="audit-user" name="user" defaultValue={filters.user ?? ""}>
            <option value="">{t("audit.all")}</option>
            {choices.users.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="space-y-1">
          <Label htmlFor="audit-from">{t("audit.from")}</Label>
          <Input id="audit-from" type="date" name="from" defaultValue={filters.from ?? ""} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="audit-to">{t("audit.to")}</Label>
          <Input id="audit-to" type="date" name="to" defaultValue={filters.to ?? ""} />
        </div>
        <div className="col-span-2 flex gap-2 sm:col-span-1">
          <Button type="submit" className="flex-1">
            {t("audit.filter")}
          </Button>
          <Button asChild variant="outline">
            <Link href="/dashboard/audit">{t("audit.reset")}</Link>
          </Button>
        </div>
      </form>
      <p className="text-sm text-muted-foreground" data-testid="audit-total">
        {t("audit.total", { count: result.total })}
      </p>
      {result.entries.length ? (
        <Card>
          <ol className="divide-y divide-border" data-testid="audit-entries">
            {result.entries.map((entry) => (
              <li key={entry.id} className="space-y-2 p-4" data-testid="audit-entry">
                <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                  <p className="font-mono text-sm font-semibold">{entry.action}</p>
                  <p className="text-xs text-muted-foreground">{formatDate(entry.createdAt, locale, true)}</p>
                </div>
                <p className="break-all text-xs text-muted-foreground">
                  {entry.actorEmail ?? t("audit.system")}
                  {entry.ip ? ` · ${entry.ip}` : ""} · {entry.entity}
                  {entry.entityId ? ` ${entry.entityId.slice(0, 8)}` : ""}
                </p>
                {entry.changes.length ? (
                  <dl className="grid gap-1 text-sm">
                    {entry.changes.slice(0, 12).map((change) => (
                      <div key={change.field} className="grid grid-cols-[minmax(0,7rem)_1fr] gap-2">
                        <dt className="truncate text-muted-foreground">{change.field}</dt>
                        <dd className="min-w-0 break-words">
                          {change.before !== null ? (
                            <del className="text-destructive/80">{change.before.slice(0, 200)}</del>
                          ) : null}
                          {change.before !== null && change.after !== null ? (
                            <span aria-hidden> → </span>
                          ) : null}
                          {change.after !== null ? (
                            <ins className="text-emerald-700 no-underline">{change.after.slice(0, 200)}</ins>
                          ) : null}
                        </dd>
                      </div>
                    ))}
                  </dl>
                ) : (
                  <p className="text-xs text-muted-foreground">{t("audit.noChanges")}</p>
                )}
              </li>
            ))}
          </ol>
        </Card>
      ) : (
        <p className="rounded-lg border border-dashed border-border p-6 text-center text-sm text-muted-foreground">
          {t("audit.empty")}
        </p>
      )}
      <nav
        className="flex items-center justify-between gap-2"
        aria-label={t("audit.page", { page: filters.page, pages: result.pages })}
      >
        {filters.page > 1 ? (
          <Button asChild variant="outline">
            <Link href={pageHref(filters.page - 1)}>{t("audit.previous")}</Link>
          </Button>
        ) : (
          <span />
        )}
        <span className="text-sm text-muted-foreground">
          {t("audit.page", { page: filters.page, pages: result.pages })}
        </span>
        {filters.page < result.pages ? (
          <Button asChild variant="outline">
            <Link href={pageHref(filters.page + 1)}>{t("audit.next")}</Link>
          </Button>
        ) : (
          <span />
        )}
      </nav>
    </div>
  );
}
