// The shapes the understanding layer hands to the rest of the assistant: what a buyer is looking
// for (SearchCriteria), what they want done (Intent) and how they want to pay (Financing).
import { z } from "zod";
import { BODY_TYPES, FUELS, TRANSMISSIONS } from "@/lib/inventory/vehicle-input";

const MAX_YEAR = 2100;

/** Every field optional: a buyer says only what matters to them. Money is integer Rupiah (bigint). */
export const SearchCriteria = z.object({
  brand: z.string().trim().min(1).max(60).optional(),
  model: z.string().trim().min(1).max(80).optional(),
  yearMin: z.number().int().min(1950).max(MAX_YEAR).optional(),
  yearMax: z.number().int().min(1950).max(MAX_YEAR).optional(),
  priceMin: z.bigint().positive().optional(),
  priceMax: z.bigint().positive().optional(),
  transmission: z.enum(TRANSMISSIONS).optional(),
  fuel: z.enum(FUELS).optional(),
  bodyType: z.enum(BODY_TYPES).optional(),
  color: z.string().trim().min(1).max(40).optional(),
  city: z.string().trim().min(1).max(80).optional(),
  mileageMax: z.number().int().min(0).max(2_000_000).optional(),
  stockCode: z.string().trim().min(1).max(40).optional(),
  query: z.string().trim().min(1).max(100).optional(),
});
export type SearchCriteria = z.infer<typeof SearchCriteria>;

/**
 * The same criteria as JSON can carry them (conversation state in a jsonb column, LLM tool
 * arguments): prices as digit strings, because JSON has no bigint and floats would lose Rupiah.
 */
export const StoredSearchCriteria = SearchCriteria.extend({
  priceMin: z
    .string()
    .regex(/^\d{1,15}$/)
    .transform((value) => BigInt(value))
    .pipe(z.bigint().positive())
    .optional(),
  priceMax: z
    .string()
    .regex(/^\d{1,15}$/)
    .transform((value) => BigInt(value))
    .pipe(z.bigint().positive())
    .optional(),
});

export type StoredCriteria = Omit<SearchCriteria, "priceMin" | "priceMax"> & {
  priceMin?: string;
  priceMax?: string;
};

export function storeCriteria(criteria: SearchCriteria): StoredCriteria {
  const { priceMin, priceMax, ...rest } = criteria;
  return {
    ...rest,
    ...(priceMin !== undefined ? { priceMin: priceMin.toString() } : {}),
    ...(priceMax !== undefined ? { priceMax: priceMax.toString() } : {}),
  };
}

/** Stored state that no longer validates (an old shape, a hand edit) starts the search afresh. */
export function readStoredCriteria(json: unknown): SearchCriteria {
  const parsed = StoredSearchCriteria.safeParse(json);
  return parsed.success ? parsed.data : {};
}

export const INTENTS = [
  "greeting",
  "search",
  "details",
  "photos",
  "credit",
  "visit",
  "human",
  "negotiation",
  "complaint",
  "thanks",
  "contact_info",
] as const;
export type Intent = (typeof INTENTS)[number];

export interface Financing {
  downPayment?: bigint;
  downPaymentPercent?: number;
  tenorMonths?: number;
  monthlyBudget?: bigint;
}

/** A brand and model as the showroom's stock spells them ("Toyota", "Kijang Innova"). */
export interface KnownModel {
  brand: string;
  model: string;
}

export type Language = "id" | "en";
