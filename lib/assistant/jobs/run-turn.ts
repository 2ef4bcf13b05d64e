// "assistant-turn": answers one stored WhatsApp message (a buyer's, or a staff member's command).
// Queued with the message, in the conversation's queue: one turn at a time per conversation, in order.
import "server-only";
import { z } from "zod";
import { afterStaffTurn } from "@/lib/assistant/staff/turn";
import { runAssistantTurn } from "@/lib/assistant/turn";
import { withTenant } from "@/lib/core/db/tenant";
import { defineJob } from "@/lib/core/queue/define";

export const runTurnJob = defineJob({
  name: "assistant-turn",
  payload: z.object({ tenantId: z.uuid(), conversationId: z.uuid(), messageId: z.uuid() }),
  options: ({ conversationId, messageId }) => ({
    queueName: `conv:${conversationId}`,
    jobKey: `turn:${messageId}`,
  }),
  handler: async (turn) => {
    const result = await withTenant(turn.tenantId, (tx) => runAssistantTurn(tx, turn), { timeout: 60_000 });
    // A staff command changed stock: the catalog is refreshed now that the change has committed.
    if (result?.kind === "staff") await afterStaffTurn(result.staff);
  },
});
