// Audit entries of every showroom and of the platform itself, filterable through the URL.
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { adminPage } from "@/lib/actions/pages";
import { AuditFilter, listAudit } from "@/lib/admin/audit";
import { getTranslator } from "@/lib/core/i18n/server";

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const filter = AuditFilter.catch({}).parse(await searchParams);
  const { data: rows } = await adminPage(({ actor }) => listAudit(actor, filter));
  const { t } = await getTranslator();
  const fields = [
    { name: "tenant", label: t("admin.audit.tenant"), type: "text", value: filter.tenant },
    { name: "action", label: t("admin.audit.action"), type: "text", value: filter.action },
    { name: "actor", label: t("admin.audit.actor"), type: "text", value: filter.actor },
    { name: "from", label: t("admin.audit.from"), type: "date", value: filter.from },
    { name: "to", label: t("admin.audit.to"), type: "date", value: filter.to },
  ];
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">{t("admin.audit.title")}</h1>
      <form method="get" className="grid gap-3 sm:grid-cols-3">
        {fields.map((field) => (
          <div key={field.name} className="space-y-1">
            <Label htmlFor={`audit-${field.name}`}>{field.label}</Label>
            <Input
              id={`audit-${field.name}`}
              name={field.name}
              type={field.type}
              defaultValue={field.value}
            />
          </div>
        ))}
        <div className="flex items-end">
          <Button type="submit" variant="outline">
            {t("admin.audit.filter")}
          </Button>
        </div>
      </form>
      <Card>
        <CardContent className="divide-y divide-border p-0">
          {rows.length === 0 && <p className="p-4 text-sm text-muted-foreground">{t("admin.audit.empty")}</p>}
          {rows.map((row) => (
            <div key={row.id} className="space-y-0.5 p-3 text-sm" data-testid="audit-row">
              <p className="font-medium">
                {row.action} <span className="text-muted-foreground">· {row.tenantSlug ?? "platform"}</span>
              </p>
              <p className="break-all text-xs text-muted-foreground">
                {row.createdAt.replace("T", " ").slice(0, 19)} · {row.actorEmail ?? "–"} · {row.entity}
                {row.entityId ? ` ${row.entityId.slice(0, 8)}` : ""}
                {row.ip ? ` · ${row.ip}` : ""}
              </p>
            </div>
          ))}
        </CardContent>
      </Card>
    </div>
  );
}
