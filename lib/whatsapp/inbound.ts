// Stores one buyer message: the contact and conversation are found or created, the message is
// stored once (the message id is unique per showroom, so a redelivery, even at the same moment,
// inserts nothing), its media is queued, and a fresh message the assistant should answer gets its
// turn queued by the caller's `queueTurn` in the same transaction.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/core/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RoutedTenant } from "@/lib/whatsapp/accounts";
import { fetchInboundMediaJob } from "@/lib/whatsapp/jobs/fetch-inbound-media";
import { mediaOf } from "@/lib/whatsapp/media";
import { timestampOf } from "@/lib/whatsapp/timestamps";
import { type ContactInfo, type InboundMessage, messageText } from "@/lib/whatsapp/webhook-schema";

/** Messages older than this when we get to them are stored but not answered automatically. */
export const AUTO_ANSWER_MAX_AGE_MS = 5 * 60 * 1000;

/** A stored message that needs an assistant turn. */
export interface TurnRequest {
  tenantId: string;
  conversationId: string;
  messageId: string;
}
export type QueueTurn = (tx: Tx, turn: TurnRequest) => Promise<void>;

/** How a contact is found: its wa_id, else the newer business-scoped user_id. */
export interface ContactKey {
  waId: string | null;
  waUserId: string | null;
  name: string | null;
}

function contactKey(contact: ContactInfo | undefined, message: InboundMessage): ContactKey {
  const waId = contact?.waId ?? message.from ?? null;
  const waUserId = contact?.userId ?? message.from_user_id ?? null;
  return { waId, waUserId, name: contact?.name ?? null };
}

/**
 * Finds or creates the contact with INSERT ... ON CONFLICT: two first messages from one new contact
 * processed at the same moment must not fail (a unique violation would abort the transaction).
 */
export async function upsertContact(tx: Tx, tenantId: string, key: ContactKey) {
  if (key.waId) {
    await tx.$executeRaw`
      INSERT INTO wa_contacts (tenant_id, wa_id, wa_user_id, name) VALUES (${tenantId}::uuid, ${key.waId}, ${key.waUserId}, ${key.name})
      ON CONFLICT (tenant_id, wa_id) DO UPDATE SET name = COALESCE(EXCLUDED.name, wa_contacts.name), wa_user_id = COALESCE(EXCLUDED.wa_user_id, wa_contacts.wa_user_id)`;
    return tx.waContact.findUniqueOrThrow({ where: { tenantId_waId: { tenantId, waId: key.waId } } });
  }
  if (!key.waUserId) throw new Error("message without wa_id or user_id");
  await tx.$executeRaw`
    INSERT INTO wa_contacts (tenant_id, wa_user_id, name) VALUES (${tenantId}::uuid, ${key.waUserId}, ${key.name})
    ON CONFLICT (tenant_id, wa_user_id) DO UPDATE SET name = COALESCE(EXCLUDED.name, wa_contacts.name)`;
  return tx.waContact.findUniqueOrThrow({
    where: { tenantId_waUserId: { tenantId, waUserId: key.waUserId } },
  });
}

export async function ensureConversation(tx: Tx, tenantId: string, contactId: string) {
  await tx.$executeRaw`INSERT INTO wa_conversations (tenant_id, contact_id) VALUES (${tenantId}::uuid, ${contactId}::uuid) ON CONFLICT (contact_id) DO NOTHING`;
  return tx.waConversation.findUniqueOrThrow({ where: { contactId } });
}

/**
 * Everything that changes one contact's conversation (storing their message, an assistant turn)
 * takes this transaction lock first, so concurrent work on one conversation queues instead of
 * deadlocking on its rows.
 */
export async function lockContact(tx: Tx, tenantId: string, contactKeyText: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${tenantId}:${contactKeyText}`}, 0))`;
}

/** Types a buyer writes to; reactions and unsupported payloads are stored but never answered. */
const ANSWERABLE = new Set(["text", "interactive", "button", "image", "document", "location"]);

export async function storeInbound(
  tx: Tx,
  options: {
    tenant: RoutedTenant;
    contact?: ContactInfo;
    message: InboundMessage;
    now: Date;
    queueTurn: QueueTurn;
  },
): Promise<{ stored: boolean; messageId?: string; conversationId?: string; turnQueued: boolean }> {
  const { tenant, message, now } = options;
  const tenantId = tenant.id;
  const key = contactKey(options.contact, message);
  await lockContact(tx, tenantId, key.waId ?? `u:${key.waUserId ?? ""}`);
  const contact = await upsertContact(tx, tenantId, key);
  const conversation = await ensureConversation(tx, tenantId, contact.id);
  const messageId = randomUUID();
  const sentAt = timestampOf(message.timestamp);
  const text = messageText(message);
  const inserted = await tx.waMessage.createMany({
    data: [
      {
        id: messageId,
        tenantId,
        conversationId: conversation.id,
        direction: "inbound",
        sender: "contact",
        wamid: message.id,
        type: message.type,
        body: text || null,
        payload: JSON.parse(JSON.stringify(message)) as Prisma.InputJsonValue,
        status: "received",
        sentAt,
      },
    ],
    skipDuplicates: true,
  });
  if (inserted.count === 0) return { stored: false, turnQueued: false };

  const windowStart =
    contact.lastInboundAt && contact.lastInboundAt > sentAt ? contact.lastInboundAt : sentAt;
  await tx.waContact.update({
    where: { id: contact.id },
    data: { lastInboundAt: windowStart, windowClosedAt: null },
  });
  await tx.waConversation.update({
    where: { id: conversation.id },
    data: {
      unreadCount: { increment: 1 },
      lastMessageAt: sentAt,
      lastMessagePreview: (text || `[${message.type}]`).slice(0, 140),
    },
  });
  const media = mediaOf(message);
  // Fetched before the assistant's turn runs (a staff listing needs the photo): same queue.
  if (media)
    await fetchInboundMediaJob.enqueueInTx(tx, {
      tenantId,
      conversationId: conversation.id,
      messageId,
      reference: media,
    });
  const fresh = now.getTime() - sentAt.getTime() <= AUTO_ANSWER_MAX_AGE_MS;
  const answer =
    fresh && tenant.status === "active" && conversation.mode === "assistant" && ANSWERABLE.has(message.type);
  // The assistant (a higher layer) queues its turn here, in this transaction.
  if (answer) await options.queueTurn(tx, { tenantId, conversationId: conversation.id, messageId });
  return { stored: true, messageId, conversationId: conversation.id, turnQueued: answer };
}
