// A buyer's "contact me" from a vehicle page: becomes a Lead of the showroom that owns the car
// (through the lead intake: a buyer whose lead is still open is updated, not duplicated).
import "server-only";
import { z } from "zod";
import { withTenant } from "@/lib/core/db/tenant";
import { normalizePhone } from "@/lib/core/phone";
import { listedWhere } from "@/lib/inventory/listing";
import { takeInLead } from "@/lib/leads/intake";

export const CatalogLeadInput = z.object({
  name: z.string().trim().min(2, "name").max(80, "name"),
  phone: z.string().transform((value, ctx) => {
    const phone = normalizePhone(value);
    if (!phone) ctx.addIssue({ code: "custom", message: "phone" });
    return phone ?? "";
  }),
  message: z
    .string()
    .trim()
    .max(1000, "message")
    .optional()
    .transform((value) => value || null),
});

export type LeadProblem = "name" | "phone" | "message" | "unavailable";

export async function createCatalogLead(options: {
  tenantId: string;
  vehicleSlug: string;
  input: unknown;
  ip?: string | null;
}): Promise<{ ok: true; leadId: string } | { ok: false; problems: LeadProblem[] }> {
  const parsed = CatalogLeadInput.safeParse(options.input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: [
        ...new Set(
          parsed.error.issues.map(
            (issue) =>
              (issue.message === "phone" || issue.message === "message"
                ? issue.message
                : "name") as LeadProblem,
          ),
        ),
      ],
    };
  }
  return withTenant(options.tenantId, async (tx) => {
    const vehicle = await tx.vehicle.findFirst({
      where: { ...listedWhere, slug: options.vehicleSlug },
      select: { id: true },
    });
    if (!vehicle) return { ok: false as const, problems: ["unavailable" as const] };
    const { lead } = await takeInLead(
      tx,
      {
        source: "web",
        name: parsed.data.name,
        phone: parsed.data.phone,
        message: parsed.data.message,
        vehicleId: vehicle.id,
      },
      { tenantId: options.tenantId, actor: { userId: null, email: "buyer:web", ip: options.ip } },
    );
    return { ok: true as const, leadId: lead.id };
  });
}
