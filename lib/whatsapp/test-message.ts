// "Send test message" on the WhatsApp tab: one message to a number the owner types, through the
// outbox like every other send, so it is tracked (ticks, errors) and shows in the inbox. Inside
// the recipient's 24-hour window it is a text; outside it, Meta's pre-approved hello_world
// template, the same message Meta's own API Setup page sends.
import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { type Actor, recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/core/db/client";
import { Conflict, NotFound } from "@/lib/core/errors";
import { type Locale, translator } from "@/lib/core/i18n/messages";
import { normalizePhone } from "@/lib/core/phone";
import type { MessageStatus } from "@/lib/generated/prisma/client";
import { OutboundRequest, WINDOW_MS } from "@/lib/whatsapp/outbound-request";
import { queueOutbound } from "@/lib/whatsapp/outbox";

export const TestMessageInput = z.object({
  to: z
    .string()
    .trim()
    .transform((value, ctx) => {
      const phone = normalizePhone(value);
      if (!phone) {
        ctx.addIssue({ code: "custom", message: "whatsapp.error.phone" });
        return z.NEVER;
      }
      return phone;
    }),
  /** Generated in the browser per press: a double submit sends once. */
  clientId: z
    .string()
    .regex(/^[A-Za-z0-9-]{8,64}$/)
    .optional(),
});

/** Every WhatsApp Business Account has it, approved, from the start. */
const HELLO_WORLD = { name: "hello_world", language: { code: "en_US" } };

export interface TestMessageSent {
  messageId: string;
  conversationId: string;
  kind: "text" | "template";
}

export async function sendTestMessage(
  tx: Tx,
  target: { tenantId: string; actor: Actor; locale: Locale },
  input: z.output<typeof TestMessageInput>,
): Promise<TestMessageSent> {
  const { tenantId, actor } = target;
  const tenant = await tx.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { name: true, whatsappPhoneNumberId: true, whatsappAccessTokenEnc: true },
  });
  if (!tenant.whatsappPhoneNumberId || !tenant.whatsappAccessTokenEnc)
    throw new Conflict("whatsapp.error.notConnected");
  const contact = await tx.waContact.upsert({
    where: { tenantId_waId: { tenantId, waId: input.to } },
    create: { tenantId, waId: input.to },
    update: {},
  });
  const conversation =
    (await tx.waConversation.findUnique({ where: { contactId: contact.id }, select: { id: true } })) ??
    (await tx.waConversation.create({ data: { tenantId, contactId: contact.id }, select: { id: true } }));
  const windowOpen =
    contact.lastInboundAt !== null &&
    contact.windowClosedAt === null &&
    Date.now() - contact.lastInboundAt.getTime() < WINDOW_MS;
  const body = translator(target.locale)("whatsapp.testBody", { showroom: tenant.name });
  const request: OutboundRequest = windowOpen
    ? { type: "text", content: { body, preview_url: false } }
    : { type: "template", content: HELLO_WORLD };
  const idempotencyKey = `test:${input.clientId ?? randomUUID()}`;
  const queued = await queueOutbound(tx, {
    tenantId,
    conversationId: conversation.id,
    idempotencyKey,
    request,
    preview: windowOpen ? body : `Template ${HELLO_WORLD.name}`,
    sender: "staff",
    authorId: actor.userId,
  });
  if (!queued) {
    // The same press again: answer with the message the first one queued.
    const first = await tx.waOutbox.findUniqueOrThrow({
      where: { tenantId_idempotencyKey: { tenantId, idempotencyKey } },
      select: { messageId: true, conversationId: true, request: true },
    });
    const { type } = OutboundRequest.parse(first.request);
    return {
      messageId: first.messageId,
      conversationId: first.conversationId,
      kind: type === "text" ? "text" : "template",
    };
  }
  const messageId = queued;
  await recordAudit(tx, {
    tenantId,
    actor,
    action: "whatsapp.test_message",
    entity: "wa_message",
    entityId: messageId,
    after: { to: input.to, kind: request.type },
  });
  return { messageId, conversationId: conversation.id, kind: windowOpen ? "text" : "template" };
}

export const TestMessageStatusInput = z.object({ messageId: z.uuid() });

export interface TestMessageStatus {
  status: MessageStatus;
  errorCode: number | null;
  errorTitle: string | null;
}

/** Where the test message is now (the page polls it until it is read or failed). */
export async function testMessageStatus(
  tx: Tx,
  tenantId: string,
  input: z.output<typeof TestMessageStatusInput>,
): Promise<TestMessageStatus> {
  // tenantId too: on the console's platform path every showroom's rows are visible.
  const message = await tx.waMessage.findFirst({
    where: { id: input.messageId, tenantId },
    select: { status: true, errorCode: true, errorTitle: true, direction: true },
  });
  if (message?.direction !== "outbound") throw new NotFound();
  return { status: message.status, errorCode: message.errorCode, errorTitle: message.errorTitle };
}
