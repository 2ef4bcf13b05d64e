// The dashboard's vehicle form: the strings a browser sends -> the values VehicleInput validates when
// the car is saved (lib/inventory/save-vehicle.ts), and a stored car back into form text.
import { formatRupiah, parseRupiah } from "@/lib/core/money";
import { addProblem, type VehicleProblems } from "@/lib/inventory/vehicle-problems";

/** Every field the form posts, by name: the same names as the Vehicle model. */
export const VEHICLE_FORM_FIELDS = [
  "stockCode",
  "brand",
  "model",
  "variant",
  "year",
  "transmission",
  "fuel",
  "engineCc",
  "mileageKm",
  "color",
  "bodyType",
  "seats",
  "price",
  "negotiable",
  "plateNumber",
  "taxValidUntil",
  "stnkValidUntil",
  "previousOwners",
  "city",
  "status",
  "featured",
  "descriptionId",
  "descriptionEn",
  "features",
  "inStockSince",
] as const;
export type VehicleFormField = (typeof VEHICLE_FORM_FIELDS)[number];
/** What the form holds: text as typed, so nothing is lost when the server refuses it. */
export type VehicleFormValues = Partial<Record<VehicleFormField, string>>;

/** The form read: what it sets, what could not even be read (as i18n keys), and its two extras. */
export interface ReadVehicleForm {
  /** Checked by VehicleInput when the vehicle is saved (lib/inventory/save-vehicle.ts). */
  input: Record<string, unknown>;
  unreadable: VehicleProblems;
  acknowledgeDuplicates: boolean;
}

const OPTIONAL_TEXT: VehicleFormField[] = [
  "variant",
  "color",
  "plateNumber",
  "city",
  "descriptionId",
  "descriptionEn",
];
const NUMBERS: VehicleFormField[] = ["year", "engineCc", "mileageKm", "seats", "previousOwners"];
const DATES: VehicleFormField[] = ["taxValidUntil", "stnkValidUntil", "inStockSince"];
const CHECKBOXES: VehicleFormField[] = ["negotiable", "featured"];

function readDate(text: string): Date | null {
  const match = text.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

/**
 * The strings a browser sends -> the values VehicleInput checks. Only turns text into numbers,
 * amounts, dates and lists; whether they are allowed is VehicleInput's job, once, when saving.
 * An empty field is left out (a required one is then "required", an optional one cleared).
 */
export function readVehicleForm(
  values: VehicleFormValues & { acknowledgeDuplicates?: string },
): ReadVehicleForm {
  const input: Record<string, unknown> = {};
  const unreadable: VehicleProblems = new Map();
  for (const field of VEHICLE_FORM_FIELDS) {
    const text = (values[field] ?? "").trim();
    if (CHECKBOXES.includes(field)) {
      input[field] = text === "on" || text === "true";
      continue;
    }
    if (text === "") {
      if (OPTIONAL_TEXT.includes(field) || NUMBERS.includes(field) || DATES.includes(field))
        input[field] = null;
      if (field === "bodyType") input[field] = null;
      if (field === "features") input[field] = [];
      continue;
    }
    if (NUMBERS.includes(field)) {
      // "45.000" and "45 000" are how people write 45000.
      const number = Number(text.replace(/[.\s]/g, ""));
      if (Number.isFinite(number)) input[field] = number;
      else addProblem(unreadable, field, "vehicles.error.range");
    } else if (DATES.includes(field)) {
      const date = readDate(text);
      if (date) input[field] = date;
      else addProblem(unreadable, field, "vehicles.error.date");
    } else if (field === "price") {
      const price = parseRupiah(text);
      if (price === null) addProblem(unreadable, field, "vehicles.error.price");
      else input[field] = price;
    } else if (field === "features") {
      // One feature a line (commas also work, as people paste lists from chats).
      input[field] = text
        .split(/[\n,;]/)
        .map((item) => item.trim())
        .filter(Boolean);
    } else {
      input[field] = text;
    }
  }
  // "In stock since" left empty keeps the stored date (a new car is in stock from today).
  if (input.inStockSince === null) delete input.inStockSince;
  const acknowledgeDuplicates =
    values.acknowledgeDuplicates === "on" || values.acknowledgeDuplicates === "true";
  return { input, unreadable, acknowledgeDuplicates };
}

function dateText(value: Date | null): string {
  return value ? value.toISOString().slice(0, 10) : "";
}

/** A stored vehicle as the form shows it. */
export function vehicleFormValues(
  vehicle: {
    [K in Exclude<
      VehicleFormField,
      "price" | "taxValidUntil" | "stnkValidUntil" | "inStockSince" | "features" | "negotiable" | "featured"
    >]: string | number | null;
  } & {
    price: bigint;
    taxValidUntil: Date | null;
    stnkValidUntil: Date | null;
    inStockSince: Date;
    features: string[];
    negotiable: boolean;
    featured: boolean;
  },
): VehicleFormValues {
  const values: VehicleFormValues = {};
  for (const field of VEHICLE_FORM_FIELDS) {
    if (field === "price") values.price = formatRupiah(vehicle.price);
    else if (field === "taxValidUntil" || field === "stnkValidUntil" || field === "inStockSince")
      values[field] = dateText(vehicle[field]);
    else if (field === "features") values.features = vehicle.features.join("\n");
    else if (field === "negotiable" || field === "featured") values[field] = vehicle[field] ? "on" : "";
    else values[field] = vehicle[field] === null ? "" : String(vehicle[field]);
  }
  return values;
}
