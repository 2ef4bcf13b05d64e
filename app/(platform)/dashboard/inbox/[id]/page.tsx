// /dashboard/inbox/[id]: one conversation; opening it marks it read. A conversation the user may
// not see (another showroom's, or a colleague's for a salesperson) is a 404.
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ThreadView } from "@/components/dashboard/inbox/thread-view";
import { staffPage } from "@/lib/actions/pages";
import { can } from "@/lib/auth/permissions";
import { getTranslator } from "@/lib/core/i18n/server";
import { listAssignableStaff } from "@/lib/leads/leads";
import { listSendableVehicles, openThread } from "@/lib/whatsapp/inbox";

export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  // Another showroom's or a colleague's conversation is a NotFound, and so this page's 404.
  const { user, data: loaded } = await staffPage("conversations.read", async ({ tx, user }) => ({
    thread: await openThread(tx, user, id.data),
    staff: await listAssignableStaff(tx),
    vehicles: await listSendableVehicles(tx),
  }));
  const { locale, t } = await getTranslator();
  return (
    <div className="mx-auto max-w-3xl space-y-3">
      <Link href="/dashboard/inbox" className="text-sm font-medium text-primary">
        ← {t("inbox.back")}
      </Link>
      <ThreadView
        locale={locale}
        initial={loaded.thread}
        me={{
          id: user.id,
          seesAll: can(user.role, "leads.read.all"),
          canAssign: can(user.role, "leads.assign"),
          canLinkLead: can(user.role, "leads.write"),
        }}
        staff={loaded.staff.map((member) => ({ id: member.id, name: member.name }))}
        vehicles={loaded.vehicles}
      />
    </div>
  );
}
