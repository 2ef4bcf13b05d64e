// How a showroom's WhatsApp connection is doing, for the WhatsApp tab and the console: what Meta
// last said about the number, the last webhook heard, the last send that failed, whether Meta
// refuses the token; plus the webhook URL and verify token to paste into Meta, and "check now".
import "server-only";
import { decryptSecret, encryptionKey, maskSecret } from "@/lib/core/crypto";
import type { Tx } from "@/lib/core/db/client";
import { appUrl } from "@/lib/core/env";
import { Invalid } from "@/lib/core/errors";
import { whatsappSettings } from "@/lib/settings/platform";
import { checkNumber, TOKEN_PROBLEM } from "@/lib/whatsapp/connect";
import { graphSimEnabled } from "@/lib/whatsapp/simulator";

export const WEBHOOK_PATH = "/api/webhooks/whatsapp";

export interface SendFailure {
  code: number | null;
  title: string | null;
  at: string;
}

/** Plain JSON for server and client components; the token only ever masked. */
export interface ConnectionView {
  connected: boolean;
  phoneNumberId: string | null;
  wabaId: string | null;
  tokenMasked: string | null;
  displayPhoneNumber: string | null;
  verifiedName: string | null;
  qualityRating: string | null;
  messagingLimitTier: string | null;
  connectedAt: string | null;
  checkedAt: string | null;
  health: {
    lastWebhookAt: string | null;
    lastSendFailure: SendFailure | null;
    /** ok: Meta accepted it at the last check or send; rejected: refused (190) since; unknown: never checked. */
    token: "ok" | "rejected" | "unknown";
  };
  webhook: { url: string; verifyToken: string | null };
  /** The app talks to its own offline Graph API stand-in: demo numbers can be connected. */
  offline: boolean;
}

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;
const TOKEN_REFUSED = 190;

function maskedToken(sealed: string | null): string | null {
  if (!sealed) return null;
  try {
    return maskSecret(decryptSecret(sealed, encryptionKey()));
  } catch {
    return "••••";
  }
}

export async function readConnection(tx: Tx, tenantId: string): Promise<ConnectionView> {
  const tenant = await tx.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { whatsappPhoneNumberId: true, whatsappAccessTokenEnc: true, waConnection: true },
  });
  const connection = tenant.waConnection;
  const connected = Boolean(tenant.whatsappPhoneNumberId && tenant.whatsappAccessTokenEnc);
  const since = connection?.connectedAt ?? undefined;
  const [failure, lastSent] = await Promise.all([
    tx.waMessage.findFirst({
      // tenantId too: on the console's platform path every showroom's rows are visible.
      where: {
        tenantId,
        direction: "outbound",
        status: "failed",
        ...(since ? { createdAt: { gte: since } } : {}),
      },
      orderBy: { createdAt: "desc" },
      select: { errorCode: true, errorTitle: true, createdAt: true },
    }),
    tx.waMessage.findFirst({
      where: { tenantId, direction: "outbound", sentAt: { not: null } },
      orderBy: { sentAt: "desc" },
      select: { sentAt: true },
    }),
  ]);
  const settings = await whatsappSettings();
  return {
    connected,
    phoneNumberId: tenant.whatsappPhoneNumberId,
    wabaId: connection?.wabaId ?? null,
    tokenMasked: maskedToken(tenant.whatsappAccessTokenEnc),
    displayPhoneNumber: connection?.displayPhoneNumber ?? null,
    verifiedName: connection?.verifiedName ?? null,
    qualityRating: connection?.qualityRating ?? null,
    messagingLimitTier: connection?.messagingLimitTier ?? null,
    connectedAt: iso(connection?.connectedAt),
    checkedAt: iso(connection?.checkedAt),
    health: {
      lastWebhookAt: iso(connection?.lastWebhookAt),
      lastSendFailure: failure
        ? { code: failure.errorCode, title: failure.errorTitle, at: failure.createdAt.toISOString() }
        : null,
      token: tokenState({
        rejectedAt: connection?.tokenRejectedAt ?? null,
        checkedAt: connection?.checkedAt ?? null,
        refusedSendAt: failure?.errorCode === TOKEN_REFUSED ? failure.createdAt : null,
        lastSentAt: lastSent?.sentAt ?? null,
      }),
    },
    webhook: { url: `${appUrl()}${WEBHOOK_PATH}`, verifyToken: settings.verifyToken },
    offline: graphSimEnabled(),
  };
}

/** The token's state from the latest word on it: a check or a send, whichever came last. */
function tokenState(facts: {
  rejectedAt: Date | null;
  checkedAt: Date | null;
  refusedSendAt: Date | null;
  lastSentAt: Date | null;
}): "ok" | "rejected" | "unknown" {
  const refused = Math.max(facts.rejectedAt?.getTime() ?? 0, facts.refusedSendAt?.getTime() ?? 0);
  const accepted = Math.max(facts.checkedAt?.getTime() ?? 0, facts.lastSentAt?.getTime() ?? 0);
  if (refused > 0 && refused >= accepted) return "rejected";
  return accepted > 0 ? "ok" : "unknown";
}

/**
 * "Check now": asks Meta about the connected number with the stored token and records the answer.
 * A refused token is recorded (not thrown), so the page can say so; returns the problem's message key.
 */
export async function refreshConnection(tx: Tx, tenantId: string): Promise<{ problem: string | null }> {
  const tenant = await tx.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { whatsappPhoneNumberId: true, whatsappAccessTokenEnc: true },
  });
  if (!tenant.whatsappPhoneNumberId || !tenant.whatsappAccessTokenEnc)
    return { problem: "whatsapp.error.notConnected" };
  const token = decryptSecret(tenant.whatsappAccessTokenEnc, encryptionKey());
  try {
    const checked = await checkNumber({
      phoneNumberId: tenant.whatsappPhoneNumberId,
      accessToken: token,
      wabaId: null,
    });
    const details = {
      displayPhoneNumber: checked.displayPhoneNumber,
      verifiedName: checked.verifiedName,
      qualityRating: checked.qualityRating,
      messagingLimitTier: checked.messagingLimitTier,
      checkedAt: new Date(),
      tokenRejectedAt: null,
    };
    await tx.waConnection.upsert({ where: { tenantId }, create: { tenantId, ...details }, update: details });
    return { problem: null };
  } catch (error) {
    // checkNumber turns every Graph failure into an Invalid carrying the message key.
    if (!(error instanceof Invalid)) throw error;
    if (error.message === TOKEN_PROBLEM) {
      const rejected = { tokenRejectedAt: new Date() };
      await tx.waConnection.upsert({
        where: { tenantId },
        create: { tenantId, ...rejected },
        update: rejected,
      });
    }
    return { problem: error.message };
  }
}
