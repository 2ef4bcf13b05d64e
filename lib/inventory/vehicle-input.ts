// What a person, a CSV row or a chat command may set on a vehicle, validated in one place. Every
// message is an i18n key (lib/core/i18n, "vehicles.error.*"), never zod's English: the dashboard,
// the CSV import and the CLI translate it into the user's language (lib/inventory/vehicle-problems.ts).
import { z } from "zod";
import type { MessageKey } from "@/lib/core/i18n/messages";
import { parsePlate } from "@/lib/inventory/plate";

export const VEHICLE_STATUSES = ["draft", "available", "booked", "sold"] as const;
export const TRANSMISSIONS = ["manual", "automatic"] as const;
export const FUELS = ["petrol", "diesel", "hybrid", "electric"] as const;
export const BODY_TYPES = [
  "mpv",
  "suv",
  "hatchback",
  "sedan",
  "pickup",
  "lcgc",
  "van",
  "coupe",
  "wagon",
  "convertible",
] as const;

/** The limits the schema enforces, also the numbers its messages quote ("at most {max} characters"). */
export const VEHICLE_LIMITS = {
  stockCode: { max: 40 },
  brand: { max: 60 },
  model: { max: 80 },
  variant: { max: 120 },
  color: { max: 40 },
  city: { max: 80 },
  plateNumber: { max: 16 },
  descriptionId: { max: 5000 },
  descriptionEn: { max: 5000 },
  year: { min: 1950, max: new Date().getFullYear() + 1 },
  engineCc: { min: 50, max: 10_000 },
  mileageKm: { min: 0, max: 2_000_000 },
  seats: { min: 1, max: 60 },
  previousOwners: { min: 0, max: 20 },
} as const satisfies Record<string, { min?: number; max: number }>;

const REQUIRED: MessageKey = "vehicles.error.required";
/** Absent is "required"; present but of the wrong kind gets the field's own message. */
const whenMissing = (otherwise: MessageKey) => (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null ? REQUIRED : otherwise;

type TextField =
  | "stockCode"
  | "brand"
  | "model"
  | "variant"
  | "color"
  | "city"
  | "plateNumber"
  | "descriptionId"
  | "descriptionEn";
type NumberField = "year" | "engineCc" | "mileageKm" | "seats" | "previousOwners";

const requiredText = (field: TextField) =>
  z
    .string({ error: whenMissing("vehicles.error.invalid") })
    .trim()
    .min(1, REQUIRED)
    .max(VEHICLE_LIMITS[field].max, "vehicles.error.tooLong" satisfies MessageKey);

const optionalText = (field: TextField) =>
  z
    .string({ error: "vehicles.error.invalid" satisfies MessageKey })
    .trim()
    .max(VEHICLE_LIMITS[field].max, "vehicles.error.tooLong" satisfies MessageKey)
    .nullish()
    .transform((value) => (value ? value : null));

const wholeNumber = (field: NumberField) => {
  const { min, max } = VEHICLE_LIMITS[field];
  const range: MessageKey = "vehicles.error.range";
  return z
    .number({ error: whenMissing(range) })
    .int(range)
    .min(min, range)
    .max(max, range);
};
const optionalNumber = (field: NumberField) =>
  wholeNumber(field)
    .nullish()
    .transform((value) => value ?? null);

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: whenMissing("vehicles.error.choice") });
const optionalDate = z
  .date({ error: "vehicles.error.date" satisfies MessageKey })
  .nullish()
  .transform((value) => value ?? null);
const FEATURES: MessageKey = "vehicles.error.features";
const flag = z.boolean({ error: "vehicles.error.invalid" satisfies MessageKey });

const VehicleFields = z.object({
  stockCode: requiredText("stockCode").regex(
    /^[A-Za-z0-9._-]+$/,
    "vehicles.error.stockCode" satisfies MessageKey,
  ),
  brand: requiredText("brand"),
  model: requiredText("model"),
  variant: optionalText("variant"),
  year: wholeNumber("year"),
  transmission: choice(TRANSMISSIONS),
  fuel: choice(FUELS),
  engineCc: optionalNumber("engineCc"),
  mileageKm: wholeNumber("mileageKm"),
  color: optionalText("color"),
  bodyType: choice(BODY_TYPES)
    .nullish()
    .transform((value) => value ?? null),
  seats: optionalNumber("seats"),
  price: z
    .bigint({ error: whenMissing("vehicles.error.price") })
    .positive("vehicles.error.pricePositive" satisfies MessageKey),
  negotiable: flag,
  plateNumber: optionalText("plateNumber").refine(
    (plate) => plate === null || parsePlate(plate) !== null,
    "vehicles.error.plate" satisfies MessageKey,
  ),
  taxValidUntil: optionalDate,
  stnkValidUntil: optionalDate,
  previousOwners: optionalNumber("previousOwners"),
  city: optionalText("city"),
  status: choice(VEHICLE_STATUSES),
  featured: flag,
  descriptionId: optionalText("descriptionId"),
  descriptionEn: optionalText("descriptionEn"),
  features: z
    .array(z.string({ error: FEATURES }).trim().min(1, FEATURES).max(80, FEATURES), { error: FEATURES })
    .max(50, FEATURES),
  /** When the car came into stock; left out, a new car is in stock from today and a stored one keeps its date. */
  inStockSince: z.date({ error: "vehicles.error.date" satisfies MessageKey }).optional(),
});

/** A new vehicle: the fields a showroom may leave out get the usual defaults. */
export const VehicleInput = VehicleFields.extend({
  fuel: VehicleFields.shape.fuel.default("petrol"),
  negotiable: VehicleFields.shape.negotiable.default(true),
  status: VehicleFields.shape.status.default("available"),
  featured: VehicleFields.shape.featured.default(false),
  features: VehicleFields.shape.features.default([]),
});

export type VehicleInput = z.input<typeof VehicleInput>;
export type ValidVehicle = z.output<typeof VehicleInput>;
export type VehicleField = keyof ValidVehicle;
/**
 * The fields an update may carry: any subset, validated the same way. Built from the fields without
 * defaults: zod applies a default even inside an optional, and a price change must not reset the
 * status to "available".
 */
export const VehiclePatch = VehicleFields.partial();
export type VehiclePatch = z.input<typeof VehiclePatch>;
