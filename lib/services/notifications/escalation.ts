// A waiting buyer is not left waiting: N minutes (the showroom's setting) after a salesperson is
// asked, a run_at job checks whether anyone answered; if not, the next salesperson is asked
// (lib/whatsapp/handoff.ts decides and states `buyerWaiting` again, which schedules the next
// check). Minutes count in opening hours: asked after closing, the clock starts when it opens.
import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/core/db/client";
import { withTenant } from "@/lib/core/db/tenant";
import { defineJob } from "@/lib/core/queue/define";
import { readStaffAlertSettings, showroomClock } from "@/lib/settings/staff-alerts";
import { escalateWaitingBuyer } from "@/lib/whatsapp/handoff";

const MINUTE_MS = 60_000;

const WaitPayload = z.object({
  tenantId: z.uuid(),
  conversationId: z.uuid(),
  handedOffAt: z.iso.datetime(),
  assigneeId: z.uuid().nullable(),
  passedOver: z.array(z.uuid()),
  reason: z.string().max(500),
});
type Wait = z.output<typeof WaitPayload>;

/** When a check that starts now should run: N minutes from now, or from the next opening when closed. */
async function checkTimeFor(tx: Tx, tenantId: string, now: Date): Promise<Date | null> {
  const settings = await readStaffAlertSettings(tx, tenantId);
  if (settings.escalationMinutes === 0) return null;
  const clock = showroomClock(settings, now);
  const start = clock.open ? now : (clock.next?.at ?? now);
  return new Date(start.getTime() + settings.escalationMinutes * MINUTE_MS);
}

// One pending check per conversation (job key): a new wait replaces the old one's check.
const jobKeyOf = (conversationId: string) => `escalate:${conversationId}`;

export const escalateWaitingBuyerJob = defineJob({
  name: "escalate-waiting-buyer",
  payload: WaitPayload,
  options: (wait) => ({ jobKey: jobKeyOf(wait.conversationId), maxAttempts: 5 }),
  handler: async (wait) => {
    await withTenant(wait.tenantId, async (tx) => {
      const now = new Date();
      const settings = await readStaffAlertSettings(tx, wait.tenantId);
      const clock = showroomClock(settings, now);
      // Closed now (the check was due after closing): ask again once the showroom has opened.
      if (!clock.open && clock.next) {
        const runAt = new Date(clock.next.at.getTime() + settings.escalationMinutes * MINUTE_MS);
        await escalateWaitingBuyerJob.enqueueInTx(tx, wait, { runAt });
        return;
      }
      await escalateWaitingBuyer(tx, wait);
    });
  },
});

/** Schedules the check for a wait that just began (in the transaction of the alert). */
export async function scheduleEscalation(tx: Tx, wait: Wait, now: Date = new Date()): Promise<Date | null> {
  const runAt = await checkTimeFor(tx, wait.tenantId, now);
  if (runAt) await escalateWaitingBuyerJob.enqueueInTx(tx, wait, { runAt });
  return runAt;
}
