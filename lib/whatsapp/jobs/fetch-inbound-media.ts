// "whatsapp-media": downloads an inbound image or document and stores it. Queued with the message,
// in the conversation's queue, so a staff listing's photo is there before the assistant's turn runs.
import "server-only";
import { z } from "zod";
import { defineJob } from "@/lib/core/queue/define";
import { fetchInboundMedia } from "@/lib/whatsapp/media";

export const fetchInboundMediaJob = defineJob({
  name: "whatsapp-media",
  payload: z.object({
    tenantId: z.uuid(),
    conversationId: z.uuid(),
    messageId: z.uuid(),
    reference: z.object({
      mediaId: z.string().min(1),
      sha256: z.string().optional(),
      mimeType: z.string().optional(),
      kind: z.enum(["image", "document"]),
    }),
  }),
  options: ({ conversationId, messageId }) => ({
    queueName: `conv:${conversationId}`,
    jobKey: `media:${messageId}`,
    maxAttempts: 6,
  }),
  handler: async (payload) => {
    await fetchInboundMedia(payload);
  },
});
