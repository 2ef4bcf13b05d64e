// A showroom's WhatsApp number: routing of webhooks by phone_number_id, and the Graph API client
// with its access token (stored encrypted, decrypted only here).
import "server-only";

import { decryptSecret, encryptionKey, encryptionKeys, encryptSecret } from "@/lib/core/crypto";
import { db, type Tx } from "@/lib/core/db/client";
import { whatsappSettings } from "@/lib/settings/platform";
import { GraphClient } from "@/lib/whatsapp/graph-client";

export interface RoutedTenant {
  id: string;
  slug: string;
  status: "active" | "suspended";
}

export async function findTenantByPhoneNumberId(phoneNumberId: string): Promise<RoutedTenant | null> {
  const rows = await db().$queryRaw<
    RoutedTenant[]
  >`SELECT * FROM app_find_tenant_by_phone_number_id(${phoneNumberId})`;
  return rows[0] ?? null;
}

/** "Last webhook received" is written at most this often per showroom, not on every event. */
const WEBHOOK_NOTE_EVERY = "30 seconds";

/** Notes that a webhook for this showroom arrived (its connection health); inside its tenant transaction. */
export async function noteWebhookReceived(tx: Tx, tenantId: string): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO wa_connections (tenant_id, last_webhook_at, updated_at) VALUES ($1::uuid, now(), now())
     ON CONFLICT (tenant_id) DO UPDATE SET last_webhook_at = now(), updated_at = now()
     WHERE wa_connections.last_webhook_at IS NULL
        OR wa_connections.last_webhook_at < now() - interval '${WEBHOOK_NOTE_EVERY}'`,
    tenantId,
  );
}

export function encryptAccessToken(token: string): string {
  return encryptSecret(token, encryptionKey());
}

/** The Graph API client for the showroom of the current tenant transaction, or null when none is configured. */
export async function graphClientFor(tx: Tx, tenantId: string): Promise<GraphClient | null> {
  const tenant = await tx.tenant.findUnique({
    where: { id: tenantId },
    select: { whatsappPhoneNumberId: true, whatsappAccessTokenEnc: true },
  });
  if (!tenant?.whatsappPhoneNumberId || !tenant.whatsappAccessTokenEnc) return null;
  const settings = await whatsappSettings();
  return new GraphClient({
    baseUrl: settings.graphApiUrl,
    apiVersion: settings.apiVersion,
    phoneNumberId: tenant.whatsappPhoneNumberId,
    accessToken: decryptSecret(tenant.whatsappAccessTokenEnc, encryptionKeys()),
  });
}
