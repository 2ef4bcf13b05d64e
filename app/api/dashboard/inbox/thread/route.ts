// GET /api/dashboard/inbox/thread?conversationId=...|waId=...&after=ISO: new messages since the
// cursor plus current ticks, polled every 3 s by a thread and by the simulator.
import { staffAction } from "@/lib/actions/client";
import { ThreadChangesInput, threadChanges } from "@/lib/whatsapp/inbox";

export const dynamic = "force-dynamic";

export const GET = staffAction("conversations.read")
  .input(ThreadChangesInput)
  .route(({ tx, user }, input) => threadChanges(tx, user, input));
