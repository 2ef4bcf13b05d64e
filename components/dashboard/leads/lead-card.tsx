// One lead as a compact card for the pipeline board and the list.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/lib/analytics/format";
import { type Locale, translator } from "@/lib/core/i18n/messages";
import type { LeadRow } from "@/lib/leads/leads";

export function LeadCard({
  lead,
  locale,
  showStatus = false,
}: {
  lead: LeadRow;
  locale: Locale;
  showStatus?: boolean;
}) {
  const t = translator(locale);
  const overdue =
    lead.followUpAt &&
    lead.followUpAt.getTime() < Date.now() &&
    lead.status !== "won" &&
    lead.status !== "lost";
  return (
    <Link
      href={`/dashboard/leads/${lead.id}`}
      className="block space-y-1.5 rounded-md border border-border bg-background p-3 shadow-sm hover:border-primary"
      data-testid="lead-card"
    >
      <div className="flex items-start justify-between gap-2">
        <p className="truncate font-medium">{lead.name}</p>
        {showStatus ? <Badge variant="secondary">{t(`leads.status.${lead.status}`)}</Badge> : null}
      </div>
      {lead.vehicle ? (
        <p className="truncate text-sm">
          {lead.vehicle.brand} {lead.vehicle.model} {lead.vehicle.year}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-muted-foreground">
        <span>{t(`leads.source.${lead.source}`)}</span>
        <span>{lead.assignee?.name ?? t("leads.unassigned")}</span>
        <span>{t("leads.created", { date: formatDate(lead.createdAt, locale) })}</span>
      </div>
      {lead.followUpAt ? (
        <p className={overdue ? "text-xs font-semibold text-destructive" : "text-xs text-muted-foreground"}>
          {t("leads.followUpOn", { date: formatDate(lead.followUpAt, locale) })}
        </p>
      ) : null}
    </Link>
  );
}
