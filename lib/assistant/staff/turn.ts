// Staff mode: a message from an active staff member's registered WhatsApp number, for that
// showroom only. Deactivated staff are not found here and are treated as buyers.
import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import {
  type CommandOutcome,
  executeStaffCommand,
  type Language,
  parseStaffCommand,
  stockVocabulary,
} from "@/lib/assistant/staff/commands";
import {
  type ListingPhoto,
  listingReply,
  missingReply,
  startListing,
  type VisionListingProvider,
} from "@/lib/assistant/staff/listing";
import { detectLanguage } from "@/lib/assistant/understand/buyer-message";
import type { Actor } from "@/lib/audit/record";
import { revalidateCatalog } from "@/lib/catalog/revalidate";
import type { Tx } from "@/lib/core/db/client";
import { PlanLimitReached } from "@/lib/core/db/plan-limits";
import { translator } from "@/lib/core/i18n/messages";
import type { Prisma, WaConversation, WaMessage } from "@/lib/generated/prisma/client";
import { storeVehiclePhoto } from "@/lib/images/photos";
import { graphClientFor } from "@/lib/whatsapp/accounts";
import { buttonTitle, type ReplyButton, truncateText, WHATSAPP_LIMITS } from "@/lib/whatsapp/limits";
import { queueOutbound, queueText } from "@/lib/whatsapp/outbox";
import { ImageMessage, InteractiveMessage } from "@/lib/whatsapp/webhook-schema";

export interface StaffSender {
  id: string;
  name: string;
  email: string;
  role: "owner" | "admin" | "sales";
  /** The registered number the message came from; the staff member's own conversation is keyed by it. */
  whatsappNumber: string;
}

/** The active staff member of this showroom (the tenant transaction's) whose WhatsApp number sent the message. */
export async function findStaffSender(tx: Tx, waId: string | null): Promise<StaffSender | null> {
  if (!waId) return null;
  const user = await tx.user.findFirst({
    where: { whatsappNumber: waId, isActive: true, role: { in: ["owner", "admin", "sales"] } },
    select: { id: true, name: true, email: true, role: true },
  });
  if (!user || user.role === "super_admin") return null;
  return { ...user, role: user.role, whatsappNumber: waId };
}

export interface StaffTurnResult {
  reply: string;
  /** Reply buttons sent with the reply (a confirmation). */
  buttons?: ReplyButton[];
  /** runStaffTurn queued the reply itself (buttons included); queueing the same key again is a no-op. */
  queued: boolean;
  tenantId: string;
  /** Stock a buyer can see changed: call afterStaffTurn once the transaction has committed. */
  revalidate: boolean;
}

/** Confirmations expire: a "Ya" tapped tomorrow must not sell a car on yesterday's question. */
const PENDING_TTL_MS = 15 * 60 * 1000;
/** Photos sent this soon after a draft are more photos of that car. */
const DRAFT_TTL_MS = 30 * 60 * 1000;

const StaffState = z.object({
  pending: z
    .object({
      token: z.string(),
      staffId: z.string(),
      text: z.string(),
      vehicleId: z.string().optional(),
      expiresAt: z.iso.datetime(),
    })
    .optional(),
  draft: z.object({ vehicleId: z.string(), staffId: z.string(), expiresAt: z.iso.datetime() }).optional(),
});
type StaffState = z.infer<typeof StaffState>;

const ConversationState = z.looseObject({ staff: StaffState.optional().catch(undefined) }).catch({});

const BUTTON_ID = /^staff:(yes|no):([a-z0-9]+)$/;

/**
 * The message this turn answers. The engine does not pass its id yet, so it is the oldest recent
 * inbound message with this text and no reply: turns run one at a time, in order, per conversation.
 */
