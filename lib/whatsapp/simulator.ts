// The offline WhatsApp simulator: signed Meta-format webhooks built and POSTed to our own
// /api/webhooks/whatsapp (so every message takes the real path), and the local Graph API
// stand-in (/api/graph-sim) that answers sends with a wamid and reports sent/delivered/read back.
import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { decryptSecret, encryptionKeys } from "@/lib/core/crypto";
import type { Tx } from "@/lib/core/db/client";
import { withTenant } from "@/lib/core/db/tenant";
import { appUrl, type Env, getEnv } from "@/lib/core/env";
import { whatsappSettings } from "@/lib/settings/platform";
import { findTenantByPhoneNumberId } from "@/lib/whatsapp/accounts";
import { signWebhookBody } from "@/lib/whatsapp/signature";

export const GRAPH_SIM_PATH = "/api/graph-sim";

/** How this server reaches itself (the same default the CLI uses). */
export function internalBaseUrl(env: Env = getEnv()): string {
  return (env.INTERNAL_URL ?? `http://127.0.0.1:${env.PORT}`).replace(/\/$/, "");
}

/**
 * The stand-in answers only when the app is configured to talk to it (WHATSAPP_GRAPH_API_URL is
 * this app's own /api/graph-sim) or under test: a production app pointed at Meta must never
 * expose an endpoint that pretends to be Meta.
 */
