// "whatsapp-send": sends one outbox row. Queued by the outbox with the row itself; one queue per
// recipient (given by the producer) keeps their messages in order.
import "server-only";
import { z } from "zod";
import { defineJob } from "@/lib/core/queue/define";
import { sendOutboxItem } from "@/lib/whatsapp/outbox-sender";

export const sendOutboxItemJob = defineJob({
  name: "whatsapp-send",
  payload: z.object({ tenantId: z.uuid(), outboxId: z.uuid() }),
  options: ({ outboxId }) => ({ jobKey: `send:${outboxId}`, maxAttempts: 8 }),
  handler: async ({ tenantId, outboxId }) => {
    await sendOutboxItem(tenantId, outboxId);
  },
});
