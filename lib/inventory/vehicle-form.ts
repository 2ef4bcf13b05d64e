// The dashboard's vehicle form: the strings a browser sends -> a VehicleInput, with every message in
// the user's language so it can sit next to its field. The domain schema (vehicle-input.ts) still
// validates again when the vehicle is written.
import { z } from "zod";
import type { Translate } from "@/lib/core/i18n/messages";
import { formatRupiah, parseRupiah } from "@/lib/core/money";
import { parsePlate } from "@/lib/inventory/plate";
import {
  BODY_TYPES,
  FUELS,
  TRANSMISSIONS,
  VEHICLE_STATUSES,
  type VehicleInput,
} from "@/lib/inventory/vehicle-input";

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

export interface ParsedVehicleForm {
  vehicle: VehicleInput;
  inStockSince: Date | null;
  acknowledgeDuplicates: boolean;
}

function issue(ctx: z.RefinementCtx, message: string): never {
  ctx.addIssue({ code: "custom", message });
  return z.NEVER as never;
}

/** The schema with messages in the caller's language. */
export function vehicleFormSchema(t: Translate) {
  const text = z
    .string()
    .optional()
    .transform((value) => (value ?? "").trim());
  const required = (max: number) =>
    text.transform((value, ctx) =>
      value === ""
        ? issue(ctx, t("vehicles.error.required"))
        : value.length > max
          ? issue(ctx, t("vehicles.error.tooLong", { max }))
          : value,
    );
  const optional = (max: number) =>
    text.transform((value, ctx) =>
      value.length > max ? issue(ctx, t("vehicles.error.tooLong", { max })) : value || null,
    );
  const wholeNumber = (min: number, max: number, options: { required?: boolean } = {}) =>
    text.transform((value, ctx): number | null => {
      if (value === "") return options.required ? issue(ctx, t("vehicles.error.required")) : null;
      // "45.000" and "45 000" are how people write 45000.
      const number = Number(value.replace(/[.\s]/g, ""));
      if (!Number.isInteger(number) || number < min || number > max)
        return issue(ctx, t("vehicles.error.range", { min, max }));
      return number;
    });
  const oneOf = <T extends readonly [string, ...string[]]>(values: T, options: { required?: boolean } = {}) =>
    text.transform((value, ctx): T[number] | null => {
      if (value === "") return options.required ? issue(ctx, t("vehicles.error.required")) : null;
      return (values as readonly string[]).includes(value)
        ? (value as T[number])
        : issue(ctx, t("vehicles.error.choice"));
    });
  const date = text.transform((value, ctx): Date | null => {
    if (value === "") return null;
    const match = value.match(/^(\d{4})-(\d{2})-(\d{2})$/);
    const parsed = match
      ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
      : null;
    return parsed && !Number.isNaN(parsed.getTime()) ? parsed : issue(ctx, t("vehicles.error.date"));
  });
  const checkbox = z
    .string()
    .optional()
    .transform((value) => value === "on" || value === "true");
  const maxYear = new Date().getFullYear() + 1;

  return z
    .object({
      stockCode: required(40).refine(
        (value) => /^[A-Za-z0-9._-]+$/.test(value),
        t("vehicles.error.stockCode"),
      ),
      brand: required(60),
      model: required(80),
      variant: optional(120),
      year: wholeNumber(1950, maxYear, { required: true }),
      transmission: oneOf(TRANSMISSIONS, { required: true }),
      fuel: oneOf(FUELS),
      engineCc: wholeNumber(50, 10_000),
      mileageKm: wholeNumber(0, 2_000_000, { required: true }),
      color: optional(40),
      bodyType: oneOf(BODY_TYPES),
      seats: wholeNumber(1, 60),
      price: text.transform((value, ctx) =>
        value === ""
          ? issue(ctx, t("vehicles.error.required"))
          : (parseRupiah(value) ?? issue(ctx, t("vehicles.error.price"))),
      ),
      negotiable: checkbox,
      plateNumber: optional(16).refine(
        (plate) => plate === null || parsePlate(plate) !== null,
        t("vehicles.error.plate"),
      ),
      taxValidUntil: date,
      stnkValidUntil: date,
      previousOwners: wholeNumber(0, 20),
      city: optional(80),
      status: oneOf(VEHICLE_STATUSES),
      featured: checkbox,
      descriptionId: optional(5000),
      descriptionEn: optional(5000),
      // One feature a line (commas also work, as people paste lists from chats).
      features: text.transform((value, ctx) => {
        const items = value
          .split(/[\n,;]/)
          .map((item) => item.trim())
          .filter(Boolean);
        if (items.length > 50 || items.some((item) => item.length > 80))
          return issue(ctx, t("vehicles.error.features"));
        return items;
      }),
      inStockSince: date,
      acknowledgeDuplicates: checkbox,
    })
    .transform(
      ({
        inStockSince,
        acknowledgeDuplicates,
        fuel,
        status,
        year,
        transmission,
        mileageKm,
        ...rest
      }): ParsedVehicleForm => ({
        vehicle: {
          ...rest,
          // Required fields are non-null here: their transforms refuse empty values.
          year: year ?? 0,
          transmission: transmission ?? "manual",
          mileageKm: mileageKm ?? 0,
          fuel: fuel ?? "petrol",
          status: status ?? "available",
        },
        inStockSince,
        acknowledgeDuplicates,
      }),
    );
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
