// GET /api/dashboard/inbox?version=...: the visible conversation list, or { changed: false } when
// nothing changed since `version`. Polled every 3 s by the inbox (see README: why polling).
import { z } from "zod";
import { staffRoute } from "@/lib/actions/staff";
import { listConversations } from "@/lib/whatsapp/inbox";

export const dynamic = "force-dynamic";

const Query = z.object({ version: z.string().max(64).optional() });

export async function GET(request: Request): Promise<Response> {
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  return staffRoute({ permission: "conversations.read", input: Query }, raw, async ({ tx, user }, query) => {
    const list = await listConversations(tx, user);
    return list.version === query.version
      ? { changed: false as const, version: list.version }
      : { changed: true as const, ...list };
  });
}
