// The local engine's stock search: the buyer's criteria as a database query over listed cars (sold
// and draft never), and the nearest alternatives when nothing matches.
import "server-only";
import type { SearchCriteria } from "@/lib/assistant/understand/buyer-message";
import type { Tx } from "@/lib/core/db/client";
import { findListedVehicles, type ListedVehicle } from "@/lib/inventory/criteria";

const SHOWN = 3;

export type Offer = ListedVehicle;

/**
 * The catalog's own search (lib/inventory/criteria.ts), so a buyer finds the same cars here as on
 * the site: available before booked, cheapest first. The free-text `query` stays out: the
 * understanding layer has already turned the buyer's words into fields.
 */
export async function searchOffers(tx: Tx, criteria: SearchCriteria): Promise<Offer[]> {
  const { query: _words, ...fields } = criteria;
  const { vehicles } = await findListedVehicles(tx, fields, { sort: "available_first", limit: SHOWN });
  return vehicles;
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
