// GET /api/dashboard/inbox?version=...: the visible conversation list, or { changed: false } when
// nothing changed since `version`. Polled every 3 s by the inbox (see README: why polling).
import { z } from "zod";
import { staffAction } from "@/lib/actions/client";
import { listConversations } from "@/lib/whatsapp/inbox";

export const dynamic = "force-dynamic";

export const GET = staffAction("conversations.read")
  .input(z.object({ version: z.string().max(64).optional() }))
  .route(async ({ tx, user }, query) => {
    const list = await listConversations(tx, user);
    return list.version === query.version
      ? { changed: false as const, version: list.version }
      : { changed: true as const, ...list };
  });
