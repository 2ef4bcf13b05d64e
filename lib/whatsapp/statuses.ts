// Delivery statuses of our outbound messages: they only move forward (sent, delivered, read), a
// failure is final, and 131047 closes the 24-hour window until the buyer writes again.
import "server-only";
import type { Tx } from "@/lib/core/db/client";
import { withTenant } from "@/lib/core/db/tenant";
import type { MessageStatus } from "@/lib/generated/prisma/client";
import { timestampOf } from "@/lib/whatsapp/timestamps";
import type { MessageStatus as WireStatus } from "@/lib/whatsapp/webhook-schema";

const RANK: Record<MessageStatus, number> = {
  received: 0,
  queued: 0,
  sent: 1,
  delivered: 2,
  read: 3,
  failed: 4,
};
const WIRE_STATUSES = new Set<MessageStatus>(["sent", "delivered", "read", "failed"]);

/** Moves an outbound message's status forward; "missing" when its send call has not returned yet. */
export async function applyStatus(tx: Tx, status: WireStatus): Promise<"applied" | "ignored" | "missing"> {
  const next = status.status as MessageStatus;
  if (!WIRE_STATUSES.has(next)) return "ignored";
  const message = await tx.waMessage.findFirst({
    where: { wamid: status.id, direction: "outbound" },
    include: { conversation: { select: { contactId: true } } },
  });
  if (!message) return "missing";
  if (message.status === "failed") return "ignored";
  const at = timestampOf(status.timestamp);
  if (next === "failed") {
    const error = status.errors?.[0];
    await tx.waMessage.update({
      where: { id: message.id },
      data: {
        status: "failed",
        errorCode: error?.code ?? null,
        errorTitle: error?.title ?? error?.message ?? null,
      },
    });
    // 131047: outside the 24-hour window; only templates until the buyer writes again.
    if (error?.code === 131047)
      await tx.waContact.update({
        where: { id: message.conversation.contactId },
        data: { windowClosedAt: at },
      });
    return "applied";
  }
  if (RANK[next] <= RANK[message.status]) return "ignored";
  await tx.waMessage.update({
    where: { id: message.id },
    data: {
      status: next,
      ...(next === "sent" && !message.sentAt ? { sentAt: at } : {}),
      ...(RANK[next] >= RANK.delivered && !message.deliveredAt ? { deliveredAt: at } : {}),
      ...(next === "read" ? { readAt: at } : {}),
    },
  });
  return "applied";
}

/** A status whose message was not there yet: retried by the queue until it is. */
export async function processLateStatus(tenantId: string, status: WireStatus): Promise<void> {
  const outcome = await withTenant(tenantId, (tx) => applyStatus(tx, status));
  if (outcome === "missing") throw new Error(`status for unknown message ${status.id}; retrying`);
}
