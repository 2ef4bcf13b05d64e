"use client";
// Custom domains: add (validated and unique across the platform) and remove.
import { useState } from "react";
import { addDomainAction, removeDomainAction } from "@/app/(platform)/dashboard/settings/actions";
import { FieldError, useSave } from "@/components/dashboard/settings/use-save";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { type Locale, translator } from "@/lib/core/i18n/messages";

export function DomainsEditor({
  locale,
  domains,
  slug,
}: {
  locale: Locale;
  domains: { id: string; domain: string }[];
  slug: string;
}) {
  const t = translator(locale);
  const [domain, setDomain] = useState("");
  const { pending, errors, formError, save } = useSave(t("settings.saved"));
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
              <li key={row.id} className="flex items-center justify-between gap-2 px-3 py-2">
                <span className="truncate font-mono text-sm">{row.domain}</span>
                <Button
                  type="button"
                  variant="outline"
                  size="sm"
                  disabled={pending}
                  onClick={() => save(() => removeDomainAction({ domainId: row.id }))}
                >
                  {t("settings.removeDomain")}
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">{t("settings.noDomains")}</p>
        )}
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
