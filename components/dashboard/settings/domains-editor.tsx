"use client";
// Custom domains: claim one (validated, refused for platform names and look-alikes), add the TXT
// record shown, press Verify, and follow the check's outcome; remove a domain.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import {
  addDomainAction,
  checkDomainAction,
  removeDomainAction,
} from "@/app/(platform)/dashboard/settings/actions";
import { DomainStatusBadge, DomainStatusDetails } from "@/components/dashboard/settings/domain-status";
import { FieldError, useSave } from "@/components/dashboard/settings/use-save";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { type Locale, translator } from "@/lib/core/i18n/messages";
import type { CustomDomainView } from "@/lib/settings/custom-domains";

/** While a requested check has not run, the page looks again every few seconds. */
function useRefreshWhile(active: boolean) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 3000);
    return () => clearInterval(timer);
  }, [active, router]);
}

function TxtRecord({ domain, locale }: { domain: CustomDomainView; locale: Locale }) {
  const t = translator(locale);
  const rows = [
    [t("domains.recordType"), "TXT", "record-type"],
    [t("domains.recordName"), domain.record.name, "record-name"],
    [t("domains.recordValue"), domain.record.value, "record-value"],
  ] as const;
  return (
    <div className="space-y-1">
      <p className="text-sm">{t("domains.recordHelp")}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-md bg-muted px-3 py-2 text-sm">
        {rows.map(([label, value, testId]) => (
          <div key={testId} className="contents">
            <dt className="text-muted-foreground">{label}</dt>
            <dd className="select-all break-all font-mono" data-testid={testId}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-muted-foreground">{t("domains.pointHelp")}</p>
    </div>
  );
}

export function DomainsEditor({
  locale,
  domains,
  slug,
}: {
  locale: Locale;
  domains: CustomDomainView[];
  slug: string;
}) {
  const t = translator(locale);
  const [domain, setDomain] = useState("");
  const { pending, errors, formError, save } = useSave(t("settings.saved"));
  const checks = useSave(t("domains.checkStarted"));
  useRefreshWhile(domains.some((row) => row.checking));
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("settings.domains")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <p className="text-sm text-muted-foreground">{t("settings.domainsIntro", { slug })}</p>
        {domains.length ? (
          <ul className="divide-y divide-border rounded-md border border-border" data-testid="domain-list">
            {domains.map((row) => (
              <li
                key={row.id}
                className="space-y-3 px-3 py-3"
                data-testid="domain-row"
                data-domain={row.domain}
              >
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="min-w-0 break-all font-mono text-sm font-medium">{row.displayName}</span>
                  <DomainStatusBadge domain={row} locale={locale} />
                </div>
                <DomainStatusDetails domain={row} locale={locale} />
                {row.status !== "verified" || row.stopsServingAt ? (
                  <TxtRecord domain={row} locale={locale} />
                ) : null}
                <div className="flex flex-wrap gap-2">
                  <Button
                    type="button"
                    size="sm"
                    disabled={checks.pending || row.checking}
                    onClick={() => checks.save(() => checkDomainAction({ domainId: row.id }))}
                  >
                    {row.checking ? t("domains.checking") : t("domains.verify")}
                  </Button>
                  <Button
                    type="button"
                    variant="outline"
                    size="sm"
                    disabled={pending}
                    onClick={() => save(() => removeDomainAction({ domainId: row.id }))}
                  >
                    {t("settings.removeDomain")}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">{t("settings.noDomains")}</p>
        )}
        <FieldError messages={checks.formError ? [checks.formError] : undefined} />
        <form
          className="flex flex-col gap-2 sm:flex-row sm:items-end"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            save(
              () => addDomainAction({ domain }),
              () => setDomain(""),
            );
          }}
        >
          <div className="flex-1 space-y-1.5">
            <Label htmlFor="domain-name">{t("settings.domain")}</Label>
            <Input
              id="domain-name"
              value={domain}
              onChange={(event) => setDomain(event.target.value)}
              placeholder="mobilku.co.id"
              autoCapitalize="none"
              spellCheck={false}
              aria-invalid={Boolean(errors.domain || formError)}
            />
          </div>
          <Button type="submit" disabled={pending || !domain.trim()}>
            {t("settings.addDomain")}
          </Button>
        </form>
        <FieldError messages={errors.domain ?? (formError ? [formError] : undefined)} />
      </CardContent>
    </Card>
  );
}
