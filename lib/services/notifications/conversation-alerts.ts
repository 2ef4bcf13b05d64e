// Reactions to conversation facts: a buyer waiting for a person reaches the salesperson asked (or
// the managers when nobody could be), on the channels they chose, and starts the escalation clock;
// a conversation given to a colleague reaches that colleague. The dashboard rows are written by
// lib/whatsapp/handoff.ts in the transaction of the change.
import "server-only";
import { withTenant } from "@/lib/core/db/tenant";
import { managerRecipients, staffRecipients } from "@/lib/notifications/recipients";
import { alertText, deliver, detailsOf } from "@/lib/services/notifications/deliver";
import { scheduleEscalation } from "@/lib/services/notifications/escalation";
import type { EventPayload } from "@/lib/services/notifications/event-payload";
import { conversationSubject } from "@/lib/services/notifications/subjects";
import type { buyerWaiting, conversationAssigned } from "@/lib/whatsapp/events";

const inboxPath = (conversationId: string) => `/dashboard/inbox/${conversationId}`;

export async function onBuyerWaiting(event: EventPayload<typeof buyerWaiting>): Promise<void> {
  await withTenant(event.tenantId, async (tx) => {
    const subject = await conversationSubject(tx, event.conversationId);
    // The wait is over already (handed back, taken over, or the conversation is gone): nothing to say.
    if (!subject?.handedOffAt || subject.mode !== "human") return;
    if (event.handedOffAt && event.handedOffAt !== subject.handedOffAt.toISOString()) return;
    const escalated = event.passedOver.length > 0;
    const headlineKey = !event.assigneeId
      ? "notifications.alert.buyerWaitingManagers"
      : escalated
        ? "notifications.alert.buyerWaitingEscalated"
        : "notifications.alert.buyerWaiting";
    const wait = subject.handedOffAt.toISOString();
    await deliver(tx, {
      tenantId: event.tenantId,
      type: "buyer.waiting",
      recipients: event.assigneeId
        ? await staffRecipients(tx, [event.assigneeId])
        : await managerRecipients(tx),
      dedupeKey: `buyer.waiting:${event.conversationId}:${wait}:${event.assigneeId ?? "managers"}`,
      headline: alertText(headlineKey, { buyer: subject.buyer }),
      details: detailsOf(subject, event.reason),
      path: inboxPath(event.conversationId),
    });
    if (event.assigneeId)
      await scheduleEscalation(tx, {
        tenantId: event.tenantId,
        conversationId: event.conversationId,
        handedOffAt: wait,
        assigneeId: event.assigneeId,
        passedOver: event.passedOver,
        reason: event.reason,
      });
  });
}

export async function onConversationAssigned(
  event: EventPayload<typeof conversationAssigned>,
): Promise<void> {
  await withTenant(event.tenantId, async (tx) => {
    const subject = await conversationSubject(tx, event.conversationId);
    if (!subject) return;
    await deliver(tx, {
      tenantId: event.tenantId,
      type: "assigned",
      recipients: await staffRecipients(tx, [event.assigneeId]),
      dedupeKey: `assigned:conversation:${event.conversationId}:${event.assigneeId}`,
      headline: alertText("notifications.alert.conversationAssigned", { buyer: subject.buyer }),
      details: detailsOf(subject),
      path: inboxPath(event.conversationId),
    });
  });
}
