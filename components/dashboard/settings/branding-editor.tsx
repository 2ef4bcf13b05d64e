"use client";
// Colours, font and images of the public catalog with a live preview of its header, hero and a car
// card. The preview sets the same CSS variables the catalog layout does (themeStyle), so what you see
// is what buyers get.
import { useState } from "react";
import { updateBrandingAction } from "@/app/(platform)/dashboard/settings/actions";
import { BrandingImagesEditor } from "@/components/dashboard/settings/branding-images";
import { FieldError, useSave } from "@/components/dashboard/settings/use-save";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { type Locale, translator } from "@/lib/core/i18n/messages";
import type { BrandingImages } from "@/lib/settings/branding";
import { FONT_IDS, FONTS, FontId, readTheme, type Theme, themeStyle } from "@/lib/tenancy/theme";

const HEX = /^#[0-9a-fA-F]{6}$/;
const FIELDS = ["primary", "secondary", "accent"] as const;
type ColorField = (typeof FIELDS)[number];

export function BrandingEditor({
  locale,
  theme,
  images,
  showroomName,
  tagline,
}: {
  locale: Locale;
  theme: Theme;
  images: BrandingImages;
  showroomName: string;
  tagline: string;
}) {
  const t = translator(locale);
  const [colors, setColors] = useState<Record<ColorField, string>>({
    primary: theme.primary,
    secondary: theme.secondary,
    accent: theme.accent,
  });
  const [font, setFont] = useState<FontId>(theme.font);
  const { pending, errors, formError, save } = useSave(t("settings.saved"));
  // Only valid colours reach the preview; a half-typed value keeps the last good one.
  const preview = readTheme({
    ...theme,
    font,
    ...Object.fromEntries(
      FIELDS.filter((field) => HEX.test(colors[field])).map((field) => [field, colors[field]]),
    ),
  });
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
            save(() => updateBrandingAction({ ...colors, font }));
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
              {invalid.includes(field) ? (
                <FieldError messages={[t("settings.error.color")]} />
              ) : (
                <FieldError messages={errors[field]} />
              )}
            </div>
          ))}
          <div className="space-y-1.5">
            <Label htmlFor="branding-font">{t("settings.font")}</Label>
            <NativeSelect
              id="branding-font"
              name="font"
              value={font}
              onChange={(event) => {
                const parsed = FontId.safeParse(event.target.value);
                if (parsed.success) setFont(parsed.data);
              }}
            >
              {FONT_IDS.map((id) => (
                <option key={id} value={id}>
                  {FONTS[id].label}
                </option>
              ))}
            </NativeSelect>
            <p className="text-xs text-muted-foreground">{t("settings.fontHint")}</p>
            <FieldError messages={errors.font} />
          </div>
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
          {/* font-sans here, so the preview resolves the --font-sans-family that themeStyle sets on it. */}
          <div
            style={themeStyle(preview)}
            className="overflow-hidden rounded-lg border border-border bg-background font-sans text-foreground"
            data-testid="branding-preview"
          >
            <div className="flex h-12 items-center justify-between border-b-2 border-brand-secondary px-3">
              {images.logo ? (
                // eslint-disable-next-line @next/next/no-img-element
                <img
                  src={images.logo.url}
                  alt={showroomName}
                  width={images.logo.width}
                  height={images.logo.height}
                  className="h-8 w-auto max-w-[9rem] object-contain"
                  data-testid="branding-preview-logo"
                />
              ) : (
                <span className="truncate font-bold text-primary">{showroomName}</span>
              )}
              <span className="text-xs text-muted-foreground">{t("catalog.search")}</span>
            </div>
            <div
              className={
                images.hero
                  ? "relative isolate space-y-2 overflow-hidden bg-brand-secondary px-3 pb-5 pt-16 text-white"
                  : "space-y-2 bg-primary px-3 py-5 text-primary-foreground"
              }
            >
              {images.hero ? (
                <>
                  {/* eslint-disable-next-line @next/next/no-img-element */}
                  <img
                    src={images.hero.fallbackUrl}
                    alt=""
                    className="absolute inset-0 -z-20 h-full w-full object-cover"
                    data-testid="branding-preview-hero"
                  />
                  <div
                    aria-hidden="true"
                    className="absolute inset-0 -z-10 bg-gradient-to-t from-black/80 via-black/55 to-black/30"
                  />
                </>
              ) : null}
              <p className="text-xl font-bold">{showroomName}</p>
              {tagline ? <p className="text-sm opacity-90">{tagline}</p> : null}
              <div className="h-9 rounded-md bg-background px-3 text-sm leading-9 text-muted-foreground">
                {t("settings.previewSearch")}
              </div>
            </div>
            <div className="p-3">
              <div className="space-y-2 rounded-md border border-border p-3">
                <div className="flex items-center justify-between gap-2">
                  <span className="truncate text-sm font-semibold">{t("settings.previewCar")}</span>
                  <span className="rounded-full bg-accent px-2 py-0.5 text-xs font-semibold text-accent-foreground">
                    {t("settings.previewBadge")}
                  </span>
                </div>
                <p className="text-lg font-bold text-primary">Rp 185.000.000</p>
                <span className="inline-flex h-9 items-center rounded-md bg-primary px-3 text-sm font-medium text-primary-foreground">
                  {t("settings.previewButton")}
                </span>
              </div>
            </div>
            <div className="bg-brand-secondary px-3 py-3 text-xs text-brand-secondary-foreground">
              {showroomName}
            </div>
          </div>
        </div>
        <div className="lg:col-span-2">
          <BrandingImagesEditor locale={locale} images={images} />
        </div>
      </CardContent>
    </Card>
  );
}
