// The assistant's turn for one stored WhatsApp message, the one place that decides what happens:
// a staff member's message is a command (lib/assistant/staff), a buyer's is answered by an engine
// (lib/assistant/compose.ts), then the lead is kept up to date, the buyer handed to sales when
// needed, the conversation's search remembered, and the reply queued through the outbox, all in
// the caller's tenant transaction.
import "server-only";
import { afterHoursReply } from "@/lib/assistant/after-hours";
import { keepBuyerLead } from "@/lib/assistant/buyer-lead";
import { type BuyerPace, paceBuyer } from "@/lib/assistant/buyer-limits";
import { type ComposeResult, composeReply } from "@/lib/assistant/compose";
import { findStaffSender, runStaffTurn, type StaffTurnResult } from "@/lib/assistant/staff/turn";
import { detectLanguage, readStoredCriteria, storeCriteria } from "@/lib/assistant/understand/buyer-message";
import type { Tx } from "@/lib/core/db/client";
import { appUrl } from "@/lib/core/env";
import { translator } from "@/lib/core/i18n/messages";
import type { Prisma } from "@/lib/generated/prisma/client";
import { servingDomains } from "@/lib/tenancy/serving-domains";
import { handOffToSales } from "@/lib/whatsapp/handoff";
import { lockContact } from "@/lib/whatsapp/inbound";
import { queueText } from "@/lib/whatsapp/outbox";

export type TurnResult =
  | { kind: "staff"; staff: StaffTurnResult }
  | ({ kind: "buyer" } & ComposeResult)
  /** The buyer wrote faster than RATE_LIMIT_BUYER_MESSAGES: one "please wait", then silence. */
  | { kind: "paced"; pace: Exclude<BuyerPace, "answer"> };

/** Why the local engine hands over, for the salesperson's notification. */
const LOCAL_HANDOFF_REASON = "Pembeli minta bicara dengan sales (negosiasi, keluhan, atau minta orang).";

/** Keeps the lead of a buyer who was offered cars, gave a name or number, wants a visit or a person. */
async function keepLeadAfterLocalReply(
  tx: Tx,
  options: { tenantId: string; conversationId: string; result: ComposeResult },
): Promise<void> {
  const { result } = options;
  const buyer = result.buyer;
  if (
    !buyer ||
    !(buyer.name || buyer.phone || buyer.wantsVisit || result.handoff || result.offered.length > 0)
  )
    return;
  const interest = result.offered[0]
    ? await tx.vehicle.findFirst({
        where: { stockCode: { equals: result.offered[0], mode: "insensitive" } },
        select: { id: true },
      })
    : null;
  await keepBuyerLead(tx, {
    tenantId: options.tenantId,
    conversationId: options.conversationId,
    input: {
      name: buyer.name,
      phone: buyer.phone,
      vehicleId: interest?.id,
      budget: buyer.budget,
      message: buyer.wantsVisit ? "Ingin datang / test drive (via asisten WhatsApp)" : undefined,
    },
  });
}

/** The queue's job for one message: compose, keep the lead, hand off when needed, queue the reply. */
export async function runAssistantTurn(
  tx: Tx,
  options: { tenantId: string; conversationId: string; messageId: string },
): Promise<TurnResult | null> {
  const found = await tx.waConversation.findUnique({
    where: { id: options.conversationId },
    include: { contact: true },
  });
  if (!found) return null;
  await lockContact(tx, options.tenantId, found.contact.waId ?? `u:${found.contact.waUserId ?? ""}`);
  // Read again under the lock: a message stored meanwhile may have changed the conversation.
  const conversation = await tx.waConversation.findUnique({
    where: { id: options.conversationId },
    include: { contact: true },
  });
  const message = await tx.waMessage.findUnique({ where: { id: options.messageId } });
  if (!conversation || !message || conversation.mode !== "assistant") return null;
  const tenant = await tx.tenant.findUniqueOrThrow({
    where: { id: options.tenantId },
    include: { domains: { ...servingDomains, take: 1 } },
  });
  if (tenant.status !== "active" || !tenant.assistantEnabled) return null;

  const staff = await findStaffSender(tx, conversation.contact.waId);
  if (staff) {
    // runStaffTurn queues its own reply (buttons included) under `reply:${message.id}`.
    const staffTurn = await runStaffTurn(tx, {
      tenantId: options.tenantId,
      staff,
      text: message.body ?? "",
      conversationId: conversation.id,
      messageId: message.id,
    });
    return { kind: "staff", staff: staffTurn };
  }

  const buyer = { tenantId: options.tenantId, contactId: conversation.contact.id };
  const pace = await paceBuyer(tx, buyer);
  if (pace !== "answer") {
    if (pace === "pause")
      await queueText(tx, {
        tenantId: options.tenantId,
        conversationId: conversation.id,
        idempotencyKey: `reply:${message.id}`,
        text: translator(detectLanguage((message.body ?? "").toLowerCase()))("limits.buyerPause"),
        sender: "assistant",
      });
    return { kind: "paced", pace };
  }

  const state = (conversation.assistantState ?? {}) as { criteria?: unknown };
  const base = tenant.domains[0] ? `https://${tenant.domains[0].domain}` : `${appUrl()}/${tenant.slug}`;
  const result = await composeReply(tx, {
    tenantId: options.tenantId,
    text: message.body ?? "",
    previous: readStoredCriteria(state.criteria),
    showroomName: tenant.name,
    base,
    creditRateBps: tenant.creditRateBps,
    conversation: { id: conversation.id, messageId: message.id },
    contactId: buyer.contactId,
  });
  // The LLM keeps the lead and hands off through its tools; the local engine leaves both to us.
  if (result.engine === "local") {
    // A lead that cannot be saved (an unreadable name) must not cost the buyer their answer.
    await keepLeadAfterLocalReply(tx, {
      tenantId: options.tenantId,
      conversationId: conversation.id,
      result,
    }).catch((error: unknown) =>
      console.warn("[assistant] lead not saved:", error instanceof Error ? error.message : error),
    );
    if (result.handoff)
      await handOffToSales(tx, {
        tenantId: options.tenantId,
        conversationId: conversation.id,
        reason: LOCAL_HANDOFF_REASON,
      });
  }
  const handedOff = result.engine === "local" ? result.handoff : result.handoffDone;
  const reply =
    (handedOff &&
      (await afterHoursReply(tx, {
        tenantId: options.tenantId,
        showroom: tenant.name,
        buyerText: message.body ?? "",
        reply: result.reply,
        engine: result.engine,
      }))) ||
    result.reply;
  await tx.waConversation.update({
    where: { id: conversation.id },
    data: { assistantState: { criteria: storeCriteria(result.criteria) } as Prisma.InputJsonValue },
  });
  await queueText(tx, {
    tenantId: options.tenantId,
    conversationId: conversation.id,
    idempotencyKey: `reply:${message.id}`,
    text: reply,
    sender: "assistant",
  });
  return { kind: "buyer", ...result, reply };
}
