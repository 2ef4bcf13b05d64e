// Facts about WhatsApp conversations that other layers react to (the notification service of issue
// 13). Emitted in the transaction that makes them true; subscribers are wired in lib/jobs.
import "server-only";
import { z } from "zod";
import { defineEvent } from "@/lib/core/queue/define";

/** A buyer was handed to a salesperson and waits for a person to answer in the conversation. */
export const buyerWaiting = defineEvent(
  "buyer-waiting",
  z.object({
    tenantId: z.uuid(),
    conversationId: z.uuid(),
    assigneeId: z.uuid().nullable(),
    reason: z.string().max(500),
  }),
);
