"use client";
// The showroom's assistant: on or off, and which engine answers (the platform default, local, or
// an LLM the platform holds a key for). Applies from the next buyer message.
import { useState } from "react";
import { updateAssistantAction } from "@/app/(platform)/dashboard/settings/whatsapp/actions";
import { FieldError, useSave } from "@/components/dashboard/settings/use-save";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { type Locale, translator } from "@/lib/core/i18n/messages";
import type { AssistantSettingsView } from "@/lib/settings/assistant";

const PROVIDERS = ["local", "anthropic", "openai"] as const;

export function AssistantForm({ locale, settings }: { locale: Locale; settings: AssistantSettingsView }) {
  const t = translator(locale);
  const [enabled, setEnabled] = useState(settings.enabled);
  const [provider, setProvider] = useState<AssistantSettingsView["provider"]>(settings.provider);
  const { pending, errors, formError, save } = useSave(t("whatsapp.assistantSaved"));
  const effective = provider || settings.platformDefault;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("whatsapp.assistant")}</CardTitle>
      </CardHeader>
      <CardContent>
        <form
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            save(() => updateAssistantAction({ enabled, provider }));
          }}
        >
          <p className="text-sm text-muted-foreground">{t("whatsapp.assistantHint")}</p>
          <label className="flex min-h-10 items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-4"
              checked={enabled}
              onChange={(event) => setEnabled(event.target.checked)}
            />
            {t("whatsapp.assistantEnabled")}
          </label>
          <div className="space-y-1.5">
            <Label htmlFor="assistant-provider">{t("whatsapp.assistantProvider")}</Label>
            <NativeSelect
              id="assistant-provider"
              value={provider}
              onChange={(event) => {
                const chosen = PROVIDERS.find((name) => name === event.target.value);
                setProvider(chosen ?? "");
              }}
            >
              <option value="">
                {t("whatsapp.provider.default", { provider: settings.platformDefault })}
              </option>
              <option value="local">{t("whatsapp.provider.local")}</option>
              <option value="anthropic">{t("whatsapp.provider.anthropic")}</option>
              <option value="openai">{t("whatsapp.provider.openai")}</option>
            </NativeSelect>
            {!settings.withKey.includes(effective) && (
              <p className="text-xs text-muted-foreground" data-testid="provider-no-key">
                {t("whatsapp.provider.noKey")}
              </p>
            )}
            <FieldError messages={errors.provider} />
          </div>
          {formError && (
            <p className="text-sm text-destructive" role="alert">
              {formError}
            </p>
          )}
          <Button type="submit" disabled={pending}>
            {t("whatsapp.assistantSave")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