async function locateMessage(
  tx: Tx,
  options: { staff: StaffSender; text: string; conversationId?: string; messageId?: string },
): Promise<{ conversation: WaConversation; message: WaMessage } | null> {
  if (options.conversationId && options.messageId) {
    const [conversation, message] = await Promise.all([
      tx.waConversation.findUnique({ where: { id: options.conversationId } }),
      tx.waMessage.findUnique({ where: { id: options.messageId } }),
    ]);
    return conversation && message ? { conversation, message } : null;
  }
  const conversation = await tx.waConversation.findFirst({
    where: { contact: { waId: options.staff.whatsappNumber } },
  });
  if (!conversation) return null;
  const recent = await tx.waMessage.findMany({
    where: {
      conversationId: conversation.id,
      direction: "inbound",
      body: options.text,
      createdAt: { gte: new Date(Date.now() - 60 * 60 * 1000) },
    },
    orderBy: { createdAt: "asc" },
    take: 20,
  });
  const answered = new Set(
    (
      await tx.waOutbox.findMany({
        where: { idempotencyKey: { in: recent.map((message) => `reply:${message.id}:0`) } },
        select: { idempotencyKey: true },
      })
    ).map((row) => row.idempotencyKey),
  );
  const message = recent.find((candidate) => !answered.has(`reply:${candidate.id}:0`));
  return message ? { conversation, message } : null;
}

/**
 * The plan limit a draft's write ran into (the showroom's cars in stock, the car's photos), or null
 * once it succeeded. Only the checks made before writing are answered: the transaction is intact,
 * so the staff member gets a reply instead of a failed job; anything else is thrown on.
 */
async function refusedOverLimit(write: Promise<unknown>): Promise<PlanLimitReached | null> {
  try {
    await write;
    return null;
  } catch (error) {
    if (error instanceof PlanLimitReached && !error.transactionAborted) return error;
    throw error;
  }
}

const live = (expiresAt: string, now: Date) => new Date(expiresAt).getTime() > now.getTime();

async function downloadPhoto(tx: Tx, tenantId: string, mediaId: string): Promise<ListingPhoto | null> {
  const client = await graphClientFor(tx, tenantId);
  if (!client) return null;
  const info = await client.getMediaInfo(mediaId);
  if (!info.mime_type.startsWith("image/")) return null;
  return { bytes: await client.downloadMedia(info.url, info.sha256), mimeType: info.mime_type };
}

interface TurnContext {
  tenantId: string;
  staff: StaffSender;
  actor: Actor;
  language: Language;
  state: StaffState;
  now: Date;
  vision?: VisionListingProvider;
}

interface TurnAnswer {
  reply: string;
  buttons?: ReplyButton[];
  state: StaffState;
  revalidate: boolean;
}

