// Reactions to lead facts: a new lead tells the managers (the assignee has their own "assigned to
// you"); a lead given to someone and a visit a buyer booked reach that person on the channels they
// chose. The dashboard rows for "assigned" and "visit" are written by the lead domain itself.
import "server-only";
import { withTenant } from "@/lib/core/db/tenant";
import type { leadAssigned, leadCreated, visitBooked } from "@/lib/leads/events";
import { managerRecipients, staffRecipients } from "@/lib/notifications/recipients";
import { alertText, deliver, detailsOf } from "@/lib/services/notifications/deliver";
import type { EventPayload } from "@/lib/services/notifications/event-payload";
import { leadSubject } from "@/lib/services/notifications/subjects";
import { readStaffAlertSettings } from "@/lib/settings/staff-alerts";
import { TIME_ZONES } from "@/lib/tenancy/hours";

const leadPath = (leadId: string) => `/dashboard/leads/${leadId}`;

export async function onLeadCreated(event: EventPayload<typeof leadCreated>): Promise<void> {
  await withTenant(event.tenantId, async (tx) => {
    const subject = await leadSubject(tx, event.leadId);
    if (!subject) return;
    const managers = (await managerRecipients(tx)).filter(
      (manager) => manager.id !== event.enteredBy && manager.id !== event.assigneeId,
    );
    await deliver(tx, {
      tenantId: event.tenantId,
      type: "lead.new",
      recipients: managers,
      dedupeKey: `lead.new:${event.leadId}`,
      headline: alertText("notifications.alert.leadNew", {
        buyer: subject.buyer,
        source: alertText(`leads.source.${event.source}`),
      }),
      details: detailsOf(subject),
      path: leadPath(event.leadId),
      dashboardKind: "lead.new",
    });
  });
}

export async function onLeadAssigned(event: EventPayload<typeof leadAssigned>): Promise<void> {
  await withTenant(event.tenantId, async (tx) => {
    const subject = await leadSubject(tx, event.leadId);
    if (!subject) return;
    await deliver(tx, {
      tenantId: event.tenantId,
      type: "assigned",
      recipients: await staffRecipients(tx, [event.assigneeId]),
      dedupeKey: `assigned:lead:${event.leadId}:${event.assigneeId}`,
      headline: alertText("notifications.alert.leadAssigned", { buyer: subject.buyer }),
      details: detailsOf(subject),
      path: leadPath(event.leadId),
    });
  });
}

export async function onVisitBooked(event: EventPayload<typeof visitBooked>): Promise<void> {
  await withTenant(event.tenantId, async (tx) => {
    const subject = await leadSubject(tx, event.leadId);
    if (!subject) return;
    const recipients = event.assigneeId
      ? await staffRecipients(tx, [event.assigneeId])
      : await managerRecipients(tx);
    const { timeZone } = await readStaffAlertSettings(tx, event.tenantId);
    const when = `${new Date(event.at).toLocaleString("id-ID", {
      timeZone,
      dateStyle: "full",
      timeStyle: "short",
    })} ${TIME_ZONES[timeZone].label}`;
    await deliver(tx, {
      tenantId: event.tenantId,
      type: "visit.booked",
      recipients,
      dedupeKey: `visit:${event.leadId}:${event.at}`,
      headline: alertText(
        event.kind === "test_drive" ? "notifications.alert.testDrive" : "notifications.alert.visit",
        { buyer: subject.buyer, when },
      ),
      details: detailsOf(subject),
      path: leadPath(event.leadId),
    });
  });
}
