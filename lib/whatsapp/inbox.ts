// The dashboard's WhatsApp inbox: who sees which conversation (sales: theirs and unassigned ones;
// admins: all), the list and a thread with delivery ticks, changes since a cursor for polling, and
// what staff do in a conversation (reply, send a car, take over, hand back, assign, link a lead).
// Every function runs in the caller's tenant transaction and re-checks visibility itself.
import "server-only";
import { z } from "zod";
import type { StaffUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import type { StaffContext } from "@/lib/auth/staff-context";
import type { Tx } from "@/lib/core/db/client";
import { appUrl } from "@/lib/core/env";
import { Forbidden, Invalid, NotFound } from "@/lib/core/errors";
import { formatRupiah } from "@/lib/core/money";
import type {
  ConversationMode,
  MessageDirection,
  MessageSender,
  MessageStatus,
  Prisma,
  WaMessage,
} from "@/lib/generated/prisma/client";
import { readVariants } from "@/lib/images/photos";
import { listedWhere } from "@/lib/inventory/listing";
import { takeInLead } from "@/lib/leads/intake";
import { getStorage } from "@/lib/storage";
import { servingDomains } from "@/lib/tenancy/serving-domains";
import { assignConversationTo, handBackConversation, takeOverConversation } from "@/lib/whatsapp/handoff";
import { queueOutbound, queueText } from "@/lib/whatsapp/outbox";

type Viewer = Pick<StaffUser, "id" | "role">;

/** Admins see every conversation; a salesperson sees theirs and the ones nobody has yet. */
export function conversationScope(user: Viewer): Prisma.WaConversationWhereInput {
  if (can(user.role, "leads.read.all")) return {};
  return { OR: [{ assigneeId: user.id }, { assigneeId: null }] };
}

const SUMMARY_SELECT = {
  id: true,
  mode: true,
  unreadCount: true,
  lastMessageAt: true,
  lastMessagePreview: true,
  leadId: true,
  updatedAt: true,
  contact: { select: { name: true, waId: true, waUserId: true } },
  assignee: { select: { id: true, name: true } },
} satisfies Prisma.WaConversationSelect;

type SummaryRow = Prisma.WaConversationGetPayload<{ select: typeof SUMMARY_SELECT }>;

/** Plain JSON: the same shape goes to server components, client components and the polling route. */
export interface ConversationSummary {
  id: string;
  contactName: string;
  contactNumber: string | null;
  unreadCount: number;
  lastMessagePreview: string | null;
  lastMessageAt: string | null;
  mode: ConversationMode;
  assignee: { id: string; name: string } | null;
  leadId: string | null;
}

function toSummary(row: SummaryRow): ConversationSummary {
  const number = row.contact.waId ?? null;
  return {
    id: row.id,
    contactName: row.contact.name ?? (number ? `+${number}` : (row.contact.waUserId ?? "?")),
    contactNumber: number,
    unreadCount: row.unreadCount,
    lastMessagePreview: row.lastMessagePreview,
    lastMessageAt: row.lastMessageAt?.toISOString() ?? null,
    mode: row.mode,
    assignee: row.assignee,
    leadId: row.leadId,
  };
}

export interface ConversationList {
  conversations: ConversationSummary[];
  /** Changes when anything in the visible list changed; the client polls with it. */
  version: string;
}

export async function listConversations(tx: Tx, user: Viewer): Promise<ConversationList> {
  const rows = await tx.waConversation.findMany({
    where: conversationScope(user),
    select: SUMMARY_SELECT,
    orderBy: [{ lastMessageAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    take: 200,
  });
  const newest = rows.reduce((max, row) => Math.max(max, row.updatedAt.getTime()), 0);
  return { conversations: rows.map(toSummary), version: `${rows.length}:${newest}` };
}

async function visibleConversation(tx: Tx, user: Viewer, conversationId: string) {
  const row = await tx.waConversation.findFirst({
    where: { AND: [{ id: conversationId }, conversationScope(user)] },
    select: SUMMARY_SELECT,
  });
  if (!row) throw new NotFound("conversation");
  return row;
}

// ---------------------------------------------------------------------------------------------------------------
// Threads

export interface ThreadMessage {
  id: string;
  direction: MessageDirection;
  sender: MessageSender;
  authorName: string | null;
  type: string;
  body: string | null;
  imageUrl: string | null;
  /** A buyer's document (PDF...), through the staff-only media route. */
  documentUrl: string | null;
  status: MessageStatus;
  errorTitle: string | null;
  at: string;
}

/** Where a signed-in staff member's browser fetches a buyer's photo or document (lib/whatsapp/inbound-media.ts). */
export function inboundMediaUrl(messageId: string): string {
  return `/api/dashboard/inbox/media/${messageId}`;
}

const ImagePayload = z.object({
  type: z.literal("image"),
  content: z.object({ link: z.string(), caption: z.string().optional() }),
});

function toThreadMessage(row: WaMessage, authors: Map<string, string>): ThreadMessage {
  const image = row.direction === "outbound" ? ImagePayload.safeParse(row.payload) : null;
  // A buyer's file is private: its URL is the staff-only route, never a public /media one.
  const buyerFile = row.direction === "inbound" && row.mediaKey ? inboundMediaUrl(row.id) : null;
  return {
    id: row.id,
    direction: row.direction,
    sender: row.sender,
    authorName: row.authorId ? (authors.get(row.authorId) ?? null) : null,
    type: row.type,
    body: row.body,
    imageUrl: image?.success ? image.data.content.link : row.type === "image" ? buyerFile : null,
    documentUrl: row.type === "image" ? null : buyerFile,
    status: row.status,
    errorTitle: row.errorTitle,
    at: row.createdAt.toISOString(),
  };
}

async function threadMessages(
  tx: Tx,
  where: Prisma.WaMessageWhereInput,
  take: number,
): Promise<ThreadMessage[]> {
  // Newest `take`, shown oldest first.
  const rows = (
    await tx.waMessage.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take })
  ).reverse();
  const authorIds = [...new Set(rows.flatMap((row) => (row.authorId ? [row.authorId] : [])))];
  const authors = new Map(
    (await tx.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } })).map(
      (user) => [user.id, user.name],
    ),
  );
  return rows.map((row) => toThreadMessage(row, authors));
}

