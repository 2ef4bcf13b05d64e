// /dashboard/inbox: WhatsApp conversations the user may see (lib/whatsapp/inbox.ts decides which).
import { ConversationList } from "@/components/dashboard/inbox/conversation-list";
import { staffPage } from "@/lib/actions/pages";
import { can } from "@/lib/auth/permissions";
import { getTranslator } from "@/lib/core/i18n/server";
import { listConversations } from "@/lib/whatsapp/inbox";

export default async function InboxPage() {
  const { user, data: list } = await staffPage("conversations.read", ({ tx, user }) =>
    listConversations(tx, user),
  );
  const { locale, t } = await getTranslator();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight">{t("inbox.title")}</h1>
        <p className="text-sm text-muted-foreground">
          {t(can(user.role, "leads.read.all") ? "inbox.intro.all" : "inbox.intro.own")}
        </p>
      </div>
      <ConversationList locale={locale} initial={list} />
    </div>
  );
}
