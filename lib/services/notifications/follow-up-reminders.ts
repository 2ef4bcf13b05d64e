// The follow-up schedule: every minute, once across all workers, each lead whose follow_up_at has
// come reminds its assignee (or the managers when it has none) on the channels they chose, once
// per date: a date moved later reminds again when it comes.
import "server-only";
import { withTenant } from "@/lib/core/db/tenant";
import { defineSchedule } from "@/lib/core/queue/define";
import { lockDueFollowUps, markFollowUpReminded, tenantsWithDueFollowUps } from "@/lib/leads/follow-ups";
import { managerRecipients, staffRecipients } from "@/lib/notifications/recipients";
import { alertText, deliver, detailsOf } from "@/lib/services/notifications/deliver";
import { leadSubject } from "@/lib/services/notifications/subjects";

/** Reminds everything due in one showroom; returns how many leads. */
export async function remindDueFollowUps(tenantId: string, now: Date = new Date()): Promise<number> {
  return withTenant(tenantId, async (tx) => {
    const due = await lockDueFollowUps(tx, now);
    for (const lead of due) {
      const subject = await leadSubject(tx, lead.id);
      if (!subject) continue;
      await deliver(tx, {
        tenantId,
        type: "follow_up.due",
        recipients: lead.assigneeId
          ? await staffRecipients(tx, [lead.assigneeId])
          : await managerRecipients(tx),
        dedupeKey: `follow_up:${lead.id}:${lead.followUpAt.toISOString()}`,
        headline: alertText("notifications.alert.followUp", { buyer: subject.buyer }),
        details: detailsOf(subject),
        path: `/dashboard/leads/${lead.id}`,
        dashboardKind: "lead.follow_up",
      });
      await markFollowUpReminded(tx, lead.id, now);
    }
    return due.length;
  });
}

export const remindFollowUpsSchedule = defineSchedule({
  name: "remind-follow-ups",
  cron: "* * * * *",
  handler: async () => {
    for (const tenantId of await tenantsWithDueFollowUps()) {
      // One showroom's trouble must not keep the others' reminders back.
      await remindDueFollowUps(tenantId).catch((error: unknown) =>
        console.error(`[notifications] follow-up reminders failed for ${tenantId}:`, error),
      );
    }
  },
});
