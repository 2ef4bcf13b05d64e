// A showroom reachable on WhatsApp: its own phone_number_id, and the access token sealed the way
// the settings page seals it, so webhooks route to it and replies go out with its token.
import { encryptSecret } from "@/lib/core/crypto";
import type { Tx } from "@/lib/core/db/client";
import { withTenant } from "@/lib/core/db/tenant";
import { makeTenant } from "./factories";

export async function makeWhatsappShowroom(
  name: string,
  options: { token: string; encryptionKey: string; seed?: (tx: Tx, tenantId: string) => Promise<unknown> },
) {
  const tenant = await makeTenant(name);
  const phoneNumberId = String(100000 + Math.floor(Math.random() * 899999));
  await withTenant(tenant.id, async (tx) => {
    await tx.tenant.update({
      where: { id: tenant.id },
      data: {
        whatsappPhoneNumberId: phoneNumberId,
        whatsappAccessTokenEnc: encryptSecret(options.token, options.encryptionKey),
      },
    });
    await options.seed?.(tx, tenant.id);
  });
  return { tenant, phoneNumberId };
}
