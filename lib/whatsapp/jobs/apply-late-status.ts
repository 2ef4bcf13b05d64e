// "whatsapp-status": a delivery status that arrived before our own send call returned its message
// id; retried by the queue until the message is known.
import "server-only";
import { z } from "zod";
import { defineJob } from "@/lib/core/queue/define";
import { processLateStatus } from "@/lib/whatsapp/statuses";
import { MessageStatus } from "@/lib/whatsapp/webhook-schema";

export const applyLateStatusJob = defineJob({
  name: "whatsapp-status",
  payload: z.object({ tenantId: z.uuid(), status: MessageStatus }),
  options: () => ({ runAt: new Date(Date.now() + 2000), maxAttempts: 8 }),
  handler: async ({ tenantId, status }) => {
    await processLateStatus(tenantId, status);
  },
});
