// A WhatsApp alert to a staff member's own number, from the showroom's number, through the outbox
// (one idempotency key: exactly once, even when the caller runs twice or crashes half way). Inside
// the staff member's 24-hour window (they wrote to the showroom's number within a day) it is free
// text; outside it, only an approved template may go, here a utility template whose three body
// parameters are the headline, the details and the link.
import "server-only";
import type { Tx } from "@/lib/core/db/client";
import { ensureConversation, lockContact, upsertContact } from "@/lib/whatsapp/inbound";
import { WINDOW_MS } from "@/lib/whatsapp/outbound-request";
import { queueOutbound, queueText } from "@/lib/whatsapp/outbox";

export interface StaffAlert {
  tenantId: string;
  to: { userId: string; number: string; name: string };
  /** The whole message, sent as is inside the window. */
  text: string;
  /** The template's body parameters outside the window: headline, details, link. */
  parameters: [string, string, string];
  template: { name: string; language: string } | null;
  /** The same key twice queues once. */
  idempotencyKey: string;
  now?: Date;
}

export type StaffAlertOutcome =
  | "text"
  | "template"
  /** Outside the window and the showroom has no alert template: nothing can be sent. */
  | "no_template"
  /** The showroom has no WhatsApp number connected. */
  | "not_connected";

/** Meta refuses template parameters with new lines, tabs or more than four spaces in a row. */
export function templateParameter(text: string): string {
  return text.replace(/\s+/g, " ").trim().slice(0, 500) || "-";
}

export async function queueStaffAlert(tx: Tx, alert: StaffAlert): Promise<StaffAlertOutcome> {
  const now = alert.now ?? new Date();
  const showroom = await tx.tenant.findUniqueOrThrow({
    where: { id: alert.tenantId },
    select: { whatsappPhoneNumberId: true, whatsappAccessTokenEnc: true },
  });
  if (!showroom.whatsappPhoneNumberId || !showroom.whatsappAccessTokenEnc) return "not_connected";

  // The staff member's own conversation with the showroom's number (the one their commands use).
  await lockContact(tx, alert.tenantId, alert.to.number);
  const contact = await upsertContact(tx, alert.tenantId, {
    waId: alert.to.number,
    waUserId: null,
    name: alert.to.name,
  });
  const found = await ensureConversation(tx, alert.tenantId, contact.id);
  // Theirs in the inbox: alerts name other people's buyers, and a salesperson sees unassigned
  // conversations, so a colleague's alerts must not be one of those.
  const conversation = found.assigneeId
    ? found
    : await tx.waConversation.update({ where: { id: found.id }, data: { assigneeId: alert.to.userId } });
  const windowOpen =
    contact.lastInboundAt !== null &&
    now.getTime() - contact.lastInboundAt.getTime() < WINDOW_MS &&
    contact.windowClosedAt === null;
  const common = {
    tenantId: alert.tenantId,
    conversationId: conversation.id,
    idempotencyKey: alert.idempotencyKey,
    sender: "system" as const,
  };
  if (windowOpen) {
    await queueText(tx, { ...common, text: alert.text });
    return "text";
  }
  if (!alert.template) return "no_template";
  await queueOutbound(tx, {
    ...common,
    // The key of the text's first part: a retry that finds the window changed still sends once.
    idempotencyKey: `${alert.idempotencyKey}:0`,
    preview: alert.text,
    request: {
      type: "template",
      content: {
        name: alert.template.name,
        language: { code: alert.template.language },
        components: [
          {
            type: "body",
            parameters: alert.parameters.map((text) => ({ type: "text", text: templateParameter(text) })),
          },
        ],
      },
    },
  });
  return "template";
}
