"use server";
// The dashboard command bar's action: the same staff commands as WhatsApp ("HX-001 terjual",
// "harga HX-001 jadi 160jt"), answered in the dashboard's language; the catalog is refreshed once
// a change has committed.
import { z } from "zod";
import { staffAction } from "@/lib/actions/client";
import { executeStaffCommand, parseStaffCommand, stockVocabulary } from "@/lib/assistant/staff/commands";
import { revalidateCatalog } from "@/lib/catalog/revalidate";
import { getTranslator } from "@/lib/core/i18n/server";

const CommandInput = z.object({
  text: z.string().trim().min(1).max(500),
  /** The person pressed the confirmation button for exactly this text and car. */
  confirm: z.boolean().optional(),
  vehicleId: z.uuid().optional(),
});

export interface CommandReply {
  reply: string;
  /** Button labels when the change needs a yes first; send the same text again with confirm and vehicleId. */
  confirm?: { yes: string; no: string; vehicleId?: string };
  changed: boolean;
}

export const runCommandAction = staffAction("vehicles.write")
  .input(CommandInput)
  .afterCommit(async (result: CommandReply, { user }) => {
    if (result.changed) await revalidateCatalog(user.tenantId);
  })
  .action(async ({ user, actor, tx }, input): Promise<CommandReply> => {
    const { locale } = await getTranslator();
    const command = parseStaffCommand(input.text, { brands: await stockVocabulary(tx) });
    const confirmed = input.confirm === true;
    const outcome = await executeStaffCommand(tx, {
      tenantId: user.tenantId,
      actor,
      command,
      language: locale === "en" ? "en" : "id",
      confirmed,
      // Only a confirmation pins the car: a fresh command resolves it again.
      vehicleId: confirmed ? input.vehicleId : undefined,
    });
    return {
      reply: outcome.reply,
      ...(outcome.confirm
        ? { confirm: { yes: outcome.confirm.yes, no: outcome.confirm.no, vehicleId: outcome.vehicleId } }
        : {}),
      changed: outcome.changed,
    };
  });
