// Everything a showroom sends on WhatsApp goes through the outbox once: a message row and an
// outbox row with an idempotency key are written in the caller's transaction with its send job
// (lib/whatsapp/jobs/send-outbox-item.ts); sends to one recipient are paced one at a time.
import "server-only";
import type { Tx } from "@/lib/core/db/client";
import type { MessageSender, Prisma } from "@/lib/generated/prisma/client";
import { sendOutboxItemJob } from "@/lib/whatsapp/jobs/send-outbox-item";
import { splitText } from "@/lib/whatsapp/limits";
import type { OutboundRequest } from "@/lib/whatsapp/outbound-request";

export interface QueueOutboundOptions {
  tenantId: string;
  conversationId: string;
  /** The same key twice sends once: e.g. `reply:{inbound message id}:{part}`. */
  idempotencyKey: string;
  request: OutboundRequest;
  /** What the dashboard shows for it. */
  preview: string;
  sender: MessageSender;
  authorId?: string | null;
}

/** Queues one message; returns the message id, or null when that idempotency key was queued before. */
export async function queueOutbound(tx: Tx, options: QueueOutboundOptions): Promise<string | null> {
  // Two submits with one key at the same moment: the second waits here for the first to commit,
  // then finds its row, instead of failing on the unique index.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`outbox:${options.tenantId}:${options.idempotencyKey}`}, 0))`;
  const existing = await tx.waOutbox.findUnique({
    where: {
      tenantId_idempotencyKey: { tenantId: options.tenantId, idempotencyKey: options.idempotencyKey },
    },
    select: { id: true },
  });
  if (existing) return null;
  const conversation = await tx.waConversation.findUniqueOrThrow({
    where: { id: options.conversationId },
    include: { contact: true },
  });
  const recipient = conversation.contact.waId ?? conversation.contact.waUserId ?? "";
  const message = await tx.waMessage.create({
    data: {
      tenantId: options.tenantId,
      conversationId: options.conversationId,
      direction: "outbound",
      sender: options.sender,
      authorId: options.authorId ?? null,
      type: options.request.type,
      body: options.preview,
      payload: options.request as Prisma.InputJsonValue,
      status: "queued",
    },
  });
  const outbox = await tx.waOutbox.create({
    data: {
      tenantId: options.tenantId,
      conversationId: options.conversationId,
      messageId: message.id,
      idempotencyKey: options.idempotencyKey,
      recipient,
      request: options.request as Prisma.InputJsonValue,
    },
  });
  await tx.waConversation.update({
    where: { id: options.conversationId },
    data: { lastMessageAt: new Date(), lastMessagePreview: options.preview.slice(0, 140) },
  });
  // One queue per recipient: their messages go out one at a time, in order.
  await sendOutboxItemJob.enqueueInTx(
    tx,
    { tenantId: options.tenantId, outboxId: outbox.id },
    { queueName: `send:${options.tenantId}:${recipient}` },
  );
  return message.id;
}

/** Long text becomes several messages at WhatsApp's limit, each with its own key. */
export async function queueText(
  tx: Tx,
  options: Omit<QueueOutboundOptions, "request" | "preview"> & { text: string },
): Promise<string[]> {
  const ids: string[] = [];
  const parts = splitText(options.text);
  for (const [index, part] of parts.entries()) {
    const id = await queueOutbound(tx, {
      ...options,
      idempotencyKey: `${options.idempotencyKey}:${index}`,
      preview: part,
      request: { type: "text", content: { body: part, preview_url: true } },
    });
    if (id) ids.push(id);
  }
  return ids;
}
