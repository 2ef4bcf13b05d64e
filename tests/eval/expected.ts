// The assistant eval's known stock (available, booked and sold cars of every demo model) and the oracle that says which cars a labelled buyer message should be offered.
import type { SearchCriteria } from "@/lib/assistant/understand/buyer-message";
import { simulateCredit } from "@/lib/core/credit";
import { DEMO_CARS, DEMO_COLORS } from "@/lib/seed/demo-data";

export interface EvalCar {
  stockCode: string;
  brand: string;
  model: string;
  variant: string;
  year: number;
  transmission: "manual" | "automatic";
  fuel: "petrol" | "diesel" | "hybrid" | "electric";
  bodyType: "mpv" | "suv" | "hatchback" | "sedan" | "pickup" | "lcgc";
  color: string;
  city: string;
  mileageKm: number;
  price: bigint;
  status: "available" | "booked" | "sold";
}

const EVAL_YEAR = 2025;
const CITIES = ["Jakarta Selatan", "Bandung", "Surabaya", "Tangerang Selatan", "Depok"];

function usedPrice(newPrice: number, year: number, wobble: number): bigint {
  // About 9% a year off the new price, rounded to the half million as showrooms price.
  return BigInt(Math.round((newPrice * 0.91 ** (EVAL_YEAR - year) * wobble) / 500_000) * 500_000);
}

/**
 * Three units of every demo model: an available one, a second one (booked for every third model)
 * in another year, colour and city, and a sold one priced just below the first, so a search that
 * leaked sold cars would put it first.
 */
export const EVAL_STOCK: EvalCar[] = DEMO_CARS.flatMap((car, index) => {
  const automatic = car.automaticShare >= 0.5;
  const mixed = car.automaticShare > 0 && car.automaticShare < 1;
  const yearA = 2016 + ((index * 3) % 8);
  const yearB = Math.min(2024, yearA + 2);
  const code = `EV-${String(index + 1).padStart(2, "0")}`;
  const base = {
    brand: car.brand,
    model: car.model,
    variant: car.variant,
    fuel: car.fuel,
    bodyType: car.bodyType,
  };
  const color = (offset: number) => DEMO_COLORS[(index + offset) % DEMO_COLORS.length]?.name ?? "Putih";
  const a: EvalCar = {
    ...base,
    stockCode: `${code}A`,
    year: yearA,
    transmission: automatic ? "automatic" : "manual",
    color: color(0),
    city: CITIES[index % CITIES.length] ?? "Jakarta Selatan",
    mileageKm: (EVAL_YEAR - yearA) * 12_000 + 3_000,
    price: usedPrice(car.newPrice, yearA, 1),
    status: "available",
  };
  const b: EvalCar = {
    ...base,
    stockCode: `${code}B`,
    year: yearB,
    transmission: mixed ? (automatic ? "manual" : "automatic") : a.transmission,
    color: color(3),
    city: CITIES[(index + 2) % CITIES.length] ?? "Bandung",
    mileageKm: (EVAL_YEAR - yearB) * 11_000 + 2_000,
    price: usedPrice(car.newPrice, yearB, 1.03),
    status: index % 3 === 0 ? "booked" : "available",
  };
  const sold: EvalCar = {
    ...a,
    stockCode: `${code}S`,
    color: "Hitam",
    price: a.price - 1_500_000n,
    status: "sold",
  };
  return [a, b, sold];
});

export const LISTED_STATUSES: readonly EvalCar["status"][] = ["available", "booked"];

