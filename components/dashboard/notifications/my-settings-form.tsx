"use client";
// One person's notification settings: their WhatsApp number, and a channel grid (type x channel).
// E-mail is shown as coming; a channel a type cannot use (WhatsApp for "WhatsApp is failing") is off.
import { useState } from "react";
import { saveMyNotificationSettingsAction } from "@/app/(platform)/dashboard/notifications/actions";
import { FieldError, useSave } from "@/components/dashboard/settings/use-save";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { type Locale, translator } from "@/lib/core/i18n/messages";
import type { MyNotificationSettings } from "@/lib/notifications/preferences";
import { CHANNELS, type Channel, isChannelOffered } from "@/lib/notifications/types";

export function MyNotificationSettingsForm({
  locale,
  settings,
}: {
  locale: Locale;
  settings: MyNotificationSettings;
}) {
  const t = translator(locale);
  const [number, setNumber] = useState(settings.whatsappNumber ?? "");
  const [channels, setChannels] = useState(
    Object.fromEntries(settings.types.map((entry) => [entry.type, entry.channels])),
  );
  const { pending, errors, formError, save } = useSave(t("notifications.prefs.saved"));
  const toggle = (type: string, channel: Channel, on: boolean) =>
    setChannels({
      ...channels,
      [type]: on
        ? [...(channels[type] ?? []), channel]
        : (channels[type] ?? []).filter((entry) => entry !== channel),
    });

  return (
    <Card>
      <CardContent className="pt-6">
        <form
          className="space-y-5"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            save(() => saveMyNotificationSettingsAction({ whatsappNumber: number, channels }));
          }}
        >
          <div className="space-y-1.5">
            <Label htmlFor="my-whatsapp">{t("notifications.prefs.whatsapp")}</Label>
            <Input
              id="my-whatsapp"
              inputMode="tel"
              value={number}
              placeholder={t("notifications.prefs.whatsappHint")}
              aria-invalid={Boolean(errors.whatsappNumber)}
              aria-describedby="my-whatsapp-help"
              onChange={(event) => setNumber(event.target.value)}
            />
            <p id="my-whatsapp-help" className="text-xs text-muted-foreground">
              {t("notifications.prefs.whatsappHelp")}
            </p>
            <FieldError messages={errors.whatsappNumber} />
          </div>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">{t("notifications.prefs.type")}</legend>
            <ul className="divide-y divide-border rounded-md border border-border">
              {settings.types.map(({ type }) => (
                <li key={type} className="space-y-2 p-3" data-testid="notification-type" data-type={type}>
                  <p className="text-sm font-medium">{t(`notifications.type.${type}`)}</p>
                  <div className="flex flex-wrap gap-x-4 gap-y-2">
                    {CHANNELS.map((channel) => {
                      const offered = isChannelOffered(type, channel.id);
                      const id = `channel-${type}-${channel.id}`;
                      return (
                        <label
                          key={channel.id}
                          htmlFor={id}
                          className="inline-flex min-h-11 items-center gap-2 text-sm aria-disabled:text-muted-foreground"
                          aria-disabled={!offered}
                        >
                          <input
                            id={id}
                            type="checkbox"
                            className="size-5"
                            disabled={!offered}
                            checked={offered && (channels[type] ?? []).includes(channel.id)}
                            onChange={(event) => toggle(type, channel.id, event.target.checked)}
                          />
                          {t(`notifications.channel.${channel.id}`)}
                          {channel.available ? null : ` (${t("notifications.channel.coming")})`}
                        </label>
                      );
                    })}
                  </div>
                </li>
              ))}
            </ul>
            <p className="text-xs text-muted-foreground">{t("notifications.prefs.emailComing")}</p>
          </fieldset>
          {formError ? (
            <p className="text-sm text-destructive" role="alert">
              {formError}
            </p>
          ) : null}
          <Button type="submit" disabled={pending}>
            {t("notifications.prefs.save")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
