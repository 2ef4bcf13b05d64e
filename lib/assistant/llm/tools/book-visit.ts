// book_visit: a test drive or showroom visit the buyer asked for, as a lead note, the lead's
// follow-up date and a notification; the team confirms.
import "server-only";
import { z } from "zod";
import { ToolError } from "@/lib/assistant/llm/providers/errors";
import { saveLead } from "@/lib/assistant/llm/tools/save-lead";
import { assistantTool } from "@/lib/assistant/llm/tools/tool";
import { findListed, text } from "@/lib/assistant/llm/tools/turn";
import { visitBooked } from "@/lib/leads/events";

export const bookVisitTool = assistantTool({
  name: "book_visit",
  description:
    "Ask the sales team to confirm a test drive or a showroom visit at a date and time the buyer chose. The team confirms; say so to the buyer.",
  input: z.object({
    kind: z.enum(["test_drive", "visit"]),
    at: z.iso
      .datetime({ offset: true, local: true })
      .describe("ISO date and time, e.g. 2025-06-07T10:00:00+07:00"),
    stockCode: text(40).optional(),
    name: text(80).optional(),
    note: text(500).optional(),
  }),
  async execute(args, turn) {
    const { tx, context } = turn;
    const vehicle = args.stockCode ? await findListed(tx, { stockCode: args.stockCode }) : null;
    const at = new Date(args.at);
    if (Number.isNaN(at.getTime()) || at.getTime() < Date.now() - 60 * 60 * 1000)
      throw new ToolError("That date is in the past; ask the buyer for another one.");
    const { lead } = await saveLead(turn, { name: args.name, vehicleId: vehicle?.id, followUpAt: at });
    // Stored text for the dashboard, in the showroom's language.
    const what = args.kind === "test_drive" ? "Test drive" : "Kunjungan showroom";
    const when = at.toLocaleString("id-ID", {
      timeZone: "Asia/Jakarta",
      dateStyle: "full",
      timeStyle: "short",
    });
    await tx.leadNote.create({
      data: {
        tenantId: context.tenantId,
        leadId: lead.id,
        body: `${what} diminta lewat WhatsApp: ${when}${vehicle ? ` (${vehicle.stockCode})` : ""}${args.note ? `. ${args.note}` : ""}`,
      },
    });
    // No assignee: every admin of the showroom sees it (userId null); other channels via `visitBooked`.
    await tx.notification.create({
      data: {
        tenantId: context.tenantId,
        userId: lead.assigneeId,
        kind: "lead.visit",
        title: `${what}: ${when}`,
        link: `/dashboard/leads/${lead.id}`,
      },
    });
    await visitBooked.emitInTx(tx, {
      tenantId: context.tenantId,
      leadId: lead.id,
      assigneeId: lead.assigneeId,
      kind: args.kind,
      at: at.toISOString(),
    });
    return {
      requested: true,
      kind: args.kind,
      at: at.toISOString(),
      note: "The sales team will confirm the time.",
    };
  },
});
