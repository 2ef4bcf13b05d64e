// A showroom's WhatsApp number from the console: the same connection service as the owner's
// WhatsApp tab and the CLI (lib/whatsapp/connect.ts), reached through the audited platform path.
// Connecting asks Meta before the platform transaction opens, so it never waits on the network.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/audit/record";
import type { Tx } from "@/lib/core/db/client";
import { type SuperAdminActor, withPlatformAccess } from "@/lib/core/db/platform";
import { NotFound } from "@/lib/core/errors";
import type { Locale } from "@/lib/core/i18n/messages";
import { ConnectInput, checkNumber, disconnectNumber, saveConnection } from "@/lib/whatsapp/connect";
import { readConnection, refreshConnection } from "@/lib/whatsapp/connection-health";
import { sendTestMessage, TestMessageInput } from "@/lib/whatsapp/test-message";

const ShowroomRef = z.object({ tenantId: z.uuid() });
export const ShowroomWhatsAppRef = ShowroomRef;
export const ShowroomConnectInput = ConnectInput.extend(ShowroomRef.shape);
export const ShowroomTestMessageInput = TestMessageInput.extend(ShowroomRef.shape);

const auditActor = (actor: SuperAdminActor): Actor => ({
  userId: actor.userId,
  email: actor.email,
  ip: actor.ip,
});

/** One audited platform transaction on one existing showroom. */
function onShowroom<T>(
  actor: SuperAdminActor,
  tenantId: string,
  action: string,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return withPlatformAccess({ actor, action, entity: "tenant", tenantId }, async (tx) => {
    const exists = await tx.tenant.findUnique({ where: { id: tenantId }, select: { id: true } });
    if (!exists) throw new NotFound("Showroom not found");
    return work(tx);
  });
}

export function readShowroomWhatsApp(actor: SuperAdminActor, tenantId: string) {
  return onShowroom(actor, tenantId, "whatsapp.read", (tx) => readConnection(tx, tenantId));
}

export async function connectShowroomWhatsApp(
  actor: SuperAdminActor,
  input: z.output<typeof ShowroomConnectInput>,
) {
  const checked = await checkNumber(input);
  return onShowroom(actor, input.tenantId, "whatsapp.connect", (tx) =>
    saveConnection(tx, { tenantId: input.tenantId, actor: auditActor(actor) }, input, checked),
  );
}

export function disconnectShowroomWhatsApp(actor: SuperAdminActor, input: z.output<typeof ShowroomRef>) {
  return onShowroom(actor, input.tenantId, "whatsapp.disconnect", (tx) =>
    disconnectNumber(tx, { tenantId: input.tenantId, actor: auditActor(actor) }),
  );
}

export function refreshShowroomWhatsApp(actor: SuperAdminActor, input: z.output<typeof ShowroomRef>) {
  return onShowroom(actor, input.tenantId, "whatsapp.check", (tx) => refreshConnection(tx, input.tenantId));
}

export function sendShowroomTestMessage(
  actor: SuperAdminActor,
  input: z.output<typeof ShowroomTestMessageInput>,
  locale: Locale,
) {
  return onShowroom(actor, input.tenantId, "whatsapp.test_message", (tx) =>
    sendTestMessage(tx, { tenantId: input.tenantId, actor: auditActor(actor), locale }, input),
  );
}
