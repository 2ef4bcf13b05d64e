// GET a buyer's WhatsApp photo or document: only for signed-in staff of its showroom who may see
// the conversation; kept in the browser's private cache only, never a shared one.
import { z } from "zod";
import { staffAction } from "@/lib/actions/client";
import { type InboundMedia, readInboundMedia } from "@/lib/whatsapp/inbound-media";

export const dynamic = "force-dynamic";

function respond(media: InboundMedia): Response {
  return new Response(new Uint8Array(media.bytes), {
    headers: {
      "Content-Type": media.contentType,
      "Cache-Control": "private, max-age=300",
      Vary: "Cookie",
      "X-Content-Type-Options": "nosniff",
      // A document is downloaded, never rendered in our origin; nothing in either may run script.
      "Content-Disposition": `${media.kind === "image" ? "inline" : "attachment"}; filename="${media.filename}"`,
      "Content-Security-Policy": "sandbox; default-src 'none'",
    },
  });
}

export const GET = staffAction("conversations.read")
  .input(z.object({ messageId: z.uuid() }))
  .route(({ tx, user }, input) => readInboundMedia(tx, user, input.messageId), { respond });
