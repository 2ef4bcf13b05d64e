// Fans one fact out to the people it concerns, on the channels each chose for its type: the
// dashboard (a notification row, when this service writes it; domains write their own rows in the
// transaction that causes them) and WhatsApp (an alert to the person's own number through the
// outbox). Safe to run twice: rows are unique per person and key, and the outbox sends a key once.
// E-mail will be one more channel here.
import "server-only";
import type { Tx } from "@/lib/core/db/client";
import { translator } from "@/lib/core/i18n/messages";
import type { Recipient } from "@/lib/notifications/recipients";
import { type NotificationType, wants } from "@/lib/notifications/types";
import { writeNotifications } from "@/lib/notifications/write";
import { dashboardUrl, type Subject } from "@/lib/services/notifications/subjects";
import { readStaffAlertSettings } from "@/lib/settings/staff-alerts";
import { queueStaffAlert, type StaffAlertOutcome } from "@/lib/whatsapp/staff-alert";

/** Alerts go out in the showroom's language; staff accounts carry no language of their own yet. */
export const alertText = translator("id");

export interface Delivery {
  tenantId: string;
  type: NotificationType;
  recipients: readonly Recipient[];
  /** One fact, one key: "buyer.waiting:{conversation}:{handoff}:{assignee}". */
  dedupeKey: string;
  /** The first line: what happened and to whom ("Pembeli menunggu balasan: Budi (+62812...)"). */
  headline: string;
  /** The car and anything else worth a line. */
  details: string;
  /** The dashboard page, e.g. /dashboard/inbox/{id}. */
  path: string;
  /** Written here for the recipients when no domain wrote the dashboard row itself. */
  dashboardKind?: string;
}

/** The details line of an alert about a buyer: their car, then anything else. */
export function detailsOf(subject: Subject, ...more: (string | null | undefined)[]): string {
  const car = subject.car ? alertText("notifications.alert.car", { car: subject.car }) : null;
  return [car, ...more].filter(Boolean).join(" · ") || alertText("notifications.alert.noDetails");
}

export async function deliver(tx: Tx, delivery: Delivery): Promise<StaffAlertOutcome[]> {
  if (delivery.dashboardKind)
    await writeNotifications(
      tx,
      delivery.recipients.map((recipient) => recipient.id),
      {
        tenantId: delivery.tenantId,
        kind: delivery.dashboardKind,
        title: delivery.headline,
        body: delivery.details,
        link: delivery.path,
        dedupeKey: delivery.dedupeKey,
      },
    );
  const byWhatsApp = delivery.recipients.filter(
    (recipient) => recipient.whatsappNumber && wants(recipient.preferences, delivery.type, "whatsapp"),
  );
  if (byWhatsApp.length === 0) return [];
  const { template } = await readStaffAlertSettings(tx, delivery.tenantId);
  const link = dashboardUrl(delivery.path);
  const outcomes: StaffAlertOutcome[] = [];
  for (const recipient of byWhatsApp) {
    outcomes.push(
      await queueStaffAlert(tx, {
        tenantId: delivery.tenantId,
        to: { userId: recipient.id, number: recipient.whatsappNumber ?? "", name: recipient.name },
        text: `${delivery.headline}\n${delivery.details}\n${alertText("notifications.alert.open", { link })}`,
        parameters: [delivery.headline, delivery.details, link],
        template,
        idempotencyKey: `alert:${delivery.dedupeKey}:${recipient.id}`,
      }),
    );
  }
  return outcomes;
}
