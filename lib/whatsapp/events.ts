// Facts about WhatsApp conversations and the showroom's number that other layers react to (the
// notification service). Emitted in the transaction that makes them true; subscribers are wired
// in lib/jobs.
import "server-only";
import { z } from "zod";
import { defineEvent } from "@/lib/core/queue/define";

/**
 * A buyer was handed to a salesperson and waits for a person to answer in the conversation; again
 * when nobody answered in time and the next salesperson was asked (`passedOver` lists who was asked
 * before). No assignee: the showroom's managers are asked.
 */
export const buyerWaiting = defineEvent(
  "buyer-waiting",
  z.object({
    tenantId: z.uuid(),
    conversationId: z.uuid(),
    assigneeId: z.uuid().nullable(),
    reason: z.string().max(500),
    /** The conversation's handed_off_at of this wait; a take-over since then ends it. */
    handedOffAt: z.iso.datetime().optional(),
    passedOver: z.array(z.uuid()).default([]),
  }),
);

/** A staff member gave a conversation to a colleague. */
export const conversationAssigned = defineEvent(
  "conversation-assigned",
  z.object({ tenantId: z.uuid(), conversationId: z.uuid(), assigneeId: z.uuid() }),
);

/** The showroom's number cannot send: its token was refused, or no number is connected any more. */
export const whatsappNumberFailing = defineEvent(
  "whatsapp-number-failing",
  z.object({
    tenantId: z.uuid(),
    problem: z.enum(["token_refused", "not_connected"]),
    code: z.number().int().nullable(),
    detail: z.string().max(500),
  }),
);