export function graphSimEnabled(env: Env = getEnv()): boolean {
  if (env.NODE_ENV === "test") return true;
  const target = env.WHATSAPP_GRAPH_API_URL.replace(/\/$/, "");
  const selves = new Set([
    internalBaseUrl(env),
    appUrl(env),
    `http://127.0.0.1:${env.PORT}`,
    `http://localhost:${env.PORT}`,
  ]);
  return [...selves].some((self) => target === `${self}${GRAPH_SIM_PATH}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Webhooks into our own endpoint

interface WebhookValue {
  phoneNumberId: string;
  displayPhoneNumber: string;
  contacts?: unknown[];
  messages?: unknown[];
  statuses?: unknown[];
}

/** One entry with one change, exactly as Meta shapes it. */
export function webhookBody(value: WebhookValue): string {
  return JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: "WABA-SIM",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: {
                display_phone_number: value.displayPhoneNumber,
                phone_number_id: value.phoneNumberId,
              },
              ...(value.contacts ? { contacts: value.contacts } : {}),
              ...(value.messages ? { messages: value.messages } : {}),
              ...(value.statuses ? { statuses: value.statuses } : {}),
            },
          },
        ],
      },
    ],
  });
}

export class SimulatorNotReady extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "SimulatorNotReady";
  }
}

/** Signs the exact bytes with the app secret in effect and POSTs them to our webhook, as Meta would. */
export async function postSignedWebhook(body: string, env: Env = getEnv()): Promise<void> {
  const secret = (await whatsappSettings(env)).appSecret;
  if (!secret) throw new SimulatorNotReady("no WhatsApp app secret is set");
  const response = await fetch(`${internalBaseUrl(env)}/api/webhooks/whatsapp`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-hub-signature-256": signWebhookBody(body, secret) },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`webhook answered ${response.status}`);
}

export const SimulatedMessageInput = z.object({
  /** Digits with the country code; the page normalises what the admin typed. */
  from: z.string().regex(/^\d{9,15}$/),
  name: z.string().trim().max(80).optional(),
  text: z.string().trim().min(1).max(4096),
  /** Generated in the browser per message: a double submit becomes the same wamid, stored once. */
  clientId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
});
export type SimulatedMessageInput = z.infer<typeof SimulatedMessageInput>;

export interface SimulatorShowroom {
  phoneNumberId: string;
  displayPhoneNumber: string;
}

/** What stands between this showroom and a working simulator; null when it is ready. */
export async function simulatorProblem(
  tx: Tx,
  tenantId: string,
  env: Env = getEnv(),
): Promise<string | null> {
  if (!(await whatsappSettings(env)).appSecret) return "no_secret";
  if (!graphSimEnabled(env)) return "not_offline";
  const tenant = await tx.tenant.findUnique({
    where: { id: tenantId },
    select: { whatsappPhoneNumberId: true, whatsappAccessTokenEnc: true },
  });
  if (!tenant?.whatsappPhoneNumberId || !tenant.whatsappAccessTokenEnc) return "no_number";
  return null;
}

export async function simulatorShowroom(tx: Tx, tenantId: string): Promise<SimulatorShowroom | null> {
  const tenant = await tx.tenant.findUnique({
    where: { id: tenantId },
    select: { whatsappPhoneNumberId: true, whatsappNumber: true },
  });
  if (!tenant?.whatsappPhoneNumberId) return null;
  return {
    phoneNumberId: tenant.whatsappPhoneNumberId,
    displayPhoneNumber: tenant.whatsappNumber ?? tenant.whatsappPhoneNumberId,
  };
}

/** A buyer's (or staff member's) text message as Meta delivers it. */
export function inboundTextBody(
  showroom: SimulatorShowroom,
  input: SimulatedMessageInput,
  now = new Date(),
): string {
  return webhookBody({
    ...showroom,
    contacts: [{ profile: { name: input.name || input.from }, wa_id: input.from }],
    messages: [
      {
        from: input.from,
        id: `wamid.sim.${input.clientId}`,
        timestamp: String(Math.floor(now.getTime() / 1000)),
        type: "text",
        text: { body: input.text },
      },
    ],
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The Graph API stand-in

export const SimSendRequest = z.looseObject({
  messaging_product: z.literal("whatsapp"),
  to: z.string().min(1),
  type: z.string().min(1),
});
export const SimMarkRead = z.looseObject({
  messaging_product: z.literal("whatsapp"),
  status: z.literal("read"),
  message_id: z.string().min(1),
});

function sameSecret(a: string, b: string): boolean {
  const left = createHash("sha256").update(a).digest();
  const right = createHash("sha256").update(b).digest();
  return timingSafeEqual(left, right);
}

/** The bearer token must be the showroom's own access token, exactly as Meta checks it. */
export async function authorizeSimCall(
  phoneNumberId: string,
  authorization: string | null,
): Promise<SimulatorShowroom | null> {
  const bearer = /^Bearer\s+(.+)$/i.exec(authorization ?? "")?.[1]?.trim();
  if (!bearer) return null;
  const tenant = await findTenantByPhoneNumberId(phoneNumberId);
  if (!tenant) return null;
  const stored = await withTenant(tenant.id, (tx) =>
    tx.tenant.findUnique({
      where: { id: tenant.id },
      select: { whatsappAccessTokenEnc: true, whatsappNumber: true },
    }),
  );
  if (!stored?.whatsappAccessTokenEnc) return null;
  let token: string;
  try {
    token = decryptSecret(stored.whatsappAccessTokenEnc, encryptionKeys());
  } catch {
    return null;
  }
  return sameSecret(token, bearer)
    ? { phoneNumberId, displayPhoneNumber: stored.whatsappNumber ?? phoneNumberId }
    : null;
}

/** Tokens the stand-in accepts for a number no showroom has connected yet (the seed's are made the same way). */
export const DEMO_TOKEN_PREFIX = "SIM-";
const DEMO_NUMBER_PREFIX = "1099";

/** A fresh demo number id and token for the WhatsApp tab's "fill in a demo number". */
export function demoCredentials(): { phoneNumberId: string; accessToken: string } {
  const digits = Array.from(randomBytes(11), (byte) => String(byte % 10)).join("");
  return {
    phoneNumberId: `${DEMO_NUMBER_PREFIX}${digits}`,
    accessToken: `${DEMO_TOKEN_PREFIX}${randomBytes(24).toString("base64url")}`,
  };
}

export type SimLookup =
  | { ok: true; number: Record<string, string> }
  | { ok: false; status: number; code: number; message: string };

/**
 * GET /{version}/{phone_number_id}?fields=... as Meta answers it. A connected number answers to
 * its showroom's own token only; a number nobody has connected answers to any demo token
 * ("SIM-..."), so an owner on `npm start` can connect one; anything else is refused like Meta does.
 */
export async function simNumberLookup(
  phoneNumberId: string,
  authorization: string | null,
): Promise<SimLookup> {
  const refused = {
    ok: false as const,
    status: 401,
    code: 190,
    message: "Invalid OAuth access token - Cannot parse access token",
  };
  const unknown = {
    ok: false as const,
    status: 400,
    code: 100,
    message: `Unsupported get request. Object with ID '${phoneNumberId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
  };
  const bearer = /^Bearer\s+(.+)$/i.exec(authorization ?? "")?.[1]?.trim();
  if (!bearer) return refused;
  if (!/^\d{5,25}$/.test(phoneNumberId)) return unknown;
  const last4 = phoneNumberId.slice(-4);
  const answer = (display: string, name: string) => ({
    ok: true as const,
    number: {
      id: phoneNumberId,
      display_phone_number: display,
      verified_name: name,
      quality_rating: "GREEN",
      messaging_limit_tier: "TIER_1K",
    },
  });
  const holder = await findTenantByPhoneNumberId(phoneNumberId);
  if (holder) {
    const showroom = await authorizeSimCall(phoneNumberId, authorization);
    if (!showroom) return refused;
    const name = await withTenant(holder.id, (tx) =>
      tx.tenant.findUnique({ where: { id: holder.id }, select: { name: true } }),
    );
    return answer(`+${showroom.displayPhoneNumber}`, name?.name ?? holder.slug);
  }
  if (!bearer.startsWith(DEMO_TOKEN_PREFIX) || bearer.length < 12) return refused;
  return answer(`+62 811-0000-${last4}`, `Nomor Demo ${last4}`);
}

export function newSimWamid(): string {
  return `wamid.sim.${randomBytes(12).toString("hex")}`;
}

/** Delays between the send call and each status, like a phone that is online and reading. */
const STATUS_STEPS: { status: "sent" | "delivered" | "read"; afterMs: number }[] = [
  { status: "sent", afterMs: 400 },
  { status: "delivered", afterMs: 1200 },
  { status: "read", afterMs: 2500 },
];

/**
 * After answering a send, report sent/delivered/read through signed webhooks, in the background.
 * A status may arrive before the outbox has stored the wamid; ingest retries those, as with Meta.
 */
export function reportStatusesLater(showroom: SimulatorShowroom, wamid: string, recipient: string): void {
  const started = Date.now();
  void (async () => {
    for (const step of STATUS_STEPS) {
      const wait = started + step.afterMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const body = webhookBody({
        ...showroom,
        statuses: [
          {
            id: wamid,
            status: step.status,
            timestamp: String(Math.floor(Date.now() / 1000)),
            recipient_id: recipient,
          },
        ],
      });
      try {
        await postSignedWebhook(body);
      } catch (error) {
        console.warn(
          `[graph-sim] status ${step.status} for ${wamid} not delivered: ${error instanceof Error ? error.message : String(error)}`,
        );
        return;
      }
    }
  })();
}
