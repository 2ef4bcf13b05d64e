// Loose values from CSV cells, forms and chat, mapped to the vehicle model's enums and numbers.
import type { BodyType, Fuel, Transmission, VehicleStatus } from "@/lib/generated/prisma/client";

const key = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_./-]+/g, "");

function lookup<T>(table: Record<string, T>, text: string): T | null {
  return table[key(text)] ?? null;
}

const TRANSMISSIONS: Record<string, Transmission> = {
  manual: "manual",
  mt: "manual",
  m: "manual",
  manuel: "manual",
  automatic: "automatic",
  auto: "automatic",
  at: "automatic",
  a: "automatic",
  matic: "automatic",
  metik: "automatic",
  otomatis: "automatic",
  cvt: "automatic",
  amt: "automatic",
  dct: "automatic",
  triptonic: "automatic",
  tiptronic: "automatic",
};

const FUELS: Record<string, Fuel> = {
  bensin: "petrol",
  petrol: "petrol",
  gasoline: "petrol",
  pertalite: "petrol",
  pertamax: "petrol",
  diesel: "diesel",
  solar: "diesel",
  dex: "diesel",
  hybrid: "hybrid",
  hibrida: "hybrid",
  hev: "hybrid",
  listrik: "electric",
  electric: "electric",
  ev: "electric",
  bev: "electric",
};

const BODY_TYPES: Record<string, BodyType> = {
  mpv: "mpv",
  suv: "suv",
  hatchback: "hatchback",
  hatch: "hatchback",
  sedan: "sedan",
  pickup: "pickup",
  pickups: "pickup",
  bak: "pickup",
  lcgc: "lcgc",
  van: "van",
  minibus: "van",
  coupe: "coupe",
  wagon: "wagon",
  convertible: "convertible",
  cabriolet: "convertible",
};

const STATUSES: Record<string, VehicleStatus> = {
  tersedia: "available",
  available: "available",
  ready: "available",
  ada: "available",
  booking: "booked",
  booked: "booked",
  dipesan: "booked",
  dp: "booked",
  terjual: "sold",
  sold: "sold",
  laku: "sold",
  draft: "draft",
  draf: "draft",
};

export const parseTransmission = (text: string) => lookup(TRANSMISSIONS, text);
export const parseFuel = (text: string) => lookup(FUELS, text);
export const parseBodyType = (text: string) => lookup(BODY_TYPES, text);
export const parseStatus = (text: string) => lookup(STATUSES, text);

/** "88rb", "88.000", "88000 km", "88 ribu" -> 88000 */
export function parseMileage(text: string): number | null {
  const match = text
    .trim()
    .toLowerCase()
    .replace(/\s*km$/, "")
    .match(/^(\d{1,3}(?:\.\d{3})+|\d+)(?:\s*(rb|ribu|k))?$/);
  if (!match) return null;
  const value = Number((match[1] ?? "").replace(/\./g, "")) * (match[2] ? 1000 : 1);
  return Number.isSafeInteger(value) && value >= 0 && value < 2_000_000 ? value : null;
}

export function parseYear(text: string, now = new Date()): number | null {
  const year = Number(text.trim());
  return Number.isInteger(year) && year >= 1950 && year <= now.getFullYear() + 1 ? year : null;
}

export function parseBoolean(text: string): boolean | null {
  const value = key(text);
  if (["ya", "yes", "true", "1", "y", "bisa", "nego"].includes(value)) return true;
  if (["tidak", "no", "false", "0", "n", "nett", "net"].includes(value)) return false;
  return null;
}