/** The engine's filter semantics, on the eval stock: what "matches" means for a search. */
export function matchesCriteria(car: EvalCar, criteria: SearchCriteria): boolean {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  if (!LISTED_STATUSES.includes(car.status)) return false;
  if (criteria.brand && !same(car.brand, criteria.brand)) return false;
  if (criteria.model && !same(car.model, criteria.model)) return false;
  if (criteria.yearMin !== undefined && car.year < criteria.yearMin) return false;
  if (criteria.yearMax !== undefined && car.year > criteria.yearMax) return false;
  if (criteria.priceMin !== undefined && car.price < criteria.priceMin) return false;
  if (criteria.priceMax !== undefined && car.price > criteria.priceMax) return false;
  if (criteria.transmission && car.transmission !== criteria.transmission) return false;
  if (criteria.fuel && car.fuel !== criteria.fuel) return false;
  if (criteria.bodyType && car.bodyType !== criteria.bodyType) return false;
  if (criteria.color && !car.color.toLowerCase().includes(criteria.color.toLowerCase())) return false;
  if (criteria.city && !same(car.city, criteria.city)) return false;
  if (criteria.mileageMax !== undefined && car.mileageKm > criteria.mileageMax) return false;
  if (criteria.stockCode && !same(car.stockCode, criteria.stockCode)) return false;
  return true;
}

/** How many cars a reply lists at most (engine.ts shows three). */
export const SHOWN = 3;

/** The cars a labelled search should be offered: the matching listed ones, available first, cheapest first, at most SHOWN. */
export function expectedOffer(criteria: SearchCriteria, stock: readonly EvalCar[] = EVAL_STOCK): string[] {
  const rank = (car: EvalCar) => (car.status === "available" ? 0 : 1);
  return stock
    .filter((car) => matchesCriteria(car, criteria))
    .sort((a, b) => rank(a) - rank(b) || (a.price < b.price ? -1 : a.price > b.price ? 1 : 0))
    .slice(0, SHOWN)
    .map((car) => car.stockCode);
}

/**
 * Labels in buyer-messages.ts name only what must be understood; where a message says more than
 * its label (so the oracle from the label alone would be too broad), the full search is here.
 */
export const FULL_CRITERIA: Record<string, SearchCriteria> = {
  // One year written alone means that year, as the labels of "jaz-typo" and "terios" already say.
  crv: { brand: "Honda", model: "CR-V", yearMin: 2019, yearMax: 2019 },
  mobilio: { brand: "Honda", model: "Mobilio", transmission: "manual", yearMin: 2017, yearMax: 2017 },
  creta: { brand: "Hyundai", model: "Creta", transmission: "automatic", yearMin: 2022, yearMax: 2022 },
  civic: { brand: "Honda", model: "Civic", color: "merah", yearMin: 2017, yearMax: 2017 },
  "year-around": { brand: "Toyota", model: "Kijang Innova", yearMin: 2017, yearMax: 2019 },
  "around-jtan": {
    brand: "Mitsubishi",
    model: "Pajero Sport",
    yearMin: 2018,
    yearMax: 2018,
    color: "hitam",
    priceMin: 360_000_000n,
    priceMax: 440_000_000n,
  },
  "at-uppercase": {
    brand: "Toyota",
    model: "Kijang Innova",
    transmission: "automatic",
    yearMin: 2017,
    yearMax: 2017,
  },
  mt: { brand: "Honda", model: "Brio", transmission: "manual", yearMin: 2016, yearMax: 2016 },
  cvt: { brand: "Honda", model: "Jazz", transmission: "automatic" },
  "colour-silver": { color: "silver", yearMin: 2019, yearMax: 2019 },
};

/**
 * Every amount a grounded reply about `offered` may carry: their prices and every credit
 * estimate the showroom could quote for them (any down payment 0-90%, 1-5 years).
 */
export function groundedAmounts(offered: readonly EvalCar[], rateBps: number): bigint[] {
  const amounts: bigint[] = [];
  for (const car of offered) {
    amounts.push(car.price);
    for (let downPct = 0; downPct <= 90; downPct += 1) {
      for (let years = 1; years <= 5; years += 1) {
        const credit = simulateCredit({ price: car.price, downPaymentPct: downPct, years, rateBps });
        amounts.push(credit.downPayment, credit.monthly);
      }
    }
  }
  return amounts;
}