export interface Thread {
  conversation: ConversationSummary;
  messages: ThreadMessage[];
  /** createdAt of the newest message: the next poll asks for what came after it. */
  cursor: string | null;
}

/** Opens a conversation: its last messages, and its unread count goes back to 0. */
export async function openThread(tx: Tx, user: Viewer, conversationId: string): Promise<Thread> {
  const row = await visibleConversation(tx, user, conversationId);
  if (row.unreadCount > 0)
    await tx.waConversation.update({ where: { id: row.id }, data: { unreadCount: 0 } });
  const messages = await threadMessages(tx, { conversationId: row.id }, 200);
  return {
    conversation: { ...toSummary(row), unreadCount: 0 },
    messages,
    cursor: messages.at(-1)?.at ?? null,
  };
}

export const ThreadChangesInput = z.object({
  conversationId: z.uuid().optional(),
  /** The simulator knows the number it writes from, not the conversation id. */
  waId: z
    .string()
    .regex(/^\d{6,20}$/)
    .optional(),
  after: z.iso.datetime().optional(),
});

export interface ThreadChanges {
  conversation: ConversationSummary | null;
  /** Messages created after the cursor, oldest first. */
  messages: ThreadMessage[];
  /** The current status of recent outbound messages: ticks move after the message was first seen. */
  statuses: { id: string; status: MessageStatus; errorTitle: string | null }[];
  cursor: string | null;
}

/**
 * What changed in a thread since `after`. Statuses have no change time of their own (Meta's
 * timestamps can be older than our cursor), so the last 50 outbound statuses come every time:
 * small, and the client never misses a tick.
 */
