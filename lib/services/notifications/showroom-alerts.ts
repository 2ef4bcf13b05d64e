// Reactions to facts about the showroom as a whole, for its managers: the AI allowance stopped the
// LLM (the assistant wrote the dashboard row; WhatsApp for those who chose it), and the WhatsApp
// number cannot send (dashboard only, at most once an hour: WhatsApp is what is failing).
import "server-only";
import type { aiAllowanceReached } from "@/lib/assistant/events";
import { withTenant } from "@/lib/core/db/tenant";
import { managerRecipients } from "@/lib/notifications/recipients";
import { alertText, deliver } from "@/lib/services/notifications/deliver";
import type { EventPayload } from "@/lib/services/notifications/event-payload";
import type { whatsappNumberFailing } from "@/lib/whatsapp/events";

export async function onAiAllowanceReached(event: EventPayload<typeof aiAllowanceReached>): Promise<void> {
  await withTenant(event.tenantId, async (tx) => {
    const notice = await tx.notification.findUnique({ where: { id: event.notificationId } });
    if (!notice) return;
    await deliver(tx, {
      tenantId: event.tenantId,
      type: "ai.budget",
      recipients: await managerRecipients(tx),
      dedupeKey: `ai:${notice.id}`,
      headline: notice.title,
      details: notice.body ?? "",
      path: notice.link ?? "/dashboard",
    });
  });
}

const HOUR_MS = 60 * 60 * 1000;

export async function onWhatsAppNumberFailing(
  event: EventPayload<typeof whatsappNumberFailing>,
): Promise<void> {
  await withTenant(event.tenantId, async (tx) => {
    const hour = new Date(Math.floor(Date.now() / HOUR_MS) * HOUR_MS).toISOString();
    await deliver(tx, {
      tenantId: event.tenantId,
      type: "whatsapp.failing",
      recipients: await managerRecipients(tx),
      dedupeKey: `whatsapp.failing:${event.problem}:${hour}`,
      headline: alertText(
        event.problem === "token_refused"
          ? "notifications.alert.tokenRefused"
          : "notifications.alert.notConnected",
      ),
      details: event.code ? `${event.detail} (${event.code})` : event.detail,
      path: "/dashboard/settings",
      dashboardKind: "whatsapp.failing",
    });
  });
}
