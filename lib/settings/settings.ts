// A showroom's own settings: profile and opening hours, branding, credit defaults and custom
// domains. Each change runs in the caller's tenant transaction with its audit row; the server action
// revalidates the public catalog once it has committed.
import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import type { StaffContext } from "@/lib/auth/staff-context";
import type { Tx } from "@/lib/core/db/client";
import { normalizePhone } from "@/lib/core/phone";
import { type CustomDomainView, listCustomDomains } from "@/lib/settings/custom-domains";
import { requireSettingsManager } from "@/lib/settings/settings-manager";
import { readTheme, type Theme } from "@/lib/tenancy/theme";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "settings.error.tooLong")
    .transform((value) => value || null);

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "settings.error.time");

export const OpeningDay = z
  .object({ day: z.number().int().min(0).max(6), closed: z.boolean(), open: time, close: time })
  .refine((slot) => slot.closed || slot.open < slot.close, {
    message: "settings.error.hours",
    path: ["close"],
  });

export const ProfileInput = z.object({
  name: z.string().trim().min(2, "settings.error.name").max(120, "settings.error.name"),
  tagline: optionalText(160),
  address: optionalText(300),
  city: optionalText(80),
  phone: optionalText(40),
  whatsappNumber: z
    .string()
    .trim()
    .transform((value, ctx) => {
      if (!value) return null;
      const phone = normalizePhone(value);
      if (!phone) ctx.addIssue({ code: "custom", message: "settings.error.phone" });
      return phone;
    }),
  email: z
    .union([z.literal(""), z.email("settings.error.email")])
    .transform((value) => value.toLowerCase() || null),
  // Only web links: a javascript: URL here would run in every buyer's browser.
  mapUrl: z
    .union([z.literal(""), z.url({ protocol: /^https?$/, error: "settings.error.url" })])
    .transform((value) => value || null),
  openingHours: z.array(OpeningDay).length(7),
});
export type ProfileInput = z.input<typeof ProfileInput>;

export interface ShowroomSettings {
  profile: ProfileInput;
  theme: Theme;
  credit: { ratePercent: string; minDownPct: number; tenors: number[] };
  domains: CustomDomainView[];
  slug: string;
}

const StoredHours = z
  .array(z.object({ day: z.number().int().min(0).max(6), open: z.string(), close: z.string() }))
  .catch([]);

export async function readSettings(tx: Tx, tenantId: string): Promise<ShowroomSettings> {
  const tenant = await tx.tenant.findUniqueOrThrow({
    where: { id: tenantId },
  });
  const hours = StoredHours.parse(tenant.openingHours);
  return {
    slug: tenant.slug,
    profile: {
      name: tenant.name,
      tagline: tenant.tagline ?? "",
      address: tenant.address ?? "",
      city: tenant.city ?? "",
      phone: tenant.phone ?? "",
      whatsappNumber: tenant.whatsappNumber ?? "",
      email: tenant.email ?? "",
      mapUrl: tenant.mapUrl ?? "",
      openingHours: [0, 1, 2, 3, 4, 5, 6].map((day) => {
        const slot = hours.find((entry) => entry.day === day);
        return slot
          ? { day, closed: false, open: slot.open, close: slot.close }
          : { day, closed: true, open: "08:00", close: "17:00" };
      }),
    },
    theme: readTheme(tenant.theme),
    credit: {
      ratePercent: (tenant.creditRateBps / 100).toString(),
      minDownPct: tenant.creditMinDownPct,
      tenors: tenant.creditTenorsMonths,
    },
    domains: await listCustomDomains(tx, tenantId),
  };
}

export async function updateProfile(
  context: StaffContext,
  input: z.output<typeof ProfileInput>,
): Promise<void> {
  requireSettingsManager(context);
  const { tx, user, actor } = context;
  const before = await tx.tenant.findUniqueOrThrow({
    where: { id: user.tenantId },
    select: {
      name: true,
      tagline: true,
      address: true,
      city: true,
      phone: true,
      whatsappNumber: true,
      email: true,
      mapUrl: true,
      openingHours: true,
    },
  });
  const { openingHours, ...fields } = input;
  // Closed days are simply absent, which is how the catalog's contact page reads them.
  const stored = openingHours
    .filter((slot) => !slot.closed)
    .map(({ day, open, close }) => ({ day, open, close }));
  const after = await tx.tenant.update({
    where: { id: user.tenantId },
    data: { ...fields, openingHours: stored },
    select: {
      name: true,
      tagline: true,
      address: true,
      city: true,
      phone: true,
      whatsappNumber: true,
      email: true,
      mapUrl: true,
      openingHours: true,
    },
  });
  await recordAudit(tx, {
    tenantId: user.tenantId,
    actor,
    action: "settings.profile",
    entity: "tenant",
    entityId: user.tenantId,
    before,
    after,
  });
}

// Branding (colours, font, logo, favicon, hero) lives in lib/settings/branding.ts.

export const CreditInput = z.object({
  /** Flat annual rate in percent with up to two decimals ("6,5" or "6.5"). */
  ratePercent: z
    .string()
    .trim()
    .transform((value) => value.replace(",", "."))
    .pipe(z.string().regex(/^\d{1,2}(\.\d{1,2})?$/, "settings.error.rate"))
    .transform((value) => Math.round(Number(value) * 100))
    .refine((bps) => bps <= 5000, "settings.error.rate"),
  minDownPct: z.coerce
    .number()
    .int("settings.error.downPayment")
    .min(0, "settings.error.downPayment")
    .max(90, "settings.error.downPayment"),
  tenors: z
    .array(z.coerce.number().int().min(6, "settings.error.tenors").max(96, "settings.error.tenors"))
    .min(1, "settings.error.tenors")
    .max(10, "settings.error.tenors")
    .transform((tenors) => [...new Set(tenors)].sort((a, b) => a - b)),
});

export async function updateCredit(
  context: StaffContext,
  input: z.output<typeof CreditInput>,
): Promise<void> {
  requireSettingsManager(context);
  const { tx, user, actor } = context;
  const select = { creditRateBps: true, creditMinDownPct: true, creditTenorsMonths: true } as const;
  const before = await tx.tenant.findUniqueOrThrow({ where: { id: user.tenantId }, select });
  const after = await tx.tenant.update({
    where: { id: user.tenantId },
    data: {
      creditRateBps: input.ratePercent,
      creditMinDownPct: input.minDownPct,
      creditTenorsMonths: input.tenors,
    },
    select,
  });
  await recordAudit(tx, {
    tenantId: user.tenantId,
    actor,
    action: "settings.credit",
    entity: "tenant",
    entityId: user.tenantId,
    before,
    after,
  });
}

// Custom domains (claim, TXT proof, checks) live in lib/settings/custom-domains.ts.
