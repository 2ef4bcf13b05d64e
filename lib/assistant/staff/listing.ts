// A draft listing from a staff member's photo and caption: the caption read by the local parser,
// the body colour and a photo-quality score read locally with sharp, descriptions from templates.
// Everything filled by the machine is listed for review and the car stays a draft (invisible to
// buyers) until a person publishes it.
//
// Where the review list lives: in an audit row ("vehicle.listing_review", after = the list) written
// with the draft, so it is durable, tenant-scoped and readable by the dashboard whichever channel
// made the draft; the WhatsApp conversation keeps a copy in assistantState for the chat follow-up.
// Vehicle.features is for buyers and VehicleEvent has no free-form column, so neither fits.
import "server-only";
import sharp from "sharp";
import { z } from "zod";
import { type KnownModel, understandBuyerMessage } from "@/lib/assistant/understand/buyer-message";
import { type Actor, recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/core/db/client";
import { type Locale, type MessageKey, type Translate, translator } from "@/lib/core/i18n/messages";
import { formatRupiah } from "@/lib/core/money";
import type { Vehicle } from "@/lib/generated/prisma/client";
import { storeVehiclePhoto } from "@/lib/images/photos";
import { BODY_TYPES, type FUELS, type TRANSMISSIONS, type VehicleInput } from "@/lib/inventory/vehicle-input";
import { createVehicle, suggestStockCode } from "@/lib/inventory/vehicles";

export type Language = Locale;

// ------------------------------------------------------------------------------------------------
// Caption

export interface ListingFields {
  brand?: string;
  model?: string;
  variant?: string;
  year?: number;
  price?: bigint;
  mileageKm?: number;
  color?: string;
  transmission?: (typeof TRANSMISSIONS)[number];
  fuel?: (typeof FUELS)[number];
  bodyType?: (typeof BODY_TYPES)[number];
}

/** What must be known before a draft can exist: a car without a model, year or price is not a listing. */
export const REQUIRED_FOR_DRAFT = ["model", "year", "price"] as const;
export type RequiredField = (typeof REQUIRED_FOR_DRAFT)[number];

/** Reads "Jazz RS 2019 187,5jt km 88rb merah matic" with the same parser that reads buyers. */
export function readListingCaption(
  caption: string,
  options: { brands?: readonly KnownModel[]; now?: Date } = {},
): { fields: ListingFields; missing: RequiredField[] } {
  const understood = understandBuyerMessage(caption, { brands: options.brands ?? [], now: options.now });
  const stated = understood.statedCriteria;
  const model = understood.models[0];
  const fields: ListingFields = {
    ...(model ? { brand: model.brand, model: model.model } : stated.brand ? { brand: stated.brand } : {}),
    ...(stated.query ? { variant: stated.query } : {}),
    // A listing names one year; a range ("2018-2020") is not a car.
    ...(stated.yearMin !== undefined && stated.yearMin === stated.yearMax ? { year: stated.yearMin } : {}),
    ...(understood.mentionedAmounts[0] !== undefined ? { price: understood.mentionedAmounts[0] } : {}),
    ...(stated.mileageMax !== undefined ? { mileageKm: stated.mileageMax } : {}),
    ...(stated.color ? { color: stated.color } : {}),
    ...(stated.transmission ? { transmission: stated.transmission } : {}),
    ...(stated.fuel ? { fuel: stated.fuel } : {}),
    ...(stated.bodyType ? { bodyType: stated.bodyType } : {}),
  };
  const missing = REQUIRED_FOR_DRAFT.filter((field) => fields[field] === undefined);
  return { fields, missing };
}

// ------------------------------------------------------------------------------------------------
// Photo: dominant colour and quality

export interface PhotoAnalysis {
  width: number;
  height: number;
  /** Indonesian colour name of the car body ("merah"), or null when the photo says nothing clear. */
  dominantColor: string | null;
  /** 0-100; below 50 the reply suggests a better photo. */
  quality: number;
  problems: ("small" | "blurry" | "dark" | "bright")[];
  sharpness: number;
  brightness: number;
}

/** An RGB pixel to the colour names showrooms use (the same names as the buyer parser's lexicon). */
export function colorName(r: number, g: number, b: number): string {
  const max = Math.max(r, g, b) / 255;
  const min = Math.min(r, g, b) / 255;
  const lightness = (max + min) / 2;
  const delta = max - min;
  const saturation = delta === 0 ? 0 : delta / (1 - Math.abs(2 * lightness - 1));
  if (saturation < 0.2 || delta < 0.08) {
    if (lightness < 0.2) return "hitam";
    if (lightness > 0.82) return "putih";
    if (lightness > 0.55) return "silver";
    return "abu-abu";
  }
  let hue: number;
  const [rn, gn, bn] = [r / 255, g / 255, b / 255];
  if (max === rn) hue = ((gn - bn) / delta) % 6;
  else if (max === gn) hue = (bn - rn) / delta + 2;
  else hue = (rn - gn) / delta + 4;
  hue = (hue * 60 + 360) % 360;
  if (lightness < 0.12) return "hitam";
  if (hue < 15 || hue >= 330) return "merah";
  if (hue < 45) return lightness < 0.35 ? "coklat" : "oranye";
  if (hue < 70) return "kuning";
  if (hue < 170) return "hijau";
  if (hue < 255) return "biru";
  return "ungu";
}

const SAMPLE_WIDTH = 96;
const SAMPLE_HEIGHT = 72;

/**
 * The car's colour: pixels in the middle of the frame that differ from the frame's border (the
 * wall, the floor, the sky), voted by colour name. A white car on a white wall still reads white,
 * because when nothing differs the middle's own colour wins.
 */
async function dominantColorOf(bytes: Buffer): Promise<string | null> {
  const { data, info } = await sharp(bytes)
    .rotate()
    .resize(SAMPLE_WIDTH, SAMPLE_HEIGHT, { fit: "fill" })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const channels = info.channels;
  const pixel = (x: number, y: number): [number, number, number] => {
    const offset = (y * SAMPLE_WIDTH + x) * channels;
    return [data[offset] ?? 0, data[offset + 1] ?? 0, data[offset + 2] ?? 0];
  };
  const border: [number, number, number][] = [];
  for (let x = 0; x < SAMPLE_WIDTH; x += 1)
    border.push(pixel(x, 0), pixel(x, 1), pixel(x, SAMPLE_HEIGHT - 1), pixel(x, SAMPLE_HEIGHT - 2));
  for (let y = 0; y < SAMPLE_HEIGHT; y += 1)
    border.push(pixel(0, y), pixel(1, y), pixel(SAMPLE_WIDTH - 1, y), pixel(SAMPLE_WIDTH - 2, y));
  const borderNames = new Map<string, number>();
  for (const [r, g, b] of border)
    borderNames.set(colorName(r, g, b), (borderNames.get(colorName(r, g, b)) ?? 0) + 1);
  const background = new Set(
    [...borderNames].filter(([, count]) => count > border.length * 0.25).map(([name]) => name),
  );

  const votes = new Map<string, number>();
  const all = new Map<string, number>();
  for (let y = Math.floor(SAMPLE_HEIGHT * 0.25); y < Math.floor(SAMPLE_HEIGHT * 0.85); y += 1) {
    for (let x = Math.floor(SAMPLE_WIDTH * 0.15); x < Math.floor(SAMPLE_WIDTH * 0.85); x += 1) {
      const name = colorName(...pixel(x, y));
      all.set(name, (all.get(name) ?? 0) + 1);
      if (!background.has(name)) votes.set(name, (votes.get(name) ?? 0) + 1);
    }
  }
  const centreSize = [...all.values()].reduce((sum, count) => sum + count, 0);
  const best = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1])[0];
  const car = best(votes);
  // Tyres, windows and shadows are dark: a car needs a real share of the middle to count.
  if (car && car[1] >= centreSize * 0.12) return car[0];
  const whole = best(all);
  return whole && whole[1] >= centreSize * 0.3 ? whole[0] : null;
}

