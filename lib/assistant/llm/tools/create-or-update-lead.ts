// create_or_update_lead: the buyer as a prospect for the sales team (name, interest, budget).
import "server-only";
import { z } from "zod";
import { RupiahArg } from "@/lib/assistant/llm/providers/types";
import { saveLead } from "@/lib/assistant/llm/tools/save-lead";
import { assistantTool } from "@/lib/assistant/llm/tools/tool";
import { findListed, text } from "@/lib/assistant/llm/tools/turn";

export const createOrUpdateLeadTool = assistantTool({
  name: "create_or_update_lead",
  description:
    "Save the buyer as a prospect for the sales team: name, phone (their WhatsApp number is used when omitted), the car they are interested in, their budget in Rupiah.",
  input: z.object({
    name: text(80),
    phone: text(30).optional(),
    interestStockCode: text(40).optional(),
    budget: RupiahArg.optional(),
    note: text(500).optional(),
  }),
  async execute(args, turn) {
    const vehicle = args.interestStockCode
      ? await findListed(turn.tx, { stockCode: args.interestStockCode })
      : null;
    const { lead, created } = await saveLead(turn, {
      name: args.name,
      phone: args.phone,
      vehicleId: vehicle?.id,
      budget: args.budget,
      message: args.note,
    });
    return { saved: true, created, salespersonAssigned: lead.assigneeId !== null };
  },
});
