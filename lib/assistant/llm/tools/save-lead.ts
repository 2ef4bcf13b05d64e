// What create_or_update_lead and book_visit share: the buyer's lead saved through the lead intake,
// only ever the lead of the conversation the turn is in.
import "server-only";
import { BUYER_WHATSAPP, type BuyerLeadInput, keepBuyerLead } from "@/lib/assistant/buyer-lead";
import { ToolError } from "@/lib/assistant/llm/providers/errors";
import type { ToolTurn } from "@/lib/assistant/llm/tools/tool";
import type { Lead } from "@/lib/generated/prisma/client";
import { takeInLead } from "@/lib/leads/intake";

export async function saveLead(
  { tx, context, effects }: ToolTurn,
  input: BuyerLeadInput,
): Promise<{ lead: Lead; created: boolean }> {
  if (context.conversation) {
    const saved = await keepBuyerLead(tx, {
      tenantId: context.tenantId,
      conversationId: context.conversation.id,
      input,
    });
    effects.leadId = saved.lead.id;
    return saved;
  }
  // No conversation (an evaluation run): the typed number is all there is, and it selects no other lead.
  if (!input.phone && !effects.leadId) throw new ToolError("A phone number is needed: ask the buyer for it.");
  const saved = await takeInLead(
    tx,
    { source: "whatsapp", ...input },
    {
      tenantId: context.tenantId,
      actor: BUYER_WHATSAPP,
      leadId: effects.leadId,
      matchByPhone: false,
      defaultName: "Pembeli WhatsApp",
    },
  );
  effects.leadId = saved.lead.id;
  return saved;
}