/** Size, sharpness (the spread of a Laplacian, as sharp's stats compute it) and exposure, locally. */
export async function analysePhoto(bytes: Buffer): Promise<PhotoAnalysis> {
  const image = sharp(bytes).rotate();
  const metadata = await image.metadata();
  const width = metadata.autoOrient?.width ?? metadata.width ?? 0;
  const height = metadata.autoOrient?.height ?? metadata.height ?? 0;
  // Measured at one scale, so a large photo is not called sharper just for having more pixels.
  const stats = await sharp(bytes)
    .rotate()
    .resize({ width: 800, withoutEnlargement: true })
    .greyscale()
    .stats();
  const brightness = stats.channels[0]?.mean ?? 0;
  const sharpness = stats.sharpness;
  const problems: PhotoAnalysis["problems"] = [];
  const shortSide = Math.min(width, height);
  const sizeScore = Math.min(1, shortSide / 720);
  if (shortSide < 480) problems.push("small");
  const sharpScore = Math.min(1, sharpness / 6);
  if (sharpness < 2) problems.push("blurry");
  const exposureScore =
    brightness < 50 ? brightness / 50 : brightness > 215 ? Math.max(0, (255 - brightness) / 40) : 1;
  if (brightness < 50) problems.push("dark");
  if (brightness > 215) problems.push("bright");
  const quality = Math.round(100 * (0.3 * sizeScore + 0.4 * sharpScore + 0.3 * exposureScore));
  return {
    width,
    height,
    dominantColor: await dominantColorOf(bytes),
    quality,
    problems,
    sharpness,
    brightness,
  };
}

