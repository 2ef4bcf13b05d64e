// /dashboard/settings/whatsapp: connect the showroom's WhatsApp number (checked with Meta first),
// its health, the webhook to paste into Meta, a test message, and the assistant's switch. Owners
// and admins (settings.manage); the showroom is the session's.
import { AssistantForm } from "@/components/dashboard/whatsapp/assistant-form";
import { WhatsAppPanel } from "@/components/dashboard/whatsapp/whatsapp-panel";
import { staffPage } from "@/lib/actions/pages";
import { getTranslator } from "@/lib/core/i18n/server";
import { readAssistantSettings } from "@/lib/settings/assistant";
import { readConnection } from "@/lib/whatsapp/connection-health";
import {
  connectWhatsAppAction,
  demoNumberAction,
  disconnectWhatsAppAction,
  refreshWhatsAppAction,
  sendTestMessageAction,
  testMessageStatusAction,
} from "./actions";

export default async function WhatsAppSettingsPage() {
  const { data } = await staffPage("settings.manage", async ({ tx, user }) => ({
    connection: await readConnection(tx, user.tenantId),
    assistant: await readAssistantSettings(tx, user.tenantId),
  }));
  const { locale, t } = await getTranslator();
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight">{t("whatsapp.title")}</h1>
        <p className="text-sm text-muted-foreground">{t("whatsapp.intro")}</p>
      </div>
      <WhatsAppPanel
        locale={locale}
        view={data.connection}
        actions={{
          connect: connectWhatsAppAction,
          disconnect: disconnectWhatsAppAction,
          refresh: refreshWhatsAppAction,
          sendTest: sendTestMessageAction,
          testStatus: testMessageStatusAction,
          demoNumber: demoNumberAction,
        }}
      />
      <AssistantForm locale={locale} settings={data.assistant} />
    </div>
  );
}
