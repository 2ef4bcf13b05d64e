"use client";
// The connected number as Meta reported it, "check now" and "disconnect"; and the form that
// checks a number with Meta before connecting it (or replacing the one connected).
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { formatDate } from "@/lib/analytics/format";
import { type Locale, type MessageKey, translator } from "@/lib/core/i18n/messages";
import type { ConnectionView } from "@/lib/whatsapp/connection-health";
import type { ConnectFields, Scope, WhatsAppActions } from "./types";
import { FormError, translateKey, useRun } from "./use-run";

const QUALITY: Record<string, "success" | "warning" | "destructive"> = {
  GREEN: "success",
  YELLOW: "warning",
  RED: "destructive",
};

export function NumberCard(props: {
  locale: Locale;
  view: ConnectionView;
  scope: Scope;
  actions: WhatsAppActions;
}) {
  const { locale, view, scope, actions } = props;
  const t = translator(locale);
  const { pending, error, run } = useRun();
  const [notice, setNotice] = useState<string | null>(null);
  const when = (at: string | null) => (at ? formatDate(new Date(at), locale, true) : "—");
  const row = (label: MessageKey, value: string | null, testId?: string) => (
    <div className="flex flex-wrap justify-between gap-x-3 gap-y-0.5 border-b border-border py-1.5 text-sm last:border-0">
      <dt className="text-muted-foreground">{t(label)}</dt>
      <dd className="break-all font-medium" data-testid={testId}>
        {value ?? "—"}
      </dd>
    </div>
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("whatsapp.number")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        {view.connected ? (
          <>
            <dl data-testid="whatsapp-number">
              {row("whatsapp.displayNumber", view.displayPhoneNumber, "display-number")}
              {row("whatsapp.verifiedName", view.verifiedName, "verified-name")}
              <div className="flex flex-wrap justify-between gap-x-3 border-b border-border py-1.5 text-sm">
                <dt className="text-muted-foreground">{t("whatsapp.quality")}</dt>
                <dd>
                  {view.qualityRating ? (
                    <Badge variant={QUALITY[view.qualityRating] ?? "outline"}>{view.qualityRating}</Badge>
                  ) : (
                    "—"
                  )}
                </dd>
              </div>
              {row("whatsapp.limit", view.messagingLimitTier)}
              {row("whatsapp.phoneNumberId", view.phoneNumberId, "phone-number-id")}
              {row("whatsapp.wabaId", view.wabaId)}
              {row("whatsapp.tokenStored", view.tokenMasked, "token-masked")}
              {row("whatsapp.connectedAt", view.connectedAt ? when(view.connectedAt) : null)}
              {row("whatsapp.checkedAt", view.checkedAt ? when(view.checkedAt) : t("whatsapp.notChecked"))}
            </dl>
            <div className="flex flex-wrap gap-2">
              <Button
                type="button"
                variant="outline"
                disabled={pending}
                onClick={() =>
                  run(
                    () => actions.refresh(scope),
                    (data) =>
                      setNotice(data.problem ? translateKey(locale, data.problem) : t("whatsapp.refreshed")),
                  )
                }
              >
                {t("whatsapp.refresh")}
              </Button>
              <Button
                type="button"
                variant="destructive"
                disabled={pending}
                onClick={() => {
                  if (!window.confirm(t("whatsapp.disconnectConfirm"))) return;
                  run(
                    () => actions.disconnect(scope),
                    () => setNotice(t("whatsapp.disconnected")),
                  );
                }}
              >
                {t("whatsapp.disconnect")}
              </Button>
            </div>
          </>
        ) : (
          <p className="text-sm text-muted-foreground" data-testid="whatsapp-not-connected">
            {t("whatsapp.notConnected")}
          </p>
        )}
        {notice && (
          <p className="text-sm" role="status" data-testid="whatsapp-notice">
            {notice}
          </p>
        )}
        <FormError error={error} />
        <ConnectForm {...props} onConnected={setNotice} />
      </CardContent>
    </Card>
  );
}

function ConnectForm(props: {
  locale: Locale;
  view: ConnectionView;
  scope: Scope;
  actions: WhatsAppActions;
  onConnected: (notice: string) => void;
}) {
  const { locale, view, scope, actions } = props;
  const t = translator(locale);
  const { pending, errors, error, run } = useRun();
  const empty: ConnectFields = { phoneNumberId: "", accessToken: "", wabaId: "" };
  const [fields, setFields] = useState(empty);
  const demo = actions.demoNumber;
  const field = (name: keyof ConnectFields, label: MessageKey, type = "text") => (
    <div className="space-y-1.5">
      <Label htmlFor={`wa-${name}`}>{t(label)}</Label>
      <Input
        id={`wa-${name}`}
        type={type}
        autoComplete="off"
        inputMode={type === "text" ? "numeric" : undefined}
        value={fields[name]}
        onChange={(event) => {
          const value = event.target.value;
          setFields((current) => ({ ...current, [name]: value }));
        }}
        aria-invalid={Boolean(errors[name])}
      />
      {errors[name]?.length ? (
        <p className="text-sm text-destructive" role="alert">
          {errors[name]?.join(" ")}
        </p>
      ) : null}
    </div>
  );
  return (
    <form
      className="space-y-3 border-t border-border pt-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        run(
          () => actions.connect({ ...fields, ...scope }),
          (checked) => {
            setFields(empty);
            const connected = t("whatsapp.connected", {
              number: checked.displayPhoneNumber,
              name: checked.verifiedName,
            });
            const subscription =
              checked.webhookSubscription === "subscribed"
                ? ` ${t("whatsapp.subscribed")}`
                : checked.webhookSubscription === "failed"
                  ? ` ${t("whatsapp.subscribeFailed")}`
                  : "";
            props.onConnected(`${connected}${subscription}`);
          },
        );
      }}
    >
      <h3 className="text-sm font-semibold">
        {view.connected ? t("whatsapp.replace") : t("whatsapp.connect")}
      </h3>
      {view.offline && demo && (
        <div className="space-y-2 rounded-md bg-muted p-3 text-sm" data-testid="whatsapp-offline">
          <p className="font-medium">{t("whatsapp.demo")}</p>
          <p className="text-muted-foreground">{t("whatsapp.demoHint")}</p>
          <Button
            type="button"
            size="sm"
            variant="outline"
            disabled={pending}
            // Outside a transition: the fields are filled once the answer is in, and nothing is
            // left pending to overwrite what the person types next.
            onClick={async () => {
              const result = await demo({});
              if (result.ok && result.data) setFields({ ...result.data, wabaId: "" });
            }}
          >
            {t("whatsapp.demoFill")}
          </Button>
        </div>
      )}
      {field("phoneNumberId", "whatsapp.phoneNumberId")}
      <div className="space-y-1">
        {field("accessToken", "whatsapp.accessToken", "password")}
        <p className="text-xs text-muted-foreground">{t("whatsapp.accessTokenHint")}</p>
      </div>
      {field("wabaId", "whatsapp.wabaId")}
      <FormError error={error} />
      <Button type="submit" disabled={pending}>
        {pending ? t("whatsapp.connecting") : t("whatsapp.connect")}
      </Button>
    </form>
  );
}
