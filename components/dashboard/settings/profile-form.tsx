"use client";
// The showroom's public profile and opening hours per day.
import { useState } from "react";
import { updateProfileAction } from "@/app/(platform)/dashboard/settings/actions";
import { FieldError, useSave } from "@/components/dashboard/settings/use-save";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { type Locale, translator } from "@/lib/core/i18n/messages";
import type { ProfileInput } from "@/lib/settings/settings";

type TextField = "name" | "tagline" | "address" | "city" | "phone" | "whatsappNumber" | "email" | "mapUrl";
const TEXT_FIELDS: {
  field: TextField;
  label:
    | "settings.name"
    | "settings.tagline"
    | "settings.address"
    | "settings.city"
    | "settings.phone"
    | "settings.whatsapp"
    | "settings.email"
    | "settings.mapUrl";
  type?: string;
  mode?: "tel" | "email" | "url";
}[] = [
  { field: "name", label: "settings.name" },
  { field: "tagline", label: "settings.tagline" },
  { field: "address", label: "settings.address" },
  { field: "city", label: "settings.city" },
  { field: "phone", label: "settings.phone", mode: "tel" },
  { field: "whatsappNumber", label: "settings.whatsapp", mode: "tel" },
  { field: "email", label: "settings.email", type: "email", mode: "email" },
  { field: "mapUrl", label: "settings.mapUrl", type: "url", mode: "url" },
];
const DAY_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

export function ProfileForm({ locale, profile }: { locale: Locale; profile: ProfileInput }) {
  const t = translator(locale);
  const [values, setValues] = useState(profile);
  const { pending, errors, formError, save } = useSave(t("settings.saved"));
  const setHours = (day: number, patch: Partial<ProfileInput["openingHours"][number]>) =>
    setValues({
      ...values,
      openingHours: values.openingHours.map((slot) => (slot.day === day ? { ...slot, ...patch } : slot)),
    });

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("settings.profile")}</CardTitle>
      </CardHeader>
      <CardContent>
        <form
          className="grid gap-4 sm:grid-cols-2"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            save(() => updateProfileAction(values));
          }}
        >
          {TEXT_FIELDS.map(({ field, label, type, mode }) => (
            <div key={field} className="space-y-1.5">
              <Label htmlFor={`profile-${field}`}>{t(label)}</Label>
              <Input
                id={`profile-${field}`}
                type={type ?? "text"}
                inputMode={mode}
                value={values[field] ?? ""}
                onChange={(event) => setValues({ ...values, [field]: event.target.value })}
                aria-invalid={Boolean(errors[field])}
              />
              <FieldError messages={errors[field]} />
            </div>
          ))}
          <fieldset className="space-y-2 sm:col-span-2">
            <legend className="text-sm font-medium">{t("settings.hours")}</legend>
            {DAY_ORDER.map((day) => {
              const slot = values.openingHours.find((entry) => entry.day === day);
              if (!slot) return null;
              const index = values.openingHours.indexOf(slot);
              return (
                <div
                  key={day}
                  className="grid grid-cols-[5.5rem_1fr] items-center gap-2 sm:grid-cols-[7rem_6rem_1fr]"
                >
                  <span className="text-sm">{t(`day.${day}`)}</span>
                  <label className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      className="size-4"
                      checked={slot.closed}
                      onChange={(event) => setHours(day, { closed: event.target.checked })}
                    />
                    {t("settings.closed")}
                  </label>
                  {slot.closed ? null : (
                    <div className="col-span-2 flex items-center gap-2 sm:col-span-1">
                      <Input
                        type="time"
                        aria-label={`${t(`day.${day}`)} ${t("settings.open")}`}
                        value={slot.open}
                        onChange={(event) => setHours(day, { open: event.target.value })}
                        className="w-32"
                      />
                      <span aria-hidden>–</span>
                      <Input
                        type="time"
                        aria-label={`${t(`day.${day}`)} ${t("settings.close")}`}
                        value={slot.close}
                        onChange={(event) => setHours(day, { close: event.target.value })}
                        className="w-32"
                      />
                    </div>
                  )}
                  <div className="col-span-2 sm:col-span-3">
                    <FieldError
                      messages={[
                        ...(errors[`openingHours.${index}.open`] ?? []),
                        ...(errors[`openingHours.${index}.close`] ?? []),
                      ]}
                    />
                  </div>
                </div>
              );
            })}
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
