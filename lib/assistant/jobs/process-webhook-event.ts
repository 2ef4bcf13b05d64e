// "whatsapp-event": processes one stored webhook POST. It lives with the assistant, not in
// lib/whatsapp, because storing a buyer's message queues the assistant's turn in the same
// transaction, and lib/whatsapp may not know the assistant.
import "server-only";
import { z } from "zod";
import { runTurnJob } from "@/lib/assistant/jobs/run-turn";
import { defineJob } from "@/lib/core/queue/define";
import type { QueueTurn } from "@/lib/whatsapp/inbound";
import { processWebhookEvent, storeWebhookEvent } from "@/lib/whatsapp/ingest";

const MAX_ATTEMPTS = 25;

/** Queues the assistant's turn for a stored message (the whatsapp layer calls it inside its transaction). */
export const queueAssistantTurn: QueueTurn = (tx, turn) => runTurnJob.enqueueInTx(tx, turn);

export const processWebhookEventJob = defineJob({
  name: "whatsapp-event",
  payload: z.object({ eventId: z.uuid() }),
  options: () => ({ maxAttempts: MAX_ATTEMPTS }),
  handler: async ({ eventId }) => {
    await processWebhookEvent(eventId, { queueTurn: queueAssistantTurn });
  },
});

/** The webhook route's one statement: the raw body stored and this job added, atomically. */
export function acceptWebhook(body: string): Promise<string> {
  return storeWebhookEvent(body, processWebhookEventJob, MAX_ATTEMPTS);
}
