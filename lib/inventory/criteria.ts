// What a buyer is looking for -> which listed cars match: one builder for the catalog's search and
// for the WhatsApp assistant, so the same words find the same cars on the site and in a chat.
// Brand, model, colour and city words are resolved against this showroom's own listed stock
// (lib/inventory/fuzzy.ts resolveName: case, spaces and hyphens aside, then word match, then typos).
import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/core/db/client";
import { Invalid, issueLines } from "@/lib/core/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { matchNames, resolveName } from "@/lib/inventory/fuzzy";
import { listedWhere } from "@/lib/inventory/listing";
import { BODY_TYPES, FUELS, TRANSMISSIONS } from "@/lib/inventory/vehicle-input";
import { vehicleSummarySelect } from "@/lib/inventory/vehicle-select";

const words = (max: number) => z.string().trim().min(1).max(max);
const year = z.number().int().min(1950).max(2100);
const rupiah = z.bigint().nonnegative();

/** Every field optional; money is integer Rupiah. The assistant's SearchCriteria fits it as is. */
export const VehicleCriteria = z.object({
  brand: words(60).optional(),
  model: words(80).optional(),
  variant: words(120).optional(),
  yearMin: year.optional(),
  yearMax: year.optional(),
  priceMin: rupiah.optional(),
  priceMax: rupiah.optional(),
  transmission: z.enum(TRANSMISSIONS).optional(),
  fuel: z.enum(FUELS).optional(),
  bodyType: z.enum(BODY_TYPES).optional(),
  /** At least this many seats ("7 seater" also finds an 8-seat car). */
  seatsMin: z.number().int().min(1).max(60).optional(),
  color: words(40).optional(),
  city: words(80).optional(),
  mileageMax: z.number().int().min(0).max(2_000_000).optional(),
  stockCode: words(40).optional(),
  /** Free text, word by word: "avanza 2019 hitam". */
  query: words(100).optional(),
});
export type VehicleCriteria = z.infer<typeof VehicleCriteria>;
export type CriteriaField = keyof VehicleCriteria;

/** One condition per criterion, so a facet can leave out its own (catalog counts per value). */
export type CriteriaConditions = Partial<Record<CriteriaField, Prisma.VehicleWhereInput>>;

/** The names buyers' words are resolved against: what this showroom lists right now. */
interface Vocabulary {
  pairs: { brand: string; model: string }[];
  brands: string[];
  models: string[];
  colors: string[];
  cities: string[];
}

const NEEDS_VOCABULARY: CriteriaField[] = ["brand", "model", "color", "city", "query"];

async function readVocabulary(tx: Tx): Promise<Vocabulary> {
  const rows = await tx.vehicle.groupBy({ by: ["brand", "model", "color", "city"], where: listedWhere });
  const unique = (values: (string | null)[]) => [
    ...new Set(values.flatMap((value) => (value ? [value] : []))),
  ];
  const pairs = [
    ...new Map(
      rows.map((row) => [`${row.brand}\u0000${row.model}`, { brand: row.brand, model: row.model }]),
    ).values(),
  ];
  return {
    pairs,
    brands: unique(rows.map((row) => row.brand)),
    models: unique(rows.map((row) => row.model)),
    colors: unique(rows.map((row) => row.color)),
    cities: unique(rows.map((row) => row.city)),
  };
}

/** "toyota avanza" as a model: the model is "avanza" when the first word names a brand. */
function resolveModel(typed: string, models: string[], brands: string[]): string[] {
  const found = resolveName(typed, models);
  if (found.length) return found;
  const [first, ...rest] = typed.split(/\s+/);
  const namesBrand = first && rest.length && brands.some((brand) => resolveName(first, [brand]).length);
  return namesBrand ? resolveName(rest.join(" "), models) : [];
}

const contains = (value: string) => ({ contains: value, mode: "insensitive" as const });

/** Free text, word by word (at most six): a year, or a brand, model, variant, colour or city. */
function textConditions(query: string, vocabulary: Vocabulary): Prisma.VehicleWhereInput {
  const conditions = query
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6)
    .map((word): Prisma.VehicleWhereInput => {
      if (/^(19|20)\d\d$/.test(word)) return { year: Number(word) };
      const brandHits = matchNames(word, vocabulary.brands);
      const modelHits = matchNames(word, vocabulary.models);
      return {
        OR: [
          ...(brandHits.length ? [{ brand: { in: brandHits } }] : []),
          ...(modelHits.length ? [{ model: { in: modelHits } }] : []),
          { brand: contains(word) },
          { model: contains(word) },
          { variant: contains(word) },
          { color: contains(word) },
          { city: contains(word) },
        ],
      };
    });
  return { AND: conditions };
}

