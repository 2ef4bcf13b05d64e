// Catalog search: the buyer's filters (all in the URL), typo-tolerant free text, counts per filter
// value and pagination. Runs inside the showroom's tenant transaction; sold and draft cars never show.
import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/core/db/client";
import { parseRupiah } from "@/lib/core/money";
import type { Prisma } from "@/lib/generated/prisma/client";
import { matchNames } from "@/lib/inventory/fuzzy";
import { BODY_TYPES, FUELS, TRANSMISSIONS } from "@/lib/inventory/vehicle-input";

export const PAGE_SIZE = 12;
export const SORTS = ["newest", "price_asc", "price_desc", "year_desc", "km_asc"] as const;

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

const LISTED: Prisma.VehicleWhereInput = { status: { in: ["available", "booked"] } };
const insensitive = (value: string) => ({ equals: value, mode: "insensitive" as const });

type FacetKey = "brand" | "transmission" | "fuel" | "body" | "city" | "color";

async function textFilter(tx: Tx, q: string): Promise<Prisma.VehicleWhereInput[]> {
  const vocabulary = await tx.vehicle.findMany({
    where: LISTED,
    distinct: ["brand", "model"],
    select: { brand: true, model: true },
  });
  const brands = [...new Set(vocabulary.map((row) => row.brand))];
  const models = [...new Set(vocabulary.map((row) => row.model))];
  return q
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6)
    .map((word): Prisma.VehicleWhereInput => {
      if (/^(19|20)\d\d$/.test(word)) return { year: Number(word) };
      const brandHits = matchNames(word, brands);
      const modelHits = matchNames(word, models);
      const contains = { contains: word, mode: "insensitive" as const };
      return {
        OR: [
          ...(brandHits.length ? [{ brand: { in: brandHits } }] : []),
          ...(modelHits.length ? [{ model: { in: modelHits } }] : []),
          { brand: contains },
          { model: contains },
          { variant: contains },
          { color: contains },
          { city: contains },
        ],
      };
    });
}

function filtersOf(query: CatalogQuery, except?: FacetKey): Prisma.VehicleWhereInput[] {
  const where: Prisma.VehicleWhereInput[] = [LISTED];
  if (query.brand && except !== "brand") where.push({ brand: insensitive(query.brand) });
  if (query.model) where.push({ model: insensitive(query.model) });
  if (query.yearMin) where.push({ year: { gte: query.yearMin } });
  if (query.yearMax) where.push({ year: { lte: query.yearMax } });
  if (query.priceMin) where.push({ price: { gte: query.priceMin } });
  if (query.priceMax) where.push({ price: { lte: query.priceMax } });
  if (query.transmission && except !== "transmission") where.push({ transmission: query.transmission });
  if (query.fuel && except !== "fuel") where.push({ fuel: query.fuel });
  if (query.body && except !== "body") where.push({ bodyType: query.body });
  if (query.city && except !== "city") where.push({ city: insensitive(query.city) });
  if (query.kmMax !== undefined) where.push({ mileageKm: { lte: query.kmMax } });
  if (query.color && except !== "color") where.push({ color: insensitive(query.color) });
  return where;
}

const ORDER: Record<CatalogQuery["sort"], Prisma.VehicleOrderByWithRelationInput[]> = {
  newest: [{ inStockSince: "desc" }, { createdAt: "desc" }],
  price_asc: [{ price: "asc" }],
  price_desc: [{ price: "desc" }],
  year_desc: [{ year: "desc" }, { price: "asc" }],
  km_asc: [{ mileageKm: "asc" }],
};

const FACET_COLUMNS = {
  brand: "brand",
  transmission: "transmission",
  fuel: "fuel",
  body: "bodyType",
  city: "city",
  color: "color",
} as const;

export interface FacetValue {
  value: string;
  count: number;
}

export const vehicleCardSelect = {
  id: true,
  slug: true,
  stockCode: true,
  brand: true,
  model: true,
  variant: true,
  year: true,
  transmission: true,
  mileageKm: true,
  city: true,
  price: true,
  status: true,
  photos: {
    where: { isMain: true },
    take: 1,
    select: { variants: true, blurDataUrl: true, width: true, height: true },
  },
} satisfies Prisma.VehicleSelect;

export type VehicleCard = Prisma.VehicleGetPayload<{ select: typeof vehicleCardSelect }>;

export async function searchVehicles(tx: Tx, query: CatalogQuery) {
  const text = query.q ? await textFilter(tx, query.q) : [];
  const where = { AND: [...filtersOf(query), ...text] };
  const [total, items] = await Promise.all([
    tx.vehicle.count({ where }),
    tx.vehicle.findMany({
      where,
      orderBy: ORDER[query.sort],
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: vehicleCardSelect,
    }),
  ]);
  const facets = {} as Record<FacetKey, FacetValue[]>;
  for (const key of Object.keys(FACET_COLUMNS) as FacetKey[]) {
    const column = FACET_COLUMNS[key];
    const groups = await tx.vehicle.groupBy({
      by: [column],
      where: { AND: [...filtersOf(query, key), ...text] },
      _count: { _all: true },
    });
    facets[key] = groups
      .map((group) => ({ value: String(group[column] ?? ""), count: group._count._all }))
      .filter((facet) => facet.value)
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  return { items, total, page: query.page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), facets };
}
