// /dashboard/inbox/[id]: one conversation; opening it marks it read. A conversation the user may
// not see (another showroom's, or a colleague's for a salesperson) is a 404.
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ThreadView } from "@/components/dashboard/inbox/thread-view";
import { staffPage } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { withTenant } from "@/lib/core/db/tenant";
import { NotFound } from "@/lib/core/errors";
import { getTranslator } from "@/lib/core/i18n/server";
import { listAssignableStaff } from "@/lib/leads/leads";
import { listSendableVehicles, openThread } from "@/lib/whatsapp/inbox";

export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await staffPage("conversations.read");
  const { locale, t } = await getTranslator();
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const loaded = await withTenant(user.tenantId, async (tx) => {
    try {
      return {
        thread: await openThread(tx, user, id.data),
        staff: await listAssignableStaff(tx),
        vehicles: await listSendableVehicles(tx),
      };
    } catch (error) {
      if (error instanceof NotFound) return null;
      throw error;
    }
  });
  if (!loaded) notFound();
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
