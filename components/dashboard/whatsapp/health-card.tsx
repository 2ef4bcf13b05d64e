// Connection health (last webhook heard, last send failure, the token as Meta last judged it) and
// what to paste into Meta's webhook configuration.
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDate } from "@/lib/analytics/format";
import { type Locale, translator } from "@/lib/core/i18n/messages";
import type { ConnectionView } from "@/lib/whatsapp/connection-health";

export function HealthCard({ locale, view }: { locale: Locale; view: ConnectionView }) {
  const t = translator(locale);
  const when = (at: string) => formatDate(new Date(at), locale, true);
  const { health } = view;
  const failure = health.lastSendFailure;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("whatsapp.health")}</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="space-y-2 text-sm">
          <div>
            <dt className="text-muted-foreground">{t("whatsapp.lastWebhook")}</dt>
            <dd data-testid="last-webhook">
              {health.lastWebhookAt ? when(health.lastWebhookAt) : t("whatsapp.never")}
            </dd>
          </div>
          <div>
            <dt className="text-muted-foreground">{t("whatsapp.lastSendError")}</dt>
            <dd data-testid="last-send-error">
              {failure
                ? `${when(failure.at)} · ${failure.code ?? "?"} ${failure.title ?? ""}`.trim()
                : t("whatsapp.noSendError")}
            </dd>
          </div>
          <div>
            <dt className="text-muted-foreground">{t("whatsapp.token")}</dt>
            <dd data-testid="token-state" data-state={health.token}>
              {health.token === "ok" ? (
                <Badge variant="success">{t("whatsapp.tokenOk")}</Badge>
              ) : health.token === "rejected" ? (
                <span className="text-destructive">{t("whatsapp.tokenRejected")}</span>
              ) : (
                t("whatsapp.tokenUnknown")
              )}
            </dd>
          </div>
        </dl>
      </CardContent>
    </Card>
  );
}

export function WebhookCard({ locale, view }: { locale: Locale; view: ConnectionView }) {
  const t = translator(locale);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("whatsapp.webhook")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3 text-sm">
        <p className="text-muted-foreground">{t("whatsapp.webhookHint")}</p>
        <div>
          <p className="text-muted-foreground">{t("whatsapp.webhookUrl")}</p>
          <code className="block break-all rounded bg-muted p-2" data-testid="webhook-url">
            {view.webhook.url}
          </code>
        </div>
        <div>
          <p className="text-muted-foreground">{t("whatsapp.verifyToken")}</p>
          {view.webhook.verifyToken ? (
            <code className="block break-all rounded bg-muted p-2" data-testid="verify-token">
              {view.webhook.verifyToken}
            </code>
          ) : (
            <p>{t("whatsapp.verifyTokenMissing")}</p>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
