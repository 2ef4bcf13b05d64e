// GET /api/dashboard/inbox/thread?conversationId=...|waId=...&after=ISO: new messages since the
// cursor plus current ticks, polled every 3 s by a thread and by the simulator.
import { staffRoute } from "@/lib/actions/staff";
import { ThreadChangesInput, threadChanges } from "@/lib/whatsapp/inbox";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  return staffRoute(
    { permission: "conversations.read", input: ThreadChangesInput },
    raw,
    ({ tx, user }, input) => threadChanges(tx, user, input),
  );
}