// ------------------------------------------------------------------------------------------------
// Descriptions

const GEAR: Record<Language, Record<(typeof TRANSMISSIONS)[number], string>> = {
  id: { automatic: "matic", manual: "manual" },
  en: { automatic: "automatic", manual: "manual" },
};

/** Plain descriptions from the known facts only: no claims (no "bebas banjir") nobody checked. */
export function describeListing(
  fields: ListingFields & { brand: string; model: string; year: number; price: bigint },
): { id: string; en: string } {
  const name = `${fields.brand} ${fields.model} ${fields.variant ?? ""} ${fields.year}`
    .replace(/\s+/g, " ")
    .trim();
  const km = fields.mileageKm !== undefined ? fields.mileageKm.toLocaleString("id-ID") : null;
  const id = [
    `Dijual ${name}`,
    fields.transmission ? `transmisi ${GEAR.id[fields.transmission]}` : null,
    fields.color ? `warna ${fields.color}` : null,
    km ? `kilometer ${km} km` : null,
  ]
    .filter(Boolean)
    .join(", ");
  const en = [
    `For sale: ${name}`,
    fields.transmission ? `${GEAR.en[fields.transmission]} transmission` : null,
    fields.color ? `colour ${fields.color}` : null,
    km ? `${km} km on the clock` : null,
  ]
    .filter(Boolean)
    .join(", ");
  return {
    id: `${id}. Harga ${formatRupiah(fields.price)}. Hubungi kami untuk info lengkap dan jadwal test drive.`,
    en: `${en}. Price ${formatRupiah(fields.price)}. Contact us for details and a test drive.`,
  };
}

// ------------------------------------------------------------------------------------------------
// Vision-capable LLM hook (providers are wired elsewhere)

/** What a vision model may suggest; parsed with zod because it is model output. */
export const VisionSuggestion = z
  .object({
    brand: z.string().trim().min(1).max(60),
    model: z.string().trim().min(1).max(80),
    variant: z.string().trim().min(1).max(120),
    year: z.number().int().min(1950).max(2100),
    color: z.string().trim().min(1).max(40),
    bodyType: z.enum(BODY_TYPES),
    /** Visible damage or notes for the reviewer ("baret pintu kiri"): never published as is. */
    notes: z.array(z.string().max(200)).max(10),
  })
  .partial();
