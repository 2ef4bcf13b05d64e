"use client";
// The showroom's alert settings (owners and admins): the time zone its opening hours are read in,
// minutes before a waiting buyer goes to the next salesperson, and the staff alert template.
import { useState } from "react";
import { saveStaffAlertSettingsAction } from "@/app/(platform)/dashboard/notifications/actions";
import { FieldError, useSave } from "@/components/dashboard/settings/use-save";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { type Locale, translator } from "@/lib/core/i18n/messages";
import { TIME_ZONE_IDS, type TimeZone } from "@/lib/tenancy/hours";

export interface ShowroomAlertValues {
  timeZone: TimeZone;
  escalationMinutes: number;
  templateName: string;
  templateLanguage: string;
}

export function ShowroomAlertSettingsForm({
  locale,
  settings,
}: {
  locale: Locale;
  settings: ShowroomAlertValues;
}) {
  const t = translator(locale);
  const [values, setValues] = useState({
    ...settings,
    escalationMinutes: String(settings.escalationMinutes),
  });
  const { pending, errors, formError, save } = useSave(t("notifications.showroom.saved"));
  const set = (patch: Partial<typeof values>) => setValues({ ...values, ...patch });

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("notifications.showroom.title")}</CardTitle>
        <CardDescription>{t("notifications.showroom.intro")}</CardDescription>
      </CardHeader>
      <CardContent>
        <form
          className="grid gap-4 sm:grid-cols-2"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            save(() => saveStaffAlertSettingsAction(values));
          }}
        >
          <div className="space-y-1.5">
            <Label htmlFor="alert-zone">{t("notifications.showroom.timeZone")}</Label>
            <NativeSelect
              id="alert-zone"
              value={values.timeZone}
              onChange={(event) =>
                set({ timeZone: TIME_ZONE_IDS.find((zone) => zone === event.target.value) ?? "Asia/Jakarta" })
              }
            >
              {TIME_ZONE_IDS.map((zone) => (
                <option key={zone} value={zone}>
                  {t(`notifications.zone.${zone}`)}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="alert-minutes">{t("notifications.showroom.escalation")}</Label>
            <Input
              id="alert-minutes"
              inputMode="numeric"
              value={values.escalationMinutes}
              aria-invalid={Boolean(errors.escalationMinutes)}
              onChange={(event) => set({ escalationMinutes: event.target.value })}
            />
            <FieldError messages={errors.escalationMinutes} />
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="alert-template">{t("notifications.showroom.template")}</Label>
            <Input
              id="alert-template"
              value={values.templateName}
              placeholder="staff_alert"
              aria-invalid={Boolean(errors.templateName)}
              aria-describedby="alert-template-help"
              onChange={(event) => set({ templateName: event.target.value })}
            />
            <p id="alert-template-help" className="text-xs text-muted-foreground">
              {t("notifications.showroom.templateHelp")}
            </p>
            <FieldError messages={errors.templateName} />
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="alert-language">{t("notifications.showroom.language")}</Label>
            <Input
              id="alert-language"
              value={values.templateLanguage}
              aria-invalid={Boolean(errors.templateLanguage)}
              onChange={(event) => set({ templateLanguage: event.target.value })}
            />
            <FieldError messages={errors.templateLanguage} />
          </div>
          {formError ? (
            <p className="text-sm text-destructive sm:col-span-2" role="alert">
              {formError}
            </p>
          ) : null}
          <div className="sm:col-span-2">
            <Button type="submit" disabled={pending}>
              {t("notifications.showroom.save")}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
