// Connecting a showroom's WhatsApp number: the one service behind the dashboard's WhatsApp tab,
// the console's showroom page and the CLI. The number is looked up at Meta with the token first
// (display number, verified name, quality rating, messaging limit); only a number Meta confirms
// is saved, its token encrypted, with an audit row that never holds the token.
import "server-only";
import { z } from "zod";
import { type Actor, recordAudit } from "@/lib/audit/record";
import { maskSecret } from "@/lib/core/crypto";
import type { Tx } from "@/lib/core/db/client";
import { Conflict, Invalid } from "@/lib/core/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { whatsappSettings } from "@/lib/settings/platform";
import { encryptAccessToken, findTenantByPhoneNumberId } from "@/lib/whatsapp/accounts";
import { GraphApiError, GraphClient, type PhoneNumberInfo } from "@/lib/whatsapp/graph-client";

const numericId = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{5,25}$/, message);

export const ConnectInput = z.object({
  phoneNumberId: numericId("whatsapp.error.phoneNumberIdFormat"),
  // Meta's tokens are long opaque strings without spaces; anything shorter is a paste gone wrong.
  accessToken: z
    .string()
    .trim()
    .regex(/^\S{8,2000}$/, "whatsapp.error.tokenFormat"),
  wabaId: z
    .union([z.literal(""), numericId("whatsapp.error.wabaIdFormat")])
    .optional()
    .transform((value) => value || null),
});
export type ConnectInput = z.output<typeof ConnectInput>;

/** What Meta confirmed about a number, and whether the app is subscribed to its WABA's webhooks. */
export interface CheckedNumber extends PhoneNumberInfo {
  phoneNumberId: string;
  wabaId: string | null;
  /** "skipped" without a WABA id; "failed" is a warning, the number itself is fine. */
  webhookSubscription: "subscribed" | "failed" | "skipped";
}

// A person is waiting on the page (and a lookup plus a subscription must fit a tenant transaction).
const LOOKUP_TIMEOUT_MS = 8_000;

async function clientFor(phoneNumberId: string, accessToken: string): Promise<GraphClient> {
  const settings = await whatsappSettings();
  return new GraphClient({
    baseUrl: settings.graphApiUrl,
    apiVersion: settings.apiVersion,
    phoneNumberId,
    accessToken,
    timeoutMs: LOOKUP_TIMEOUT_MS,
  });
}

/** The message key of a token Meta refuses (190). */
export const TOKEN_PROBLEM = "whatsapp.error.token";

/**
 * A failed lookup as an error the person can act on, in their language (message keys), on the
 * field to fix: a bad or expired token (190), an id Meta does not know for that token (100),
 * a token without the WhatsApp permissions (10/200), Meta out of reach.
 */
export function lookupProblem(error: unknown): Invalid {
  if (!(error instanceof GraphApiError)) return new Invalid("whatsapp.error.unreachable");
  const on = (field: "accessToken" | "phoneNumberId", key: string) => new Invalid(key, { [field]: [key] });
  switch (error.category) {
    case "auth":
      return on("accessToken", TOKEN_PROBLEM);
    case "permission":
      return on("accessToken", "whatsapp.error.permission");
    case "invalid_request":
      return on("phoneNumberId", "whatsapp.error.number");
    default:
      if (error.retryable || error.code === null) return new Invalid("whatsapp.error.unreachable");
      return new Invalid(`whatsapp.error.other:${error.code}`);
  }
}

