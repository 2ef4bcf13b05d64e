// The lead of the WhatsApp conversation the assistant is in, kept up to date through the lead
// intake by both engines. The assistant only ever touches this conversation's contact and lead: a
// phone number the buyer types proves nothing (anyone can type anyone's number), so it never
// selects a lead; the lead is the conversation's own, or an open lead with the contact's verified
// WhatsApp number, or a new one.
import "server-only";
import type { Actor } from "@/lib/audit/record";
import type { Tx } from "@/lib/core/db/client";
import { normalizePhone } from "@/lib/core/phone";
import type { Lead } from "@/lib/generated/prisma/client";
import { takeInLead } from "@/lib/leads/intake";

export const BUYER_WHATSAPP: Actor = { userId: null, email: "buyer:whatsapp" };

/** What the buyer said about themselves this turn. */
export interface BuyerLeadInput {
  name?: string;
  /** A number the buyer typed; kept in the lead's message when it is not their WhatsApp number. */
  phone?: string;
  vehicleId?: string;
  budget?: bigint;
  message?: string;
  followUpAt?: Date;
}

export async function keepBuyerLead(
  tx: Tx,
  options: { tenantId: string; conversationId: string; input: BuyerLeadInput },
): Promise<{ lead: Lead; created: boolean }> {
  const conversation = await tx.waConversation.findUniqueOrThrow({
    where: { id: options.conversationId },
    include: { contact: true },
  });
  const own = conversation.contact.waId;
  const typed = options.input.phone ? normalizePhone(options.input.phone) : null;
  const otherNumber = typed && typed !== own ? typed : null;
  const message = [options.input.message, otherNumber ? `Nomor lain dari pembeli: +${otherNumber}` : null]
    .filter(Boolean)
    .join("\n");
  const { lead, created } = await takeInLead(
    tx,
    {
      source: "whatsapp",
      name: options.input.name,
      // A contact known only by username has no number: the typed one is stored, but matches nothing.
      phone: own ?? typed,
      vehicleId: options.input.vehicleId,
      budget: options.input.budget,
      message: message || undefined,
      followUpAt: options.input.followUpAt,
    },
    {
      tenantId: options.tenantId,
      actor: BUYER_WHATSAPP,
      leadId: conversation.leadId,
      matchByPhone: own !== null,
      defaultName: conversation.contact.name ?? "Pembeli WhatsApp",
      // The buyer's salesperson in this conversation keeps their lead; else round-robin.
      assigneeId: conversation.assigneeId ?? undefined,
    },
  );
  if (conversation.leadId !== lead.id)
    await tx.waConversation.update({ where: { id: conversation.id }, data: { leadId: lead.id } });
  return { lead, created };
}
