// What the tools share within one turn: who it is for, what they did (for grounding and the turn),
// and how a listed car is found and summarised for the model.
import "server-only";
import { z } from "zod";
import { ToolError } from "@/lib/assistant/llm/providers/errors";
import type { Tx } from "@/lib/core/db/client";
import { appUrl } from "@/lib/core/env";
import { formatRupiah } from "@/lib/core/money";
import type { Vehicle } from "@/lib/generated/prisma/client";
import type { ListedVehicle } from "@/lib/inventory/criteria";
import { isListed } from "@/lib/inventory/listing";

/** Who the turn is for. Without `conversation` nothing is sent: photos and handoff come back as effects. */
export interface ToolContext {
  tenantId: string;
  /** The catalog's base URL for this showroom ("https://mobilku.id" or "{APP_URL}/{slug}"). */
  base: string;
  creditRateBps: number;
  creditMinDownPct: number;
  conversation?: { id: string; messageId: string };
}

export interface PhotoToSend {
  stockCode: string;
  url: string;
  caption: string;
}

/** What the tools did this turn, for the engine and for grounding. */
export interface ToolEffects {
  /** Stock codes of every car a tool returned. */
  shown: Set<string>;
  /** Catalog link -> stock code of those cars: the only car links a reply may contain. */
  links: Map<string, string>;
  /** Brand and model of every car shown, lower case: the only cars a reply may name. */
  models: Set<string>;
  /** Photos to queue when no conversation was given. */
  photos: PhotoToSend[];
  handoff: { reason: string; done: boolean } | null;
  leadId: string | null;
}

export function emptyEffects(): ToolEffects {
  return { shown: new Set(), links: new Map(), models: new Set(), photos: [], handoff: null, leadId: null };
}

/** A listed car as a search returns it (lib/inventory/criteria.ts): the only shape the model sees. */
export type { ListedVehicle } from "@/lib/inventory/criteria";

export function vehicleLink(base: string, slug: string): string {
  return `${base.replace(/\/$/, "")}/vehicles/${slug}`;
}

export function summarize(vehicle: ListedVehicle, base: string) {
  return {
    stockCode: vehicle.stockCode,
    title: `${vehicle.brand} ${vehicle.model} ${vehicle.variant ?? ""} ${vehicle.year}`
      .replace(/\s+/g, " ")
      .trim(),
    brand: vehicle.brand,
    model: vehicle.model,
    year: vehicle.year,
    price: vehicle.price,
    priceText: formatRupiah(vehicle.price),
    booked: vehicle.status === "booked",
    transmission: vehicle.transmission,
    fuel: vehicle.fuel,
    bodyType: vehicle.bodyType,
    mileageKm: vehicle.mileageKm,
    color: vehicle.color,
    city: vehicle.city,
    link: vehicleLink(base, vehicle.slug),
  };
}

export type VehicleSummary = ReturnType<typeof summarize>;

/** A listed car by stock code or slug; a sold or unknown one is a ToolError the model can relay. */
export async function findListed(tx: Tx, ref: { stockCode?: string; slug?: string }): Promise<Vehicle> {
  if (!ref.stockCode && !ref.slug) throw new ToolError("Give the car's stockCode or slug.");
  const vehicle = await tx.vehicle.findFirst({
    where: ref.stockCode ? { stockCode: { equals: ref.stockCode, mode: "insensitive" } } : { slug: ref.slug },
  });
  // Sold and draft look the same as unknown: a sold car's details are never handed to the model.
  if (!vehicle || !isListed(vehicle.status)) {
    throw new ToolError("That car is not for sale (sold or unknown). Search again for available cars.");
  }
  return vehicle;
}

export function absoluteUrl(url: string): string {
  return /^https?:\/\//.test(url) ? url : `${appUrl()}${url.startsWith("/") ? "" : "/"}${url}`;
}

/** Tool text arguments: trimmed, not empty, bounded. */
export const text = (max: number) => z.string().trim().min(1).max(max);
