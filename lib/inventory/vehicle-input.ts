// What a person, a CSV row or a chat command may set on a vehicle, validated in one place.
import { z } from "zod";
import { parsePlate } from "@/lib/inventory/plate";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));

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

const VehicleFields = z.object({
  stockCode: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9._-]+$/, "use letters, digits, dots, dashes"),
  brand: z.string().trim().min(1).max(60),
  model: z.string().trim().min(1).max(80),
  variant: optionalText(120),
  year: z
    .number()
    .int()
    .min(1950)
    .max(new Date().getFullYear() + 1),
  transmission: z.enum(TRANSMISSIONS),
  fuel: z.enum(FUELS),
  engineCc: z
    .number()
    .int()
    .min(50)
    .max(10_000)
    .nullish()
    .transform((value) => value ?? null),
  mileageKm: z.number().int().min(0).max(2_000_000),
  color: optionalText(40),
  bodyType: z
    .enum(BODY_TYPES)
    .nullish()
    .transform((value) => value ?? null),
  seats: z
    .number()
    .int()
    .min(1)
    .max(60)
    .nullish()
    .transform((value) => value ?? null),
  price: z.bigint().positive("must be more than zero"),
  negotiable: z.boolean(),
  plateNumber: optionalText(16).refine(
    (plate) => plate === null || parsePlate(plate) !== null,
    "is not an Indonesian plate such as B 1234 SJA",
  ),
  taxValidUntil: z
    .date()
    .nullish()
    .transform((value) => value ?? null),
  stnkValidUntil: z
    .date()
    .nullish()
    .transform((value) => value ?? null),
  previousOwners: z
    .number()
    .int()
    .min(0)
    .max(20)
    .nullish()
    .transform((value) => value ?? null),
  city: optionalText(80),
  status: z.enum(VEHICLE_STATUSES),
  featured: z.boolean(),
  descriptionId: optionalText(5000),
  descriptionEn: optionalText(5000),
  features: z.array(z.string().trim().min(1).max(80)).max(50),
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
/**
 * The fields an update may carry: any subset, validated the same way. Built from the fields without
 * defaults: zod applies a default even inside an optional, and a price change must not reset the
 * status to "available".
 */
export const VehiclePatch = VehicleFields.partial();
export type VehiclePatch = z.input<typeof VehiclePatch>;
