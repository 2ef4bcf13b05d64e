// A custom domain's verification state in plain words: the status badge, when it was last checked
// and why it did not check out. Shared by the owner's settings and the platform console.
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/lib/analytics/format";
import { type Locale, translator } from "@/lib/core/i18n/messages";
import type { CustomDomainView } from "@/lib/settings/custom-domains";

const BADGE = { verified: "success", pending: "warning", failed: "destructive" } as const;

export function DomainStatusBadge({ domain, locale }: { domain: CustomDomainView; locale: Locale }) {
  const t = translator(locale);
  return (
    <Badge variant={BADGE[domain.status]} data-testid="domain-status" data-status={domain.status}>
      {t(`domains.status.${domain.status}`)}
    </Badge>
  );
}

export function DomainStatusDetails({ domain, locale }: { domain: CustomDomainView; locale: Locale }) {
  const t = translator(locale);
  const at = (iso: string) => formatDate(new Date(iso), locale, true);
  const lines: string[] = [];
  if (domain.checking) lines.push(t("domains.checking"));
  lines.push(
    domain.lastCheckedAt
      ? t("domains.lastChecked", { at: at(domain.lastCheckedAt) })
      : t("domains.neverChecked"),
  );
  if (domain.problem) lines.push(t(`domains.problem.${domain.problem}`, { name: domain.record.name }));
  if (domain.stopsServingAt) lines.push(t("domains.stopsServing", { at: at(domain.stopsServingAt) }));
  else if (domain.status === "verified" && domain.verifiedAt)
    lines.push(t("domains.verifiedSince", { at: at(domain.verifiedAt) }));
  if (domain.nextCheckAt && !domain.checking)
    lines.push(t("domains.nextCheck", { at: at(domain.nextCheckAt) }));
  if (domain.status !== "verified") lines.push(t("domains.unverifiedServesNothing"));
  return (
    <div className="space-y-0.5 text-sm text-muted-foreground" data-testid="domain-details">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
