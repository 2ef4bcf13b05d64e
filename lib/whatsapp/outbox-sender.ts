// Sends one outbox row (the "whatsapp-send" job): rate-limit errors are retried with backoff, and
// outside the 24-hour window only templates go out. A refused token or a number no longer
// connected states `whatsappNumberFailing`, so the showroom's managers hear of it.
import "server-only";
import type { Tx } from "@/lib/core/db/client";
import { withTenant } from "@/lib/core/db/tenant";
import { graphClientFor } from "@/lib/whatsapp/accounts";
import { whatsappNumberFailing } from "@/lib/whatsapp/events";
import { GraphApiError } from "@/lib/whatsapp/graph-client";
import { OutboundRequest, WINDOW_MS } from "@/lib/whatsapp/outbound-request";

export class RetryLater extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RetryLater";
  }
}

/** The queue's job: send one outbox row. Throws RetryLater for errors worth retrying (the queue backs off). */
export async function sendOutboxItem(
  tenantId: string,
  outboxId: string,
  now: () => Date = () => new Date(),
): Promise<"sent" | "failed" | "skipped"> {
  return withTenant(tenantId, async (tx) => {
    const item = await tx.waOutbox.findUnique({
      where: { id: outboxId },
      include: { conversation: { include: { contact: true } } },
    });
    if (!item || item.status === "sent" || item.status === "failed") return "skipped";
    const request = OutboundRequest.parse(item.request);
    const contact = item.conversation.contact;
    const windowOpen =
      contact.lastInboundAt !== null &&
      now().getTime() - contact.lastInboundAt.getTime() < WINDOW_MS &&
      contact.windowClosedAt === null;
    if (!windowOpen && request.type !== "template") {
      await markFailed(
        tx,
        item.id,
        item.messageId,
        131047,
        "Outside the 24-hour customer-service window; only templates may be sent",
      );
      return "failed";
    }
    const client = await graphClientFor(tx, tenantId);
    if (!client) {
      const reason = "WhatsApp is not configured for this showroom";
      await markFailed(tx, item.id, item.messageId, null, reason);
      await whatsappNumberFailing.emitInTx(tx, {
        tenantId,
        problem: "not_connected",
        code: null,
        detail: reason,
      });
      return "failed";
    }
    await tx.waOutbox.update({
      where: { id: item.id },
      data: { status: "sending", attempts: { increment: 1 } },
    });
    try {
      const { wamid } = await client.sendMessage(item.recipient, request.type, request.content);
      await tx.waOutbox.update({
        where: { id: item.id },
        data: { status: "sent", lastError: null, lastErrorCode: null },
      });
      await tx.waMessage.update({
        where: { id: item.messageId },
        data: { wamid, status: "sent", sentAt: now() },
      });
      return "sent";
    } catch (error) {
      if (error instanceof GraphApiError) {
        if (error.category === "window_closed") {
          await tx.waContact.update({ where: { id: contact.id }, data: { windowClosedAt: now() } });
          await markFailed(tx, item.id, item.messageId, error.code, error.message);
          return "failed";
        }
        if (error.retryable)
          throw new RetryLater(
            `${error.category} (${error.code ?? error.httpStatus ?? "?"}): ${error.message}`,
          );
        await markFailed(tx, item.id, item.messageId, error.code, error.message);
        if (error.category === "auth")
          await whatsappNumberFailing.emitInTx(tx, {
            tenantId,
            problem: "token_refused",
            code: error.code,
            detail: error.message.slice(0, 500),
          });
        return "failed";
      }
      throw error;
    }
  });
}

async function markFailed(
  tx: Tx,
  outboxId: string,
  messageId: string,
  code: number | null,
  reason: string,
): Promise<void> {
  await tx.waOutbox.update({
    where: { id: outboxId },
    data: { status: "failed", lastErrorCode: code, lastError: reason },
  });
  await tx.waMessage.update({
    where: { id: messageId },
    data: { status: "failed", errorCode: code, errorTitle: reason.slice(0, 300) },
  });
}
