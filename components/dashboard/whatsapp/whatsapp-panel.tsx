// The WhatsApp connection as the owner's tab and the console's showroom page show it: the number,
// its health, what to paste into Meta, and a test message. One component, two sets of actions.
import type { Locale } from "@/lib/core/i18n/messages";
import type { ConnectionView } from "@/lib/whatsapp/connection-health";
import { HealthCard, WebhookCard } from "./health-card";
import { NumberCard } from "./number-card";
import { TestMessageCard } from "./test-message-card";
import type { Scope, WhatsAppActions } from "./types";

export function WhatsAppPanel(props: {
  locale: Locale;
  view: ConnectionView;
  actions: WhatsAppActions;
  scope?: Scope;
}) {
  const scope = props.scope ?? {};
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <NumberCard locale={props.locale} view={props.view} scope={scope} actions={props.actions} />
      <div className="space-y-4">
        <HealthCard locale={props.locale} view={props.view} />
        {props.view.connected && (
          <TestMessageCard locale={props.locale} scope={scope} actions={props.actions} />
        )}
        <WebhookCard locale={props.locale} view={props.view} />
      </div>
    </div>
  );
}
