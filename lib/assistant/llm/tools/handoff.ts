// handoff: the buyer to a salesperson (negotiation, discounts, complaints, asking for a person),
// through the one conversation handoff in lib/whatsapp/handoff.ts.
import "server-only";
import { z } from "zod";
import { assistantTool } from "@/lib/assistant/llm/tools/tool";
import { text } from "@/lib/assistant/llm/tools/turn";
import { handOffToSales } from "@/lib/whatsapp/handoff";

export const handoffTool = assistantTool({
  name: "handoff",
  description:
    "Hand the conversation to a salesperson: for price negotiation, discounts, complaints, or when the buyer asks for a person.",
  input: z.object({ reason: text(300) }),
  async execute(args, { tx, context, effects }) {
    effects.handoff = { reason: args.reason, done: false };
    if (context.conversation) {
      await handOffToSales(tx, {
        tenantId: context.tenantId,
        conversationId: context.conversation.id,
        reason: args.reason,
      });
      effects.handoff.done = true;
    }
    return { handedOff: true, note: "Tell the buyer a salesperson will reply in this chat soon." };
  },
});