export type VisionSuggestion = z.infer<typeof VisionSuggestion>;

export interface VisionListingProvider {
  readonly name: string;
  /** Reads the photos (and the caption for context). Must not invent a price: prices come from staff only. */
  suggestFromPhotos(
    input: { photos: readonly { bytes: Buffer; mimeType: string }[]; caption: string; language: Language },
    signal?: AbortSignal,
  ): Promise<unknown>;
}

// ------------------------------------------------------------------------------------------------
// The draft

export type ReviewSource = "caption" | "photo" | "vision" | "default" | "template";
export interface ReviewItem {
  field: string;
  source: ReviewSource;
  value: string;
}

export interface ListingPhoto {
  bytes: Buffer;
  mimeType: string;
}

export type ListingResult =
  | {
      ok: true;
      vehicle: Vehicle;
      review: ReviewItem[];
      analysis: PhotoAnalysis | null;
      fields: ListingFields;
    }
  | { ok: false; missing: RequiredField[] };

const show = (value: unknown) => (typeof value === "bigint" ? formatRupiah(value) : String(value));

/**
 * Creates a DRAFT vehicle from a caption and photos; the caller's transaction makes the draft, its
 * photos and its review list one change. Caption beats vision (the staff member typed it), the photo
 * only fills the colour, defaults fill what a draft needs; every one of them is listed for review.
 */
