"use client";
// Colours of the public catalog with a live preview of its header, hero and a car card. The preview
// sets the same CSS variables the catalog layout does (themeStyle), so what you see is what buyers get.
import { useState } from "react";
import { updateBrandingAction } from "@/app/(platform)/dashboard/settings/actions";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { translator, type Locale } from "@/lib/i18n/messages";
import { readTheme, themeStyle, type Theme } from "@/lib/tenancy/theme";
import { FieldError, useSave } from "@/components/dashboard/settings/use-save";

const HEX = /^#[0-9a-fA-F]{6}$/;
const FIELDS = ["primary", "secondary", "accent"] as const;
type ColorField = (typeof FIELDS)[number];

export function BrandingEditor({ locale, theme, showroomName, tagline }: { locale: Locale; theme: Theme; showroomName: string; tagline: string }) {
  const t = translator(locale);
  const [colors, setColors] = useState<Record<ColorField, string>>({ primary: theme.primary, secondary: theme.secondary, accent: theme.accent });
  const { pending, errors, formError, save } = useSave(t("settings.saved"));
  // Only valid colours reach the preview; a half-typed value keeps the last good one.
  const preview = readTheme({ ...theme, ...Object.fromEntries(FIELDS.filter((field) => HEX.test(colors[field])).map((field) => [field, colors[field]])) });
  const invalid = FIELDS.filter((field) => !HEX.test(colors[field]));

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("settings.branding")}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-6 lg:grid-cols-2">
        <form
          className="space-y-4"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            save(() => updateBrandingAction(colors));
          }}
        >
          {FIELDS.map((field) => (
            <div key={field} className="space-y-1.5">
              <Label htmlFor={`color-${field}`}>{t(`settings.${field}`)}</Label>
              <div className="flex items-center gap-2">
                <input
                  type="color"
                  aria-label={t(`settings.${field}`)}
                  value={HEX.test(colors[field]) ? colors[field].toLowerCase() : preview[field]}
                  onChange={(event) => setColors({ ...colors, [field]: event.target.value })}
                  className="h-10 w-12 shrink-0 cursor-pointer rounded-md border border-input bg-background p-1"
                />
                <Input
                  id={`color-${field}`}
                  name={field}
                  value={colors[field]}
                  onChange={(event) => setColors({ ...colors, [field]: event.target.value.trim() })}
                  maxLength={7}
                  spellCheck={false}
                  className="font-mono"
                  aria-invalid={invalid.includes(field) || Boolean(errors[field])}
                />
              </div>
              {invalid.includes(field) ? <FieldError messages={[t("settings.error.color")]} /> : <FieldError messages={errors[field]} />}
            </div>
          ))}
          {formError ? (
            <p className="text-sm text-destructive" role="alert" data-testid="branding-error">
              {formError}
            </p>
          ) : null}
          <Button type="submit" disabled={pending} className="w-full sm:w-auto">
            {t("settings.save")}
          </Button>
        </form>
        <div className="space-y-2">
          <p className="text-sm font-medium">{t("settings.preview")}</p>
          <div style={themeStyle(preview)} className="overflow-hidden rounded-lg border border-border bg-background text-foreground" data-testid="branding-preview">
            <div className="flex h-12 items-center justify-between border-b border-border px-3">
              <span className="truncate font-bold text-primary">{showroomName}</span>
              <span className="text-xs text-muted-foreground">{t("catalog.search")}</span>
            </div>
            <div className="space-y-2 bg-primary px-3 py-5 text-primary-foreground">
              <p className="text-xl font-bold">{showroomName}</p>
              {tagline ? <p className="text-sm opacity-90">{tagline}</p> : null}
              <div className="h-9 rounded-md bg-background px-3 text-sm leading-9 text-muted-foreground">{t("settings.previewSearch")}</div>
            </div>
            <div className="p-3">
              <div className="space-y-2 rounded-md border border-border p-3">
                <div className="flex items-center justify-between gap-2">
                  <span className="truncate text-sm font-semibold">{t("settings.previewCar")}</span>
                  <span className="rounded-full bg-accent px-2 py-0.5 text-xs font-semibold text-accent-foreground">{t("settings.previewBadge")}</span>
                </div>
                <p className="text-lg font-bold text-primary">Rp 185.000.000</p>
                <span className="inline-flex h-9 items-center rounded-md bg-primary px-3 text-sm font-medium text-primary-foreground">{t("settings.previewButton")}</span>
              </div>
            </div>
          </div>
        </div>
      </CardContent>
    </Card>
  );
}