/** The criteria as conditions, names resolved against the showroom's listed stock. */
export async function criteriaConditions(tx: Tx, criteria: VehicleCriteria): Promise<CriteriaConditions> {
  const vocabulary = NEEDS_VOCABULARY.some((field) => criteria[field] !== undefined)
    ? await readVocabulary(tx)
    : null;
  const conditions: CriteriaConditions = {};
  let brands: string[] | null = null;
  if (criteria.brand && vocabulary) {
    brands = resolveName(criteria.brand, vocabulary.brands);
    conditions.brand = { brand: { in: brands } };
  }
  if (criteria.model && vocabulary) {
    const ofBrand = brands;
    const models = [
      ...new Set(
        vocabulary.pairs.filter((pair) => !ofBrand || ofBrand.includes(pair.brand)).map((pair) => pair.model),
      ),
    ];
    conditions.model = { model: { in: resolveModel(criteria.model, models, vocabulary.brands) } };
  }
  if (criteria.variant)
    conditions.variant = { AND: criteria.variant.split(/\s+/).map((word) => ({ variant: contains(word) })) };
  if (criteria.yearMin !== undefined) conditions.yearMin = { year: { gte: criteria.yearMin } };
  if (criteria.yearMax !== undefined) conditions.yearMax = { year: { lte: criteria.yearMax } };
  if (criteria.priceMin !== undefined) conditions.priceMin = { price: { gte: criteria.priceMin } };
  if (criteria.priceMax !== undefined) conditions.priceMax = { price: { lte: criteria.priceMax } };
  if (criteria.transmission) conditions.transmission = { transmission: criteria.transmission };
  if (criteria.fuel) conditions.fuel = { fuel: criteria.fuel };
  if (criteria.bodyType) conditions.bodyType = { bodyType: criteria.bodyType };
  if (criteria.seatsMin !== undefined) conditions.seatsMin = { seats: { gte: criteria.seatsMin } };
  if (criteria.color && vocabulary)
    conditions.color = { color: { in: resolveName(criteria.color, vocabulary.colors) } };
  if (criteria.city && vocabulary)
    conditions.city = { city: { in: resolveName(criteria.city, vocabulary.cities) } };
  if (criteria.mileageMax !== undefined) conditions.mileageMax = { mileageKm: { lte: criteria.mileageMax } };
  if (criteria.stockCode)
    conditions.stockCode = { stockCode: { equals: criteria.stockCode, mode: "insensitive" } };
  if (criteria.query && vocabulary) conditions.query = textConditions(criteria.query, vocabulary);
  return conditions;
}

/** Listed cars meeting every condition but `except` (a facet counts its values without itself). */
export function listedWhereOf(
  conditions: CriteriaConditions,
  options: { except?: CriteriaField } = {},
): Prisma.VehicleWhereInput {
  const parts = Object.entries(conditions).flatMap(([field, condition]) =>
    field === options.except || !condition ? [] : [condition],
  );
  return { AND: [listedWhere, ...parts] };
}

export const VEHICLE_SORTS = [
  "newest",
  "price_asc",
  "price_desc",
  "year_desc",
  "km_asc",
  "available_first",
] as const;
export type VehicleSort = (typeof VEHICLE_SORTS)[number];

/** Each order ends with the id, so pages never repeat or skip a car whose sort values tie. */
export const VEHICLE_ORDER: Record<VehicleSort, Prisma.VehicleOrderByWithRelationInput[]> = {
  newest: [{ inStockSince: "desc" }, { createdAt: "desc" }, { id: "asc" }],
  price_asc: [{ price: "asc" }, { id: "asc" }],
  price_desc: [{ price: "desc" }, { id: "asc" }],
  year_desc: [{ year: "desc" }, { price: "asc" }, { id: "asc" }],
  km_asc: [{ mileageKm: "asc" }, { id: "asc" }],
  // The assistant's order: what can be bought now before what is booked, cheapest first.
  available_first: [{ status: "asc" }, { price: "asc" }, { id: "asc" }],
};

/** What a search result says about a car (the assistant's tools and engine read these fields). */
export const listedVehicleSelect = {
  ...vehicleSummarySelect,
  fuel: true,
  color: true,
  bodyType: true,
  seats: true,
} satisfies Prisma.VehicleSelect;
export type ListedVehicle = Prisma.VehicleGetPayload<{ select: typeof listedVehicleSelect }>;

const MAX_LIMIT = 100;

/**
 * The listed cars that match `criteria`, and how many there are in all: the function the
 * assistant's search calls, built on the same conditions as the catalog's search page.
 */
export async function findListedVehicles(
  tx: Tx,
  criteria: z.input<typeof VehicleCriteria>,
  options: { sort?: VehicleSort; limit?: number; offset?: number } = {},
): Promise<{ total: number; vehicles: ListedVehicle[] }> {
  const parsed = VehicleCriteria.safeParse(criteria);
  if (!parsed.success) throw new Invalid(issueLines(parsed.error).join("; "));
  const where = listedWhereOf(await criteriaConditions(tx, parsed.data));
  const [total, vehicles] = await Promise.all([
    tx.vehicle.count({ where }),
    tx.vehicle.findMany({
      where,
      orderBy: VEHICLE_ORDER[options.sort ?? "available_first"],
      skip: Math.max(0, options.offset ?? 0),
      take: Math.min(MAX_LIMIT, Math.max(1, options.limit ?? 5)),
      select: listedVehicleSelect,
    }),
  ]);
  return { total, vehicles };
}