export async function startListing(
  tx: Tx,
  options: {
    tenantId: string;
    actor: Actor;
    caption: string;
    photos: readonly ListingPhoto[];
    brands?: readonly KnownModel[];
    language: Language;
    vision?: VisionListingProvider;
    now?: Date;
  },
): Promise<ListingResult> {
  const { fields: read } = readListingCaption(options.caption, { brands: options.brands, now: options.now });
  const review: ReviewItem[] = Object.entries(read).map(([field, value]) => ({
    field,
    source: "caption",
    value: show(value),
  }));
  const fields: ListingFields = { ...read };

  if (options.vision && options.photos.length) {
    try {
      const suggested = VisionSuggestion.safeParse(
        await options.vision.suggestFromPhotos(
          { photos: options.photos, caption: options.caption, language: options.language },
          AbortSignal.timeout(20_000),
        ),
      );
      if (suggested.success) {
        for (const field of ["brand", "model", "variant", "year", "color", "bodyType"] as const) {
          const value = suggested.data[field];
          if (value === undefined || fields[field] !== undefined) continue;
          Object.assign(fields, { [field]: value });
          review.push({ field, source: "vision", value: String(value) });
        }
        for (const note of suggested.data.notes ?? [])
          review.push({ field: "note", source: "vision", value: note });
      }
    } catch (error) {
      // A slow or failing provider must not cost the staff member their draft.
      console.warn(
        `[listing] vision provider ${options.vision.name} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  const first = options.photos[0];
  const analysis = first ? await analysePhoto(first.bytes) : null;
  if (!fields.color && analysis?.dominantColor) {
    fields.color = analysis.dominantColor;
    review.push({ field: "color", source: "photo", value: analysis.dominantColor });
  }

  const missing = REQUIRED_FOR_DRAFT.filter((field) => fields[field] === undefined);
  const { brand, model, year, price } = fields;
  if (!brand || !model || year === undefined || price === undefined) return { ok: false, missing };

  const transmission = fields.transmission ?? "manual";
  if (!fields.transmission) review.push({ field: "transmission", source: "default", value: transmission });
  const mileageKm = fields.mileageKm ?? 0;
  if (fields.mileageKm === undefined) review.push({ field: "mileageKm", source: "default", value: "0" });
  const descriptions = describeListing({ ...fields, brand, model, year, price });
  review.push(
    { field: "descriptionId", source: "template", value: descriptions.id },
    { field: "descriptionEn", source: "template", value: descriptions.en },
  );

  const input: VehicleInput = {
    stockCode: await suggestStockCode(tx, { brand }),
    brand,
    model,
    variant: fields.variant ?? null,
    year,
    price,
    mileageKm,
    transmission,
    fuel: fields.fuel ?? "petrol",
    bodyType: fields.bodyType ?? null,
    color: fields.color ?? null,
    status: "draft",
    descriptionId: descriptions.id,
    descriptionEn: descriptions.en,
  };
  const vehicle = await createVehicle(tx, { tenantId: options.tenantId, actor: options.actor, input });
  for (const [index, photo] of options.photos.entries()) {
    await storeVehiclePhoto(tx, {
      tenantId: options.tenantId,
      vehicleId: vehicle.id,
      bytes: photo.bytes,
      isMain: index === 0,
    });
  }
  await recordReview(tx, {
    tenantId: options.tenantId,
    actor: options.actor,
    vehicleId: vehicle.id,
    review,
    analysis,
  });
  return { ok: true, vehicle, review, analysis, fields };
}

export async function recordReview(
  tx: Tx,
  options: {
    tenantId: string;
    actor: Actor;
    vehicleId: string;
    review: readonly ReviewItem[];
    analysis: PhotoAnalysis | null;
  },
): Promise<void> {
  await recordAudit(tx, {
    tenantId: options.tenantId,
    actor: options.actor,
    action: "vehicle.listing_review",
    entity: "vehicle",
    entityId: options.vehicleId,
    after: {
      review: options.review,
      photo: options.analysis
        ? {
            quality: options.analysis.quality,
            problems: options.analysis.problems,
            dominantColor: options.analysis.dominantColor,
          }
        : null,
    },
  });
}

const FIELD_KEY: Record<string, MessageKey> = {
  brand: "assistant.listingField.brand",
  model: "assistant.listingField.model",
  variant: "assistant.listingField.variant",
  year: "assistant.listingField.year",
  price: "assistant.listingField.price",
  mileageKm: "assistant.listingField.mileageKm",
  color: "assistant.listingField.color",
  transmission: "assistant.listingField.transmission",
  fuel: "assistant.listingField.fuel",
  bodyType: "assistant.listingField.bodyType",
  descriptionId: "assistant.listingField.descriptionId",
  descriptionEn: "assistant.listingField.descriptionEn",
  note: "assistant.listingField.note",
};

const SOURCE_KEY: Record<ReviewSource, MessageKey> = {
  caption: "assistant.reviewSource.caption",
  photo: "assistant.reviewSource.photo",
  vision: "assistant.reviewSource.vision",
  default: "assistant.reviewSource.default",
  template: "assistant.reviewSource.template",
};

function fieldName(t: Translate, field: string): string {
  const key = FIELD_KEY[field];
  return key ? t(key) : field;
}

/** The chat reply for a draft: what was read, what to check, how to publish. */
export function listingReply(result: Extract<ListingResult, { ok: true }>, language: Language): string {
  const t = translator(language);
  const { vehicle, review, analysis } = result;
  const checks = review
    .filter((item) => item.field !== "descriptionId" && item.field !== "descriptionEn")
    .map(
      (item) =>
        `- ${fieldName(t, item.field)}: ${item.field === "transmission" ? t(item.value === "automatic" ? "assistant.gear.automatic" : "assistant.gear.manual") : item.value} (${t(SOURCE_KEY[item.source])})`,
    );
  const photo = analysis
    ? t(analysis.quality < 50 ? "assistant.listing.photoQualityLow" : "assistant.listing.photoQuality", {
        quality: analysis.quality,
      })
    : null;
  return [
    t("assistant.listing.created", { stockCode: vehicle.stockCode }),
    ...checks,
    photo,
    t("assistant.listing.next"),
  ]
    .filter((line): line is string => line !== null)
    .join("\n");
}

export function missingReply(missing: readonly RequiredField[], language: Language): string {
  const t = translator(language);
  return t("assistant.listing.missing", { names: missing.map((field) => fieldName(t, field)).join(", ") });
}
