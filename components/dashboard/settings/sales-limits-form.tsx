"use client";
// What sales staff may do to stock: mark cars sold, and the largest price cut they may make.
import { useState } from "react";
import { updateSalesLimitsAction } from "@/app/(platform)/dashboard/settings/actions";
import { FieldError, useSave } from "@/components/dashboard/settings/use-save";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { type Locale, translator } from "@/lib/core/i18n/messages";

export function SalesLimitsForm({
  locale,
  limits,
}: {
  locale: Locale;
  limits: { salesMayMarkSold: boolean; salesMaxPriceCutPct: number };
}) {
  const t = translator(locale);
  const [maySell, setMaySell] = useState(limits.salesMayMarkSold);
  const [maxCut, setMaxCut] = useState(String(limits.salesMaxPriceCutPct));
  const { pending, errors, formError, save } = useSave(t("settings.saved"));
  return (
    <Card data-testid="sales-limits">
      <CardHeader>
        <CardTitle>{t("security.sales.title")}</CardTitle>
        <p className="text-sm text-muted-foreground">{t("security.sales.intro")}</p>
      </CardHeader>
      <CardContent>
        <form
          className="grid gap-4 sm:grid-cols-2"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            save(() => updateSalesLimitsAction({ salesMayMarkSold: maySell, salesMaxPriceCutPct: maxCut }));
          }}
        >
          <label className="flex min-h-10 items-center gap-2 text-sm sm:col-span-2">
            <input
              id="sales-may-mark-sold"
              type="checkbox"
              className="size-4"
              checked={maySell}
              onChange={(event) => setMaySell(event.target.checked)}
            />
            {t("security.sales.markSold")}
          </label>
          <div className="space-y-1.5 sm:col-span-2">
            <Label htmlFor="sales-max-cut">{t("security.sales.maxCut")}</Label>
            <Input
              id="sales-max-cut"
              inputMode="numeric"
              className="max-w-32"
              value={maxCut}
              onChange={(event) => setMaxCut(event.target.value)}
              aria-invalid={Boolean(errors.salesMaxPriceCutPct)}
            />
            <p className="text-sm text-muted-foreground">{t("security.sales.maxCutHint")}</p>
            <FieldError messages={errors.salesMaxPriceCutPct} />
          </div>
          {formError ? <p className="text-sm text-destructive sm:col-span-2">{formError}</p> : null}
          <Button type="submit" disabled={pending} className="sm:col-span-2 sm:w-fit">
            {t("settings.save")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