async function photoTurn(tx: Tx, context: TurnContext, message: WaMessage): Promise<TurnAnswer> {
  const t = translator(context.language);
  const image = ImageMessage.safeParse(message.payload);
  if (!image.success)
    return {
      reply: t("assistant.staff.photoUnreadable"),
      state: context.state,
      revalidate: false,
    };
  const photo = await downloadPhoto(tx, context.tenantId, image.data.image.id).catch((error: unknown) => {
    console.warn(`[staff] photo download failed: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  });
  if (!photo)
    return {
      reply: t("assistant.staff.photoDownloadFailed"),
      state: context.state,
      revalidate: false,
    };
  const caption = image.data.image.caption?.trim() ?? "";
  const draft = context.state.draft;
  const draftLive = draft && draft.staffId === context.staff.id && live(draft.expiresAt, context.now);

  if (!caption) {
    if (draftLive) {
      const vehicle = await tx.vehicle.findUnique({
        where: { id: draft.vehicleId },
        select: { id: true, stockCode: true, _count: { select: { photos: true } } },
      });
      if (vehicle) {
        const full = await refusedOverLimit(
          storeVehiclePhoto(tx, {
            tenantId: context.tenantId,
            vehicleId: vehicle.id,
            bytes: photo.bytes,
          }),
        );
        if (full) return { reply: full.describe(t), state: context.state, revalidate: false };
        const count = vehicle._count.photos + 1;
        return {
          reply: t("assistant.staff.photoAdded", { stockCode: vehicle.stockCode, count }),
          state: {
            ...context.state,
            draft: { ...draft, expiresAt: new Date(context.now.getTime() + DRAFT_TTL_MS).toISOString() },
          },
          revalidate: false,
        };
      }
    }
    return {
      reply: missingReply(["model", "year", "price"], context.language),
      state: context.state,
      revalidate: false,
    };
  }

  const listing = startListing(tx, {
    tenantId: context.tenantId,
    actor: context.actor,
    caption,
    photos: [photo],
    brands: await stockVocabulary(tx),
    language: context.language,
    vision: context.vision,
    now: context.now,
  });
  const full = await refusedOverLimit(listing);
  if (full) return { reply: full.describe(t), state: context.state, revalidate: false };
  const result = await listing;
  if (!result.ok)
    return { reply: missingReply(result.missing, context.language), state: context.state, revalidate: false };
  return {
    reply: listingReply(result, context.language),
    state: {
      ...context.state,
      draft: {
        vehicleId: result.vehicle.id,
        staffId: context.staff.id,
        expiresAt: new Date(context.now.getTime() + DRAFT_TTL_MS).toISOString(),
      },
    },
    // A draft is invisible to buyers: nothing to refresh until it is published.
    revalidate: false,
  };
}

function asked(outcome: CommandOutcome, context: TurnContext, text: string): TurnAnswer {
  if (!outcome.confirm)
    return {
      reply: outcome.reply,
      state: { ...context.state, pending: undefined },
      revalidate: outcome.changed,
    };
  const token = randomBytes(6).toString("hex");
  return {
    reply: outcome.confirm.prompt,
    buttons: [
      { id: `staff:yes:${token}`, title: buttonTitle(outcome.confirm.yes) },
      { id: `staff:no:${token}`, title: buttonTitle(outcome.confirm.no) },
    ],
    state: {
      ...context.state,
      pending: {
        token,
        staffId: context.staff.id,
        text,
        vehicleId: outcome.vehicleId,
        expiresAt: new Date(context.now.getTime() + PENDING_TTL_MS).toISOString(),
      },
    },
    revalidate: false,
  };
}

async function buttonTurn(
  tx: Tx,
  context: TurnContext,
  answer: { yes: boolean; token: string },
): Promise<TurnAnswer> {
  const t = translator(context.language);
  const pending = context.state.pending;
  const cleared = { ...context.state, pending: undefined };
  if (
    !pending ||
    pending.token !== answer.token ||
    pending.staffId !== context.staff.id ||
    !live(pending.expiresAt, context.now)
  ) {
    return {
      reply: t("assistant.staff.confirmationExpired"),
      state: cleared,
      revalidate: false,
    };
  }
  if (!answer.yes)
    return {
      reply: t("assistant.staff.cancelled"),
      state: cleared,
      revalidate: false,
    };
  const command = parseStaffCommand(pending.text, { brands: await stockVocabulary(tx), now: context.now });
  const outcome = await executeStaffCommand(tx, {
    tenantId: context.tenantId,
    actor: context.actor,
    command,
    language: context.language,
    confirmed: true,
    vehicleId: pending.vehicleId,
    now: context.now,
  });
  return { reply: outcome.reply, state: cleared, revalidate: outcome.changed };
}

async function textTurn(tx: Tx, context: TurnContext, text: string): Promise<TurnAnswer> {
  const t = translator(context.language);
  const command = parseStaffCommand(text, { brands: await stockVocabulary(tx), now: context.now });
  if (command.kind === "answer") {
    const pending = context.state.pending;
    if (pending && !command.yes)
      return {
        reply: t("assistant.staff.cancelled"),
        state: { ...context.state, pending: undefined },
        revalidate: false,
      };
    // A typed "ya" could answer an older question than the one on screen; only the button confirms.
    if (pending && live(pending.expiresAt, context.now)) {
      return {
        reply: t("assistant.staff.confirmWithButton"),
        state: context.state,
        revalidate: false,
      };
    }
  }
  const draft = context.state.draft;
  const draftVehicleId =
    command.kind === "publish" && !command.target && draft && draft.staffId === context.staff.id
      ? draft.vehicleId
      : undefined;
  const outcome = await executeStaffCommand(tx, {
    tenantId: context.tenantId,
    actor: context.actor,
    command,
    language: context.language,
    vehicleId: draftVehicleId,
    now: context.now,
  });
  const answer = asked(outcome, context, text);
  if (draftVehicleId && outcome.changed) answer.state = { ...answer.state, draft: undefined };
  return answer;
}

function buttonAnswerOf(message: WaMessage): { yes: boolean; token: string } | null {
  if (message.type !== "interactive") return null;
  const parsed = InteractiveMessage.safeParse(message.payload);
  if (!parsed.success || parsed.data.interactive.type !== "button_reply") return null;
  const match = parsed.data.interactive.button_reply.id.match(BUTTON_ID);
  return match ? { yes: match[1] === "yes", token: match[2] ?? "" } : null;
}

/**
 * One staff message: a command, a confirmation button, or a photo for a new listing. Runs in the
 * turn's tenant transaction and queues its own reply (with buttons when it asks to confirm) under
 * the engine's reply key, so the engine queueing the same text again sends nothing twice.
 */
export async function runStaffTurn(
  tx: Tx,
  options: {
    tenantId: string;
    staff: StaffSender;
    text: string;
    conversationId?: string;
    messageId?: string;
    now?: Date;
    vision?: VisionListingProvider;
  },
): Promise<StaffTurnResult> {
  const now = options.now ?? new Date();
  const located = await locateMessage(tx, options);
  const rawState = ConversationState.parse(located?.conversation.assistantState ?? {});
  const context: TurnContext = {
    tenantId: options.tenantId,
    staff: options.staff,
    actor: { userId: options.staff.id, email: options.staff.email },
    language: detectLanguage(options.text.toLowerCase()),
    state: rawState.staff ?? {},
    now,
    vision: options.vision,
  };
  const message = located?.message;
  const button = message ? buttonAnswerOf(message) : null;
  let answer: TurnAnswer;
  if (button) answer = await buttonTurn(tx, context, button);
  else if (message?.type === "image") answer = await photoTurn(tx, context, message);
  else answer = await textTurn(tx, context, options.text);

  if (!located) {
    // Without the conversation nothing can be remembered, so no question can be answered later.
    return { reply: answer.reply, queued: false, tenantId: options.tenantId, revalidate: answer.revalidate };
  }
  const { conversation } = located;
  await tx.waConversation.update({
    where: { id: conversation.id },
    data: { assistantState: { ...rawState, staff: answer.state } as Prisma.InputJsonValue },
  });
  const key = `reply:${located.message.id}`;
  if (answer.buttons) {
    const body = truncateText(answer.reply, WHATSAPP_LIMITS.interactiveBody);
    await queueOutbound(tx, {
      tenantId: options.tenantId,
      conversationId: conversation.id,
      idempotencyKey: `${key}:0`,
      preview: body,
      sender: "assistant",
      request: {
        type: "interactive",
        content: {
          type: "button",
          body: { text: body },
          action: {
            buttons: answer.buttons.map((item) => ({
              type: "reply",
              reply: { id: item.id, title: item.title },
            })),
          },
        },
      },
    });
  } else {
    await queueText(tx, {
      tenantId: options.tenantId,
      conversationId: conversation.id,
      idempotencyKey: key,
      text: answer.reply,
      sender: "assistant",
    });
  }
  return {
    reply: answer.reply,
    ...(answer.buttons ? { buttons: answer.buttons } : {}),
    queued: true,
    tenantId: options.tenantId,
    revalidate: answer.revalidate,
  };
}

/** After the turn's transaction committed: refresh the showroom's catalog if stock changed. */
export async function afterStaffTurn(
  result: Pick<StaffTurnResult, "tenantId" | "revalidate">,
): Promise<void> {
  if (result.revalidate) await revalidateCatalog(result.tenantId);
}
