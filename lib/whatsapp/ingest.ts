// From a stored webhook event to conversations: every entry, change, message and status is routed
// by phone_number_id to its showroom and stored once (the message id is unique per showroom, so a
// redelivery, even at the same moment, inserts nothing); fresh buyer messages get one assistant
// turn, queued in the same transaction; statuses only move forward.
import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/core/db/client";
import { withTenant } from "@/lib/core/db/tenant";
import { enqueueInTx } from "@/lib/core/queue/enqueue-in-tx";
import { queueSchema } from "@/lib/core/queue/queue";
import type { MessageStatus, Prisma } from "@/lib/generated/prisma/client";
import { findTenantByPhoneNumberId, type RoutedTenant } from "@/lib/whatsapp/accounts";
import { mediaOf } from "@/lib/whatsapp/media";
import {
  type ContactInfo,
  type InboundMessage,
  messageText,
  parseWebhookBody,
  type MessageStatus as WireStatus,
} from "@/lib/whatsapp/webhook-schema";

export const TASKS = {
  event: "whatsapp-event",
  status: "whatsapp-status",
  send: "whatsapp-send",
  turn: "assistant-turn",
  media: "whatsapp-media",
} as const;

/** Messages older than this when we get to them are stored but not answered automatically. */
export const AUTO_ANSWER_MAX_AGE_MS = 5 * 60 * 1000;

/** Stores the raw body and queues its processing in one statement: both happen, or neither. */
export async function acceptWebhook(body: string): Promise<string> {
  const rows = await db().$queryRawUnsafe<{ id: string }[]>(
    `WITH stored AS (SELECT app_store_webhook_event($1) AS id)
     SELECT id::text AS id, ${queueSchema()}.add_job('${TASKS.event}', json_build_object('eventId', id), max_attempts => 25) FROM stored`,
    body,
  );
  const id = rows[0]?.id;
  if (!id) throw new Error("webhook event was not stored");
  return id;
}

export interface IngestReport {
  messages: number;
  duplicates: number;
  statuses: number;
  unknownNumbers: string[];
  errors: number;
}

const timestampOf = (seconds: string) => new Date(Number(seconds) * 1000);

function contactKey(
  contact: ContactInfo | undefined,
  message: InboundMessage,
): { waId: string | null; waUserId: string | null; name: string | null } {
  const waId = contact?.waId ?? message.from ?? null;
  const waUserId = contact?.userId ?? message.from_user_id ?? null;
  return { waId, waUserId, name: contact?.name ?? null };
}

/**
 * Finds or creates the contact with INSERT ... ON CONFLICT: two first messages from one new contact
 * processed at the same moment must not fail (a unique violation would abort the transaction).
 */
async function upsertContact(tx: Tx, tenantId: string, key: ReturnType<typeof contactKey>) {
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

async function ensureConversation(tx: Tx, tenantId: string, contactId: string) {
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
  options: { tenant: RoutedTenant; contact?: ContactInfo; message: InboundMessage; now: Date },
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
  if (media) {
    // Fetched before the assistant's turn runs (a staff listing needs the photo): same queue.
    await enqueueInTx(
      tx,
      TASKS.media,
      { tenantId, messageId, reference: media },
      { queueName: `conv:${conversation.id}`, jobKey: `media:${messageId}`, maxAttempts: 6 },
    );
  }
  const fresh = now.getTime() - sentAt.getTime() <= AUTO_ANSWER_MAX_AGE_MS;
  const answer =
    fresh && tenant.status === "active" && conversation.mode === "assistant" && ANSWERABLE.has(message.type);
  if (answer) {
    // One turn at a time per conversation: jobs in the same named queue run in order.
    await enqueueInTx(
      tx,
      TASKS.turn,
      { tenantId, conversationId: conversation.id, messageId },
      { queueName: `conv:${conversation.id}`, jobKey: `turn:${messageId}` },
    );
  }
  return { stored: true, messageId, conversationId: conversation.id, turnQueued: answer };
}

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

async function claimEvent(eventId: string): Promise<{ body: string; processed: boolean } | null> {
  const rows = await db().$queryRaw<
    { body: string; processed_at: Date | null }[]
  >`SELECT * FROM app_claim_webhook_event(${eventId}::uuid)`;
  const row = rows[0];
  return row ? { body: row.body, processed: row.processed_at !== null } : null;
}

async function finishEvent(eventId: string, error: string | null): Promise<void> {
  await db().$executeRaw`SELECT app_finish_webhook_event(${eventId}::uuid, ${error})`;
}

/** The queue's job for one stored webhook POST. Safe to run again: everything it stores is deduplicated. */
export async function processWebhookEvent(
  eventId: string,
  now: () => Date = () => new Date(),
): Promise<IngestReport> {
  const report: IngestReport = { messages: 0, duplicates: 0, statuses: 0, unknownNumbers: [], errors: 0 };
  const event = await claimEvent(eventId);
  if (!event || event.processed) return report;
  try {
    const routes = new Map<string, RoutedTenant | null>();
    const route = async (phoneNumberId: string) => {
      if (!routes.has(phoneNumberId))
        routes.set(phoneNumberId, await findTenantByPhoneNumberId(phoneNumberId));
      return routes.get(phoneNumberId) ?? null;
    };
    for (const item of parseWebhookBody(JSON.parse(event.body))) {
      if (item.kind === "ignored") continue;
      if (item.kind === "invalid") {
        console.warn(`[whatsapp] unreadable part of event ${eventId}: ${item.reason}`);
        report.errors += 1;
        continue;
      }
      const tenant = await route(item.phoneNumberId);
      if (!tenant) {
        // Meta sends every number of the app here; one we do not serve is logged, not an error.
        if (!report.unknownNumbers.includes(item.phoneNumberId))
          report.unknownNumbers.push(item.phoneNumberId);
        console.warn(
          `[whatsapp] event ${eventId}: phone_number_id ${item.phoneNumberId} belongs to no showroom`,
        );
        continue;
      }
      if (item.kind === "error") {
        console.warn(
          `[whatsapp] ${tenant.slug}: error ${item.error.code ?? "?"} ${item.error.title ?? item.error.message ?? ""}`,
        );
        report.errors += 1;
        continue;
      }
      if (item.kind === "message") {
        const result = await withTenant(tenant.id, (tx) =>
          storeInbound(tx, { tenant, contact: item.contact, message: item.message, now: now() }),
        );
        if (result.stored) report.messages += 1;
        else report.duplicates += 1;
        continue;
      }
      const outcome = await withTenant(tenant.id, async (tx) => {
        const applied = await applyStatus(tx, item.status);
        // The status beat our own send call back: try again shortly, once the wamid is known.
        if (applied === "missing") {
          await enqueueInTx(
            tx,
            TASKS.status,
            { tenantId: tenant.id, status: item.status },
            { runAt: new Date(Date.now() + 2000), maxAttempts: 8 },
          );
        }
        return applied;
      });
      if (outcome !== "missing") report.statuses += 1;
    }
    await finishEvent(eventId, null);
    return report;
  } catch (error) {
    await finishEvent(eventId, error instanceof Error ? error.message : String(error));
    throw error;
  }
}

/** A status whose message was not there yet: retried by the queue until it is. */
export async function processLateStatus(tenantId: string, status: WireStatus): Promise<void> {
  const outcome = await withTenant(tenantId, (tx) => applyStatus(tx, status));
  if (outcome === "missing") throw new Error(`status for unknown message ${status.id}; retrying`);
}
