// Everything a showroom sends on WhatsApp goes through the outbox once: a message row and an
// outbox row with an idempotency key are written in the caller's transaction (with the send job),
// then the queue sends it. Rate-limit errors are retried with backoff, sends to one recipient are
// paced one at a time, and outside the 24-hour window only templates go out.
import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/core/db/client";
import { withTenant } from "@/lib/core/db/tenant";
import { enqueueInTx } from "@/lib/core/queue/enqueue-in-tx";
import type { MessageSender, Prisma } from "@/lib/generated/prisma/client";
import { graphClientFor } from "@/lib/whatsapp/accounts";
import { GraphApiError } from "@/lib/whatsapp/graph-client";
import { TASKS } from "@/lib/whatsapp/ingest";
import { splitText } from "@/lib/whatsapp/limits";

export const WINDOW_MS = 24 * 60 * 60 * 1000;

/** What the Graph API gets: a message type and its object ({ body } for text, { link, caption } for image...). */
export const OutboundRequest = z.object({
  type: z.enum(["text", "image", "interactive", "template"]),
  content: z.record(z.string(), z.unknown()),
});
export type OutboundRequest = z.infer<typeof OutboundRequest>;

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
  await enqueueInTx(
    tx,
    TASKS.send,
    { tenantId: options.tenantId, outboxId: outbox.id },
    { queueName: `send:${options.tenantId}:${recipient}`, jobKey: `send:${outbox.id}`, maxAttempts: 8 },
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
      await markFailed(tx, item.id, item.messageId, null, "WhatsApp is not configured for this showroom");
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
