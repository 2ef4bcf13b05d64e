// The local engine's stock search: the buyer's criteria as a database query over listed cars (sold
// and draft never), and the nearest alternatives when nothing matches.
import "server-only";
import type { SearchCriteria } from "@/lib/assistant/understand/buyer-message";
import type { Tx } from "@/lib/core/db/client";
import type { Prisma, Vehicle } from "@/lib/generated/prisma/client";

export const LISTED = ["available", "booked"] as const;
const SHOWN = 3;

export type Offer = Pick<
  Vehicle,
  | "id"
  | "slug"
  | "stockCode"
  | "brand"
  | "model"
  | "variant"
  | "year"
  | "price"
  | "status"
  | "transmission"
  | "mileageKm"
  | "color"
>;

function whereOf(criteria: SearchCriteria): Prisma.VehicleWhereInput {
  const insensitive = (value: string) => ({ equals: value, mode: "insensitive" as const });
  return {
    status: { in: [...LISTED] },
    ...(criteria.brand ? { brand: insensitive(criteria.brand) } : {}),
    ...(criteria.model ? { model: insensitive(criteria.model) } : {}),
    ...(criteria.yearMin || criteria.yearMax
      ? { year: { gte: criteria.yearMin, lte: criteria.yearMax } }
      : {}),
    ...(criteria.priceMin || criteria.priceMax
      ? { price: { gte: criteria.priceMin, lte: criteria.priceMax } }
      : {}),
    ...(criteria.transmission ? { transmission: criteria.transmission } : {}),
    ...(criteria.fuel ? { fuel: criteria.fuel } : {}),
    ...(criteria.bodyType ? { bodyType: criteria.bodyType } : {}),
    ...(criteria.color ? { color: { contains: criteria.color, mode: "insensitive" as const } } : {}),
    ...(criteria.city ? { city: insensitive(criteria.city) } : {}),
    ...(criteria.mileageMax !== undefined ? { mileageKm: { lte: criteria.mileageMax } } : {}),
    ...(criteria.stockCode ? { stockCode: insensitive(criteria.stockCode) } : {}),
  };
}

const offerSelect = {
  id: true,
  slug: true,
  stockCode: true,
  brand: true,
  model: true,
  variant: true,
  year: true,
  price: true,
  status: true,
  transmission: true,
  mileageKm: true,
  color: true,
} as const;

export async function searchOffers(tx: Tx, criteria: SearchCriteria): Promise<Offer[]> {
  return tx.vehicle.findMany({
    where: whereOf(criteria),
    orderBy: [{ status: "asc" }, { price: "asc" }],
    take: SHOWN,
    select: offerSelect,
  });
}

/** When nothing matches: the same car in any budget, then the budget with any car. */
export async function nearestAlternatives(tx: Tx, criteria: SearchCriteria): Promise<Offer[]> {
  const relaxations: SearchCriteria[] = [
    { brand: criteria.brand, model: criteria.model },
    { brand: criteria.brand, priceMax: criteria.priceMax ? (criteria.priceMax * 120n) / 100n : undefined },
    {
      priceMin: criteria.priceMin,
      priceMax: criteria.priceMax ? (criteria.priceMax * 120n) / 100n : undefined,
      transmission: criteria.transmission,
    },
  ];
  for (const relaxed of relaxations) {
    const meaningful = Object.values(relaxed).some((value) => value !== undefined);
    if (!meaningful) continue;
    const found = await searchOffers(tx, relaxed);
    if (found.length) return found;
  }
  return [];
}
