// Who answers a conversation, in one place: the assistant handing a buyer to sales (local engine or
// the LLM's handoff tool), a salesperson taking over or handing back, assignment, and escalation
// to the next salesperson when nobody answered a waiting buyer. Each change runs in the caller's
// tenant transaction and writes its audit row there; a handoff (and an escalation) also notifies
// the assignee and states `buyerWaiting`. Visibility (who may do it) is the caller's check.
import "server-only";
import { type Actor, recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/core/db/client";
import type { ConversationMode } from "@/lib/generated/prisma/client";
import { assignRoundRobin } from "@/lib/leads/assign";
import { buyerWaiting, conversationAssigned } from "@/lib/whatsapp/events";

/** The assistant acting on its own (a buyer asked for a person, or negotiation). */
export const ASSISTANT_ACTOR: Actor = { userId: null, email: "assistant:whatsapp" };

const inboxLink = (conversationId: string) => `/dashboard/inbox/${conversationId}`;

/** The active salesperson holding the conversation's lead: the buyer's person already. */
async function leadHolder(tx: Tx, leadId: string | null): Promise<string | null> {
  if (!leadId) return null;
  const lead = await tx.lead.findUnique({
    where: { id: leadId },
    select: { assignee: { select: { id: true, isActive: true } } },
  });
  return lead?.assignee?.isActive ? lead.assignee.id : null;
}

/**
 * Hands a buyer to sales: human mode (the assistant goes quiet), the existing assignee kept (the
 * conversation's, else its lead's) or the next salesperson round-robin, the time of the handoff, a notification, `buyerWaiting`, an audit
 * row. Idempotent: a conversation already with a person is left as it is.
 */
export async function handOffToSales(
  tx: Tx,
  options: { tenantId: string; conversationId: string; reason: string; actor?: Actor },
): Promise<{ handedOff: boolean; assigneeId: string | null }> {
  const conversation = await tx.waConversation.findUnique({
    where: { id: options.conversationId },
    include: { contact: true },
  });
  if (!conversation) return { handedOff: false, assigneeId: null };
  if (conversation.mode === "human") return { handedOff: false, assigneeId: conversation.assigneeId };
  const assigneeId =
    conversation.assigneeId ??
    (await leadHolder(tx, conversation.leadId)) ??
    (await assignRoundRobin(tx))?.id ??
    null;
  const reason = options.reason.slice(0, 500);
  const handedOffAt = new Date();
  await tx.waConversation.update({
    where: { id: conversation.id },
    data: { mode: "human", handedOffAt, assigneeId },
  });
  // No assignee (no active salesperson): every admin of the showroom sees it (userId null).
  await tx.notification.create({
    data: {
      tenantId: options.tenantId,
      userId: assigneeId,
      kind: "conversation.handoff",
      title: `Pembeli minta dihubungi: ${conversation.contact.name ?? conversation.contact.waId ?? ""}`,
      body: reason,
      link: inboxLink(conversation.id),
    },
  });
  await recordAudit(tx, {
    tenantId: options.tenantId,
    actor: options.actor ?? ASSISTANT_ACTOR,
    action: "conversation.handoff",
    entity: "conversation",
    entityId: conversation.id,
    before: { mode: conversation.mode, assigneeId: conversation.assigneeId },
    after: { mode: "human", assigneeId, reason },
  });
  await buyerWaiting.emitInTx(tx, {
    tenantId: options.tenantId,
    conversationId: conversation.id,
    assigneeId,
    reason,
    handedOffAt: handedOffAt.toISOString(),
  });
  return { handedOff: true, assigneeId };
}

interface StaffChange {
  tenantId: string;
  conversationId: string;
  actor: Actor;
  /** The conversation as the caller checked it. */
  before: { mode: ConversationMode; assigneeId: string | null };
}

/** A salesperson takes the conversation: it is theirs and the assistant goes quiet. */
export async function takeOverConversation(tx: Tx, options: StaffChange & { userId: string }): Promise<void> {
  await tx.waConversation.update({
    where: { id: options.conversationId },
    data: { mode: "human", assigneeId: options.userId, handedOffAt: new Date() },
  });
  await recordAudit(tx, {
    tenantId: options.tenantId,
    actor: options.actor,
    action: "conversation.take_over",
    entity: "conversation",
    entityId: options.conversationId,
    before: options.before,
    after: { mode: "human", assigneeId: options.userId },
  });
}

/** Back to the assistant: it answers the buyer's next message again. The assignee stays. */
export async function handBackConversation(tx: Tx, options: StaffChange): Promise<void> {
  await tx.waConversation.update({
    where: { id: options.conversationId },
    data: { mode: "assistant", handedOffAt: null },
  });
  await recordAudit(tx, {
    tenantId: options.tenantId,
    actor: options.actor,
    action: "conversation.hand_back",
    entity: "conversation",
    entityId: options.conversationId,
    before: { mode: options.before.mode },
    after: { mode: "assistant" },
  });
}

/** Gives the conversation to a colleague (notified unless they gave it to themselves). */
export async function assignConversationTo(
  tx: Tx,
  options: StaffChange & { assigneeId: string; byUserId: string; contactName: string },
): Promise<void> {
  await tx.waConversation.update({
    where: { id: options.conversationId },
    data: { assigneeId: options.assigneeId },
  });
  if (options.assigneeId !== options.byUserId) {
    await tx.notification.create({
      data: {
        tenantId: options.tenantId,
        userId: options.assigneeId,
        kind: "conversation.assigned",
        title: `Percakapan WhatsApp: ${options.contactName}`,
        link: inboxLink(options.conversationId),
      },
    });
    await conversationAssigned.emitInTx(tx, {
      tenantId: options.tenantId,
      conversationId: options.conversationId,
      assigneeId: options.assigneeId,
    });
  }
  await recordAudit(tx, {
    tenantId: options.tenantId,
    actor: options.actor,
    action: "conversation.assign",
    entity: "conversation",
    entityId: options.conversationId,
    before: { assigneeId: options.before.assigneeId },
    after: { assigneeId: options.assigneeId },
  });
}

/** The wait an escalation was scheduled for: the handoff, who was asked, who was asked before. */
export interface WaitingBuyer {
  tenantId: string;
  conversationId: string;
  /** The conversation's handed_off_at when the wait began (ISO): a take-over starts a new one. */
  handedOffAt: string;
  assigneeId: string | null;
  passedOver: readonly string[];
  reason: string;
}

export type EscalationOutcome =
  /** Someone answered the buyer, took the conversation, handed it back or gave it to someone else. */
  | "settled"
  /** The next salesperson was asked. */
  | "escalated"
  /** Every salesperson was asked: the managers are told. */
  | "managers";

/**
 * Nobody answered a waiting buyer in time: the next salesperson (round-robin, never one already
 * asked in this wait) gets the conversation, a notification and `buyerWaiting` again; when all were
 * asked, the managers are told. Does nothing when the wait is over (a staff reply since the handoff,
 * a take-over, a hand-back or a reassignment), so a late or repeated run changes nothing.
 */
export async function escalateWaitingBuyer(tx: Tx, wait: WaitingBuyer): Promise<EscalationOutcome> {
  // Locked: two runs of one escalation (a retried job) must not both move the buyer along.
  await tx.$queryRaw`SELECT id FROM wa_conversations WHERE id = ${wait.conversationId}::uuid FOR UPDATE`;
  const conversation = await tx.waConversation.findUnique({
    where: { id: wait.conversationId },
    include: { contact: true },
  });
  if (
    !conversation?.handedOffAt ||
    conversation.mode !== "human" ||
    conversation.handedOffAt.toISOString() !== wait.handedOffAt ||
    conversation.assigneeId !== wait.assigneeId
  )
    return "settled";
  const answered = await tx.waMessage.count({
    where: {
      conversationId: conversation.id,
      direction: "outbound",
      sender: "staff",
      createdAt: { gte: conversation.handedOffAt },
    },
  });
  if (answered > 0) return "settled";

  const asked = [...new Set([...wait.passedOver, ...(wait.assigneeId ? [wait.assigneeId] : [])])];
  const next = await assignRoundRobin(tx, { except: asked });
  const buyer = conversation.contact.name ?? conversation.contact.waId ?? "";
  if (next) await tx.waConversation.update({ where: { id: conversation.id }, data: { assigneeId: next.id } });
  await tx.notification.create({
    data: {
      tenantId: wait.tenantId,
      userId: next?.id ?? null,
      kind: "conversation.handoff",
      title: next ? `Pembeli menunggu, belum dibalas: ${buyer}` : `Belum ada sales yang membalas: ${buyer}`,
      body: wait.reason,
      link: inboxLink(conversation.id),
    },
  });
  await recordAudit(tx, {
    tenantId: wait.tenantId,
    actor: ASSISTANT_ACTOR,
    action: "conversation.escalate",
    entity: "conversation",
    entityId: conversation.id,
    before: { assigneeId: wait.assigneeId },
    after: { assigneeId: next?.id ?? wait.assigneeId, managersAsked: !next },
  });
  await buyerWaiting.emitInTx(tx, {
    tenantId: wait.tenantId,
    conversationId: conversation.id,
    assigneeId: next?.id ?? null,
    reason: wait.reason,
    handedOffAt: wait.handedOffAt,
    passedOver: asked,
  });
  return next ? "escalated" : "managers";
}