/** Asks Meta about the number with the token (and subscribes the app to the WABA when given); saves nothing. */
export async function checkNumber(input: ConnectInput): Promise<CheckedNumber> {
  const client = await clientFor(input.phoneNumberId, input.accessToken);
  let info: PhoneNumberInfo;
  try {
    info = await client.getPhoneNumber();
  } catch (error) {
    throw lookupProblem(error);
  }
  let webhookSubscription: CheckedNumber["webhookSubscription"] = "skipped";
  if (input.wabaId) {
    webhookSubscription = await client.subscribeApp(input.wabaId).then(
      () => "subscribed" as const,
      (error: unknown) => {
        console.warn(
          `[whatsapp] subscribing to WABA ${input.wabaId} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        return "failed" as const;
      },
    );
  }
  return { ...info, phoneNumberId: input.phoneNumberId, wabaId: input.wabaId, webhookSubscription };
}

export interface ConnectionTarget {
  tenantId: string;
  actor: Actor;
}

/** Saves a number Meta confirmed, replacing any number the showroom had. Runs in the caller's transaction. */
export async function saveConnection(
  tx: Tx,
  target: ConnectionTarget,
  input: ConnectInput,
  checked: CheckedNumber,
): Promise<CheckedNumber> {
  const { tenantId, actor } = target;
  // One number answers for one showroom only: webhooks are routed by it.
  const holder = await findTenantByPhoneNumberId(checked.phoneNumberId);
  if (holder && holder.id !== tenantId) throw new Conflict("whatsapp.error.taken");
  const before = await tx.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { whatsappPhoneNumberId: true, waConnection: { select: { wabaId: true } } },
  });
  try {
    await tx.tenant.update({
      where: { id: tenantId },
      data: {
        whatsappPhoneNumberId: checked.phoneNumberId,
        whatsappAccessTokenEnc: encryptAccessToken(input.accessToken),
      },
    });
  } catch (error) {
    // Another showroom connected the same number a moment ago.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new Conflict("whatsapp.error.taken");
    throw error;
  }
  const now = new Date();
  const sameNumber = before.whatsappPhoneNumberId === checked.phoneNumberId;
  const details = {
    wabaId: checked.wabaId ?? (sameNumber ? (before.waConnection?.wabaId ?? null) : null),
    displayPhoneNumber: checked.displayPhoneNumber,
    verifiedName: checked.verifiedName,
    qualityRating: checked.qualityRating,
    messagingLimitTier: checked.messagingLimitTier,
    checkedAt: now,
    tokenRejectedAt: null,
    connectedAt: now,
    connectedBy: actor.email,
  };
  await tx.waConnection.upsert({
    where: { tenantId },
    create: { tenantId, ...details },
    // A new number has not been heard from yet.
    update: { ...details, ...(sameNumber ? {} : { lastWebhookAt: null }) },
  });
  await recordAudit(tx, {
    tenantId,
    actor,
    action: "whatsapp.connect",
    entity: "tenant",
    entityId: tenantId,
    before: { phoneNumberId: before.whatsappPhoneNumberId },
    after: {
      phoneNumberId: checked.phoneNumberId,
      wabaId: details.wabaId,
      displayPhoneNumber: checked.displayPhoneNumber,
      verifiedName: checked.verifiedName,
      // Enough to tell two tokens apart, never enough to use one.
      token: maskSecret(input.accessToken),
      webhookSubscription: checked.webhookSubscription,
    },
  });
  return checked;
}

/** Check, then save: the staff action's and the CLI's one call. */
export async function connectNumber(
  tx: Tx,
  target: ConnectionTarget,
  input: ConnectInput,
): Promise<CheckedNumber> {
  return saveConnection(tx, target, input, await checkNumber(input));
}

/** Forgets the number and its token; the showroom's conversations and messages stay. */
export async function disconnectNumber(tx: Tx, target: ConnectionTarget): Promise<{ disconnected: boolean }> {
  const { tenantId, actor } = target;
  const before = await tx.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { whatsappPhoneNumberId: true },
  });
  if (!before.whatsappPhoneNumberId) return { disconnected: false };
  await tx.tenant.update({
    where: { id: tenantId },
    data: { whatsappPhoneNumberId: null, whatsappAccessTokenEnc: null },
  });
  await tx.waConnection.deleteMany({ where: { tenantId } });
  await recordAudit(tx, {
    tenantId,
    actor,
    action: "whatsapp.disconnect",
    entity: "tenant",
    entityId: tenantId,
    before: { phoneNumberId: before.whatsappPhoneNumberId },
    after: { phoneNumberId: null },
  });
  return { disconnected: true };
}
