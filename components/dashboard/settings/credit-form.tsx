"use client";
// Credit simulation defaults: flat rate, minimum down payment and the tenors buyers can choose.
import { useState } from "react";
import { updateCreditAction } from "@/app/(platform)/dashboard/settings/actions";
import { FieldError, useSave } from "@/components/dashboard/settings/use-save";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { type Locale, translator } from "@/lib/core/i18n/messages";

const TENOR_CHOICES = [12, 24, 36, 48, 60, 72] as const;

export function CreditForm({
  locale,
  credit,
}: {
  locale: Locale;
  credit: { ratePercent: string; minDownPct: number; tenors: number[] };
}) {
  const t = translator(locale);
  const [rate, setRate] = useState(credit.ratePercent);
  const [minDown, setMinDown] = useState(String(credit.minDownPct));
  const [tenors, setTenors] = useState(credit.tenors);
  const { pending, errors, formError, save } = useSave(t("settings.saved"));
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("settings.credit")}</CardTitle>
      </CardHeader>
      <CardContent>
        <form
          className="grid gap-4 sm:grid-cols-2"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            save(() => updateCreditAction({ ratePercent: rate, minDownPct: minDown, tenors }));
          }}
        >
          <div className="space-y-1.5">
            <Label htmlFor="credit-rate">{t("settings.rate")}</Label>
            <Input
              id="credit-rate"
              inputMode="decimal"
              value={rate}
              onChange={(event) => setRate(event.target.value)}
              aria-invalid={Boolean(errors.ratePercent)}
            />
            <FieldError messages={errors.ratePercent} />
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="credit-down">{t("settings.minDown")}</Label>
            <Input
              id="credit-down"
              inputMode="numeric"
              value={minDown}
              onChange={(event) => setMinDown(event.target.value)}
              aria-invalid={Boolean(errors.minDownPct)}
            />
            <FieldError messages={errors.minDownPct} />
          </div>
          <fieldset className="space-y-2 sm:col-span-2">
            <legend className="text-sm font-medium">{t("settings.tenors")}</legend>
            <div className="flex flex-wrap gap-2">
              {TENOR_CHOICES.map((months) => (
                <label
                  key={months}
                  className="flex min-h-10 items-center gap-2 rounded-md border border-border px-3 text-sm"
                >
                  <input
                    type="checkbox"
                    className="size-4"
                    checked={tenors.includes(months)}
                    onChange={(event) =>
                      setTenors(
                        event.target.checked
                          ? [...tenors, months].sort((a, b) => a - b)
                          : tenors.filter((value) => value !== months),
                      )
                    }
                  />
                  {months}
                </label>
              ))}
            </div>
            <FieldError messages={errors.tenors} />
          </fieldset>
          {formError ? <p className="text-sm text-destructive sm:col-span-2">{formError}</p> : null}
          <Button type="submit" disabled={pending} className="sm:col-span-2 sm:w-fit">
            {t("settings.save")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
