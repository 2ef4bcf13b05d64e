// Catalog search: the buyer's filters (all in the URL), typo-tolerant free text, counts per filter
// value and pagination. The URL becomes VehicleCriteria and goes through the same builder as the
// WhatsApp assistant's search (lib/inventory/criteria.ts); only listed cars (lib/inventory/listing.ts) show.
import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/core/db/client";
import { parseRupiah } from "@/lib/core/money";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  type CriteriaField,
  criteriaConditions,
  listedWhereOf,
  VEHICLE_ORDER,
  type VehicleCriteria,
  type VehicleSort,
} from "@/lib/inventory/criteria";
import { BODY_TYPES, FUELS, TRANSMISSIONS } from "@/lib/inventory/vehicle-input";
import { vehicleSummarySelect } from "@/lib/inventory/vehicle-select";

export const PAGE_SIZE = 12;
/** The sorts a buyer can pick on the page (the assistant's "available first" is not one of them). */
export const SORTS = [
  "newest",
  "price_asc",
  "price_desc",
  "year_desc",
  "km_asc",
] as const satisfies readonly VehicleSort[];

const optionalInt = (min: number, max: number) =>
  z
    .preprocess(
      (value) => (value === "" || value === undefined ? undefined : Number(value)),
      z.number().int().min(min).max(max).optional(),
    )
    .catch(undefined);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => value || undefined)
    .catch(undefined);
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional().catch(undefined);
const optionalPrice = z
  .string()
  .optional()
  .transform((value) => (value ? (parseRupiah(value) ?? undefined) : undefined))
  .catch(undefined);

/** Unknown or malformed values are dropped rather than failing the page: a shared link always opens. */
export const CatalogQuery = z.object({
  q: optionalText(100),
  brand: optionalText(60),
  model: optionalText(80),
  yearMin: optionalInt(1950, 2100),
  yearMax: optionalInt(1950, 2100),
  priceMin: optionalPrice,
  priceMax: optionalPrice,
  transmission: optionalEnum(TRANSMISSIONS),
  fuel: optionalEnum(FUELS),
  body: optionalEnum(BODY_TYPES),
  city: optionalText(80),
  kmMax: optionalInt(0, 2_000_000),
  color: optionalText(40),
  sort: z.enum(SORTS).catch("newest"),
  page: optionalInt(1, 10_000).transform((page) => page ?? 1),
});
export type CatalogQuery = z.output<typeof CatalogQuery>;

/** Next's searchParams (string | string[]) -> CatalogQuery. */
export function readCatalogQuery(params: Record<string, string | string[] | undefined>): CatalogQuery {
  const first = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  return CatalogQuery.parse(first);
}

/** The URL's names -> the criteria the assistant uses too (lib/inventory/criteria.ts). */
export function criteriaOfQuery(query: CatalogQuery): VehicleCriteria {
  return {
    query: query.q,
    brand: query.brand,
    model: query.model,
    yearMin: query.yearMin,
    yearMax: query.yearMax,
    priceMin: query.priceMin,
    priceMax: query.priceMax,
    transmission: query.transmission,
    fuel: query.fuel,
    bodyType: query.body,
    city: query.city,
    mileageMax: query.kmMax,
    color: query.color,
  };
}

type FacetKey = "brand" | "transmission" | "fuel" | "body" | "city" | "color";

/** Each facet: the column it counts and the criterion it leaves out while counting. */
const FACETS: Record<
  FacetKey,
  { column: "brand" | "transmission" | "fuel" | "bodyType" | "city" | "color"; criterion: CriteriaField }
> = {
  brand: { column: "brand", criterion: "brand" },
  transmission: { column: "transmission", criterion: "transmission" },
  fuel: { column: "fuel", criterion: "fuel" },
  body: { column: "bodyType", criterion: "bodyType" },
  city: { column: "city", criterion: "city" },
  color: { column: "color", criterion: "color" },
};

export interface FacetValue {
  value: string;
  count: number;
}

export const vehicleCardSelect = {
  ...vehicleSummarySelect,
  photos: {
    where: { isMain: true },
    take: 1,
    select: { variants: true, blurDataUrl: true, width: true, height: true },
  },
} satisfies Prisma.VehicleSelect;

export type VehicleCard = Prisma.VehicleGetPayload<{ select: typeof vehicleCardSelect }>;

export async function searchVehicles(tx: Tx, query: CatalogQuery) {
  const conditions = await criteriaConditions(tx, criteriaOfQuery(query));
  const where = listedWhereOf(conditions);
  const [total, items] = await Promise.all([
    tx.vehicle.count({ where }),
    tx.vehicle.findMany({
      where,
      orderBy: VEHICLE_ORDER[query.sort],
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: vehicleCardSelect,
    }),
  ]);
  const facets = {} as Record<FacetKey, FacetValue[]>;
  for (const key of Object.keys(FACETS) as FacetKey[]) {
    const { column, criterion } = FACETS[key];
    const groups = await tx.vehicle.groupBy({
      by: [column],
      where: listedWhereOf(conditions, { except: criterion }),
      _count: { _all: true },
    });
    facets[key] = groups
      .map((group) => ({ value: String(group[column] ?? ""), count: group._count._all }))
      .filter((facet) => facet.value)
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  return { items, total, page: query.page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), facets };
}
