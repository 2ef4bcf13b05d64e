// What one outbound WhatsApp message is, as stored in the outbox and sent to the Graph API.
import { z } from "zod";

export const WINDOW_MS = 24 * 60 * 60 * 1000;

/** What the Graph API gets: a message type and its object ({ body } for text, { link, caption } for image...). */
export const OutboundRequest = z.object({
  type: z.enum(["text", "image", "interactive", "template"]),
  content: z.record(z.string(), z.unknown()),
});
export type OutboundRequest = z.infer<typeof OutboundRequest>;
