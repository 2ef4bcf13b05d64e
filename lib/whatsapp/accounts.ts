// A showroom's WhatsApp number: routing of webhooks by phone_number_id, and the Graph API client
// with its access token (stored encrypted, decrypted only here).
import "server-only";

import { decryptSecret, encryptionKey, encryptionKeys, encryptSecret } from "@/lib/core/crypto";
import { db, type Tx } from "@/lib/core/db/client";
import { getEnv } from "@/lib/core/env";
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
  const env = getEnv();
  return new GraphClient({
    baseUrl: env.WHATSAPP_GRAPH_API_URL,
    apiVersion: env.WHATSAPP_API_VERSION,
    phoneNumberId: tenant.whatsappPhoneNumberId,
    accessToken: decryptSecret(tenant.whatsappAccessTokenEnc, encryptionKeys()),
  });
}