export async function threadChanges(
  tx: Tx,
  user: Viewer,
  input: z.output<typeof ThreadChangesInput>,
): Promise<ThreadChanges> {
  let conversationId = input.conversationId;
  if (!conversationId && input.waId) {
    const contact = await tx.waContact.findFirst({
      where: { waId: input.waId },
      select: { conversation: { select: { id: true } } },
    });
    conversationId = contact?.conversation?.id;
    if (!conversationId)
      return { conversation: null, messages: [], statuses: [], cursor: input.after ?? null };
  }
  if (!conversationId) throw new Invalid("conversationId or waId");
  const row = await visibleConversation(tx, user, conversationId);
  const after = input.after ? new Date(input.after) : null;
  const messages = await threadMessages(
    tx,
    { conversationId: row.id, ...(after ? { createdAt: { gt: after } } : {}) },
    200,
  );
  // Staff looking at the thread have read what arrived; the simulator (by number) reads as the buyer.
  const staffView = Boolean(input.conversationId);
  if (staffView && row.unreadCount > 0)
    await tx.waConversation.update({ where: { id: row.id }, data: { unreadCount: 0 } });
  const statuses = await tx.waMessage.findMany({
    where: { conversationId: row.id, direction: "outbound" },
    select: { id: true, status: true, errorTitle: true },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  return {
    conversation: { ...toSummary(row), unreadCount: staffView ? 0 : row.unreadCount },
    messages,
    statuses,
    cursor: messages.at(-1)?.at ?? input.after ?? null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Actions

const conversationId = z.uuid();
/** Made in the browser once per message: the same id twice (a double submit) sends once. */
const clientId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);

export const ReplyInput = z.object({
  conversationId,
  clientId,
  text: z
    .string()
    .trim()
    .min(1, "inbox.error.empty")
    .max(4096 * 4),
});

async function replyableConversation(tx: Tx, user: Viewer, id: string) {
  const row = await visibleConversation(tx, user, id);
  // A salesperson writes only in their own conversations or ones nobody holds.
  if (!can(user.role, "leads.read.all") && row.assignee && row.assignee.id !== user.id) throw new Forbidden();
  return row;
}

export async function replyText(
  context: StaffContext,
  input: z.output<typeof ReplyInput>,
): Promise<{ messageIds: string[] }> {
  const { tx, user } = context;
  const row = await replyableConversation(tx, user, input.conversationId);
  const messageIds = await queueText(tx, {
    tenantId: user.tenantId,
    conversationId: row.id,
    idempotencyKey: `staff:${input.clientId}`,
    text: input.text,
    sender: "staff",
    authorId: user.id,
  });
  return { messageIds };
}

export const SendVehicleInput = z.object({ conversationId, clientId, vehicleId: z.uuid() });

function absoluteUrl(url: string): string {
  return /^https?:\/\//.test(url) ? url : `${appUrl()}${url.startsWith("/") ? "" : "/"}${url}`;
}

/** A car from stock as an image with its name, price and catalog link; text when it has no photo. */
export async function sendVehicle(
  context: StaffContext,
  input: z.output<typeof SendVehicleInput>,
): Promise<{ messageIds: string[] }> {
  const { tx, user } = context;
  const row = await replyableConversation(tx, user, input.conversationId);
  const vehicle = await tx.vehicle.findFirst({
    where: { ...listedWhere, id: input.vehicleId },
    include: {
      photos: { where: { isMain: true }, take: 1 },
      tenant: {
        select: { slug: true, domains: { ...servingDomains, take: 1 } },
      },
    },
  });
  if (!vehicle) throw new NotFound("vehicle");
  const base = vehicle.tenant.domains[0]
    ? `https://${vehicle.tenant.domains[0].domain}`
    : `${appUrl()}/${vehicle.tenant.slug}`;
  const name = [vehicle.brand, vehicle.model, vehicle.variant, String(vehicle.year)]
    .filter(Boolean)
    .join(" ");
  const caption = `${name}\n${formatRupiah(vehicle.price)}${vehicle.status === "booked" ? " (booking)" : ""}\n${base}/vehicles/${vehicle.slug}`;
  const variants = readVariants(vehicle.photos[0]?.variants);
  const photo =
    variants
      .filter((variant) => variant.format === "webp")
      .sort((a, b) => b.width - a.width)
      .find((variant) => variant.width <= 1280) ?? variants[0];
  const options = {
    tenantId: user.tenantId,
    conversationId: row.id,
    sender: "staff" as const,
    authorId: user.id,
  };
  if (!photo) {
    return {
      messageIds: await queueText(tx, {
        ...options,
        idempotencyKey: `staff:${input.clientId}`,
        text: caption,
      }),
    };
  }
  const id = await queueOutbound(tx, {
    ...options,
    idempotencyKey: `staff:${input.clientId}:0`,
    preview: caption,
    request: { type: "image", content: { link: absoluteUrl(getStorage().publicUrl(photo.key)), caption } },
  });
  return { messageIds: id ? [id] : [] };
}

export const ConversationInput = z.object({ conversationId });

const changeOf = (context: StaffContext, row: SummaryRow) => ({
  tenantId: context.user.tenantId,
  conversationId: row.id,
  actor: context.actor,
  before: { mode: row.mode, assigneeId: row.assignee?.id ?? null },
});

/** The salesperson takes the conversation: it is theirs and the assistant goes quiet. */
export async function takeOver(
  context: StaffContext,
  input: z.output<typeof ConversationInput>,
): Promise<{ mode: ConversationMode }> {
  const { tx, user } = context;
  const row = await replyableConversation(tx, user, input.conversationId);
  await takeOverConversation(tx, { ...changeOf(context, row), userId: user.id });
  return { mode: "human" };
}

/** Back to the assistant: it answers the buyer's next message again. */
export async function handBack(
  context: StaffContext,
  input: z.output<typeof ConversationInput>,
): Promise<{ mode: ConversationMode }> {
  const { tx, user } = context;
  const row = await replyableConversation(tx, user, input.conversationId);
  await handBackConversation(tx, changeOf(context, row));
  return { mode: "assistant" };
}

export const AssignInput = z.object({ conversationId, assigneeId: z.uuid() });

/** Admins give a conversation to anyone active; a salesperson can only take it themselves. */
export async function assignConversation(
  context: StaffContext,
  input: z.output<typeof AssignInput>,
): Promise<{ assigneeId: string }> {
  const { tx, user } = context;
  if (input.assigneeId !== user.id && !can(user.role, "leads.assign")) throw new Forbidden();
  const row = await replyableConversation(tx, user, input.conversationId);
  const assignee = await tx.user.findFirst({
    where: {
      id: input.assigneeId,
      tenantId: user.tenantId,
      isActive: true,
      role: { in: ["owner", "admin", "sales"] },
    },
    select: { id: true },
  });
  if (!assignee) throw new Invalid("inbox.error.assignee");
  await assignConversationTo(tx, {
    ...changeOf(context, row),
    assigneeId: assignee.id,
    byUserId: user.id,
    contactName: toSummary(row).contactName,
  });
  return { assigneeId: assignee.id };
}

/** The conversation's lead, made from the contact the first time (source WhatsApp). */
export async function linkLead(
  context: StaffContext,
  input: z.output<typeof ConversationInput>,
): Promise<{ leadId: string; created: boolean }> {
  const { tx, user, actor } = context;
  const row = await replyableConversation(tx, user, input.conversationId);
  if (row.leadId) return { leadId: row.leadId, created: false };
  const summary = toSummary(row);
  // The contact's own WhatsApp number: an open lead with it is this buyer's and is linked, not copied.
  const { lead, created } = await takeInLead(
    tx,
    {
      source: "whatsapp",
      name: summary.contactName.slice(0, 80),
      phone: summary.contactNumber,
      message: row.lastMessagePreview,
    },
    {
      tenantId: user.tenantId,
      actor,
      assigneeId: row.assignee?.id ?? (can(user.role, "leads.read.all") ? undefined : user.id),
      enteredBy: user.id,
    },
  );
  const leadId = lead.id;
  await tx.waConversation.update({ where: { id: row.id }, data: { leadId } });
  return { leadId, created };
}

/** Cars a salesperson can send: what is for sale now, newest first. */
export async function listSendableVehicles(tx: Tx): Promise<{ id: string; label: string }[]> {
  const rows = await tx.vehicle.findMany({
    where: listedWhere,
    select: { id: true, brand: true, model: true, variant: true, year: true, price: true, stockCode: true },
    orderBy: [{ brand: "asc" }, { model: "asc" }, { year: "desc" }],
    take: 500,
  });
  return rows.map((row) => ({
    id: row.id,
    label: `${row.brand} ${row.model}${row.variant ? ` ${row.variant}` : ""} ${row.year} · ${formatRupiah(row.price)} · ${row.stockCode}`,
  }));
}
