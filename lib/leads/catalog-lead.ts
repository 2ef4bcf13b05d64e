// A buyer's "contact me" from a vehicle page: becomes a Lead of the showroom that owns the car
// (through the lead intake: a buyer whose lead is still open is updated, not duplicated). Abuse
// limits: submissions per address across all showrooms and per phone per showroom
// (RATE_LIMIT_LEAD_ADDRESS / RATE_LIMIT_LEAD_PHONE, answered 429 through the action client), and
// the same phone asking about the same car within a day is the same request: the buyer hears
// "sent", the existing lead gets a note and moves up, no second lead appears.
import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/core/db/client";
import { withTenant } from "@/lib/core/db/tenant";
import { getEnv } from "@/lib/core/env";
import { translator } from "@/lib/core/i18n/messages";
import { normalizePhone } from "@/lib/core/phone";
import { addressSubject, enforceRateLimit, rule } from "@/lib/core/rate-limit";
import type { Lead } from "@/lib/generated/prisma/client";
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

/** Counted before the showroom's transaction, so a refused burst never reaches the leads table. */
async function enforceLeadLimits(options: { tenantId: string; phone: string; ip?: string | null }) {
  const env = getEnv();
  await enforceRateLimit(rule("lead-address", env.RATE_LIMIT_LEAD_ADDRESS), addressSubject(options.ip), {
    message: "limits.leadForm",
  });
  await enforceRateLimit(
    rule("lead-phone", env.RATE_LIMIT_LEAD_PHONE),
    `${options.tenantId}\0${options.phone}`,
    {
      message: "limits.leadPhone",
    },
  );
}

/** The buyer asked again about the same car: a note for the salesperson, and the lead moves up. */
async function noteRepeatedRequest(
  tx: Tx,
  lead: Lead,
  options: { tenantId: string; message: string | null },
) {
  const t = translator(getEnv().DEFAULT_LOCALE);
  const body = [t("limits.leadRepeated"), options.message].filter(Boolean).join("\n");
  await tx.leadNote.create({ data: { tenantId: options.tenantId, leadId: lead.id, authorId: null, body } });
  await tx.lead.update({ where: { id: lead.id }, data: { updatedAt: new Date() } });
}

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
  await enforceLeadLimits({ tenantId: options.tenantId, phone: parsed.data.phone, ip: options.ip });
  return withTenant(options.tenantId, async (tx) => {
    const vehicle = await tx.vehicle.findFirst({
      where: { ...listedWhere, slug: options.vehicleSlug },
      select: { id: true },
    });
    if (!vehicle) return { ok: false as const, problems: ["unavailable" as const] };
    const { lead, repeated } = await takeInLead(
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
    if (repeated)
      await noteRepeatedRequest(tx, lead, { tenantId: options.tenantId, message: parsed.data.message });
    return { ok: true as const, leadId: lead.id };
  });
}
