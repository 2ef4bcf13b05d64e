// The sales assistant's tools, the same for every LLM provider: zod inputs the model sees as JSON Schema, and one executor bound to a tenant transaction and a buyer's turn.
import "server-only";
import { z } from "zod";
import { ToolError } from "@/lib/assistant/providers/errors";
import { defineTool, RupiahArg, type ToolInvocation } from "@/lib/assistant/providers/types";
import { simulateCredit } from "@/lib/core/credit";
import type { Tx } from "@/lib/core/db/client";
import { appUrl } from "@/lib/core/env";
import { formatRupiah } from "@/lib/core/money";
import { normalizePhone } from "@/lib/core/phone";
import type { Prisma, Vehicle } from "@/lib/generated/prisma/client";
import { readVariants } from "@/lib/images/photos";
import { BODY_TYPES, FUELS, TRANSMISSIONS } from "@/lib/inventory/vehicle-input";
import { assignRoundRobin, notifyLeadAssigned } from "@/lib/leads/assign";
import { getStorage } from "@/lib/storage";
import { queueOutbound } from "@/lib/whatsapp/outbox";

/** Sold and draft cars are never shown to a buyer; booked ones are, flagged as booked. */
const LISTED = ["available", "booked"] as const;
const MAX_RESULTS = 5;
const MAX_PHOTOS = 5;

const text = (max: number) => z.string().trim().min(1).max(max);

export const searchVehiclesTool = defineTool({
  name: "search_vehicles",
  description:
    "Search this showroom's cars for sale. Every filter is optional; prices are integer Rupiah (185 juta = 185000000). Returns at most 5 cars, cheapest first, available before booked, each with its price in Rupiah and its catalog link. Sold cars are never returned.",
  input: z.object({
    brand: text(60).optional().describe("Brand, e.g. Toyota"),
    model: text(80).optional().describe("Model, e.g. Avanza"),
    yearMin: z.number().int().min(1950).max(2100).optional(),
    yearMax: z.number().int().min(1950).max(2100).optional(),
    priceMin: RupiahArg.optional().describe("Lowest price in Rupiah"),
    priceMax: RupiahArg.optional().describe("Highest price in Rupiah"),
    transmission: z.enum(TRANSMISSIONS).optional(),
    fuel: z.enum(FUELS).optional(),
    bodyType: z.enum(BODY_TYPES).optional(),
    color: text(40).optional().describe("Colour in Indonesian, e.g. hitam, putih"),
    city: text(80).optional(),
    mileageMaxKm: z.number().int().min(0).max(2_000_000).optional(),
  }),
});

const VehicleRef = z.object({
  stockCode: text(40).optional().describe("The car's stock code from a search result"),
  slug: text(200).optional().describe("The car's slug from its catalog link"),
});

export const vehicleDetailsTool = defineTool({
  name: "vehicle_details",
  description:
    "Full details of one car (by stock code or slug): specs, plate region and odd/even, tax and STNK dates, owners, features, description, link.",
  input: VehicleRef,
});

export const sendPhotosTool = defineTool({
  name: "send_photos",
  description:
    "Send the buyer the photos of one car (by stock code or slug) on WhatsApp. Returns how many photos will be sent.",
  input: VehicleRef,
});

export const creditSimulationTool = defineTool({
  name: "credit_simulation",
  description:
    "Credit estimate for one car (by stock code) with this showroom's flat rate: down payment in percent, tenor in years. Returns the down payment and the monthly instalment in Rupiah. Always use this; never compute instalments yourself.",
  input: z.object({
    stockCode: text(40),
    downPaymentPercent: z.number().min(0).max(90).optional().describe("Default 30"),
    tenorYears: z.number().int().min(1).max(5).optional().describe("Default 4"),
  }),
});

export const createOrUpdateLeadTool = defineTool({
  name: "create_or_update_lead",
  description:
    "Save the buyer as a prospect for the sales team: name, phone (their WhatsApp number is used when omitted), the car they are interested in, their budget in Rupiah.",
  input: z.object({
    name: text(80),
    phone: text(30).optional(),
    interestStockCode: text(40).optional(),
    budget: RupiahArg.optional(),
    note: text(500).optional(),
  }),
});

export const bookVisitTool = defineTool({
  name: "book_visit",
  description:
    "Ask the sales team to confirm a test drive or a showroom visit at a date and time the buyer chose. The team confirms; say so to the buyer.",
  input: z.object({
    kind: z.enum(["test_drive", "visit"]),
    at: z.iso
      .datetime({ offset: true, local: true })
      .describe("ISO date and time, e.g. 2025-06-07T10:00:00+07:00"),
    stockCode: text(40).optional(),
    name: text(80).optional(),
    note: text(500).optional(),
  }),
});

export const handoffTool = defineTool({
  name: "handoff",
  description:
    "Hand the conversation to a salesperson: for price negotiation, discounts, complaints, or when the buyer asks for a person.",
  input: z.object({ reason: text(300) }),
});

export const ASSISTANT_TOOLS = [
  searchVehiclesTool,
  vehicleDetailsTool,
  sendPhotosTool,
  creditSimulationTool,
  createOrUpdateLeadTool,
  bookVisitTool,
  handoffTool,
] as const;

export type AssistantToolCall = ToolInvocation<typeof ASSISTANT_TOOLS>;

/** Who the turn is for. Without `conversation` nothing is sent: photos and handoff come back as actions. */
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

type ListedVehicle = Pick<
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
  | "fuel"
  | "mileageKm"
  | "color"
  | "city"
  | "bodyType"
>;

const listedSelect = {
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
  fuel: true,
  mileageKm: true,
  color: true,
  city: true,
  bodyType: true,
} as const;

export function vehicleLink(base: string, slug: string): string {
  return `${base.replace(/\/$/, "")}/vehicles/${slug}`;
}

function summarize(vehicle: ListedVehicle, base: string) {
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

function searchWhere(args: z.output<typeof searchVehiclesTool.input>): Prisma.VehicleWhereInput {
  const insensitive = (value: string) => ({ equals: value, mode: "insensitive" as const });
  return {
    status: { in: [...LISTED] },
    ...(args.brand ? { brand: insensitive(args.brand) } : {}),
    ...(args.model ? { model: { contains: args.model, mode: "insensitive" as const } } : {}),
    ...(args.yearMin !== undefined || args.yearMax !== undefined
      ? { year: { gte: args.yearMin, lte: args.yearMax } }
      : {}),
    ...(args.priceMin !== undefined || args.priceMax !== undefined
      ? { price: { gte: args.priceMin, lte: args.priceMax } }
      : {}),
    ...(args.transmission ? { transmission: args.transmission } : {}),
    ...(args.fuel ? { fuel: args.fuel } : {}),
    ...(args.bodyType ? { bodyType: args.bodyType } : {}),
    ...(args.color ? { color: { contains: args.color, mode: "insensitive" as const } } : {}),
    ...(args.city ? { city: insensitive(args.city) } : {}),
    ...(args.mileageMaxKm !== undefined ? { mileageKm: { lte: args.mileageMaxKm } } : {}),
  };
}

/** A listed car by stock code or slug; a sold or unknown one is a ToolError the model can relay. */
async function findListed(tx: Tx, ref: { stockCode?: string; slug?: string }): Promise<Vehicle> {
  if (!ref.stockCode && !ref.slug) throw new ToolError("Give the car's stockCode or slug.");
  const vehicle = await tx.vehicle.findFirst({
    where: ref.stockCode ? { stockCode: { equals: ref.stockCode, mode: "insensitive" } } : { slug: ref.slug },
  });
  // Sold and draft look the same as unknown: a sold car's details are never handed to the model.
  if (!vehicle || !(LISTED as readonly string[]).includes(vehicle.status)) {
    throw new ToolError("That car is not for sale (sold or unknown). Search again for available cars.");
  }
  return vehicle;
}

function absolute(url: string): string {
  return /^https?:\/\//.test(url) ? url : `${appUrl()}${url.startsWith("/") ? "" : "/"}${url}`;
}

/** The buyer's WhatsApp number, when the turn belongs to a conversation. */
async function conversationPhone(tx: Tx, context: ToolContext): Promise<string | null> {
  if (!context.conversation) return null;
  const conversation = await tx.waConversation.findUnique({
    where: { id: context.conversation.id },
    include: { contact: true },
  });
  return conversation?.contact.waId ?? null;
}

async function upsertLead(
  tx: Tx,
  context: ToolContext,
  effects: ToolEffects,
  input: { name?: string; phone?: string; vehicleId?: string; budget?: bigint; message?: string },
): Promise<{ id: string; assigneeId: string | null; created: boolean }> {
  const rawPhone = input.phone ?? (await conversationPhone(tx, context));
  const phone = rawPhone ? normalizePhone(rawPhone) : null;
  if (!phone) throw new ToolError("A phone number is needed: ask the buyer for it.");
  const linkedId =
    effects.leadId ??
    (context.conversation
      ? (
          await tx.waConversation.findUnique({
            where: { id: context.conversation.id },
            select: { leadId: true },
          })
        )?.leadId
      : null);
  const existing = linkedId
    ? await tx.lead.findUnique({ where: { id: linkedId } })
    : await tx.lead.findFirst({
        where: { phone, status: { in: ["new", "contacted", "negotiating"] } },
        orderBy: { createdAt: "desc" },
      });
  if (existing) {
    const updated = await tx.lead.update({
      where: { id: existing.id },
      data: {
        ...(input.name ? { name: input.name } : {}),
        ...(input.vehicleId ? { vehicleId: input.vehicleId } : {}),
        ...(input.budget !== undefined ? { budget: input.budget } : {}),
        ...(input.message ? { message: input.message } : {}),
      },
    });
    effects.leadId = updated.id;
    return { id: updated.id, assigneeId: updated.assigneeId, created: false };
  }
  // Same transaction as the lead: a rolled-back turn stamps no salesperson.
  const assignee = await assignRoundRobin(tx);
  const lead = await tx.lead.create({
    data: {
      tenantId: context.tenantId,
      name: input.name ?? "Pembeli WhatsApp",
      phone,
      source: "whatsapp",
      vehicleId: input.vehicleId ?? null,
      budget: input.budget ?? null,
      message: input.message ?? null,
      assigneeId: assignee?.id ?? null,
    },
  });
  if (assignee)
    await notifyLeadAssigned(tx, {
      tenantId: context.tenantId,
      userId: assignee.id,
      leadId: lead.id,
      leadName: lead.name,
    });
  if (context.conversation)
    await tx.waConversation.update({ where: { id: context.conversation.id }, data: { leadId: lead.id } });
  effects.leadId = lead.id;
  return { id: lead.id, assigneeId: lead.assigneeId, created: true };
}

export interface ToolExecutor {
  effects: ToolEffects;
  execute(...call: AssistantToolCall): Promise<unknown>;
}

/** Binds the tools to one turn: one tenant transaction, one showroom, maybe one conversation. */
export function createToolExecutor(tx: Tx, context: ToolContext): ToolExecutor {
  const effects: ToolEffects = {
    shown: new Set(),
    links: new Map(),
    models: new Set(),
    photos: [],
    handoff: null,
    leadId: null,
  };
  const show = (vehicle: ListedVehicle) => {
    const summary = summarize(vehicle, context.base);
    effects.shown.add(vehicle.stockCode);
    effects.links.set(summary.link, vehicle.stockCode);
    effects.models.add(vehicle.brand.toLowerCase()).add(vehicle.model.toLowerCase());
    return summary;
  };

  async function execute(...call: AssistantToolCall): Promise<unknown> {
    const [name, args] = call;
    switch (name) {
      case "search_vehicles": {
        const where = searchWhere(args);
        const [vehicles, total] = await Promise.all([
          tx.vehicle.findMany({
            where,
            orderBy: [{ status: "asc" }, { price: "asc" }],
            take: MAX_RESULTS,
            select: listedSelect,
          }),
          tx.vehicle.count({ where }),
        ]);
        return { total, vehicles: vehicles.map(show) };
      }
      case "vehicle_details": {
        const vehicle = await findListed(tx, args);
        const photos = await tx.vehiclePhoto.count({ where: { vehicleId: vehicle.id } });
        return {
          ...show(vehicle),
          engineCc: vehicle.engineCc,
          seats: vehicle.seats,
          negotiable: vehicle.negotiable,
          plateRegion: vehicle.plateRegion,
          plateParity: vehicle.plateParity,
          taxValidUntil: vehicle.taxValidUntil?.toISOString().slice(0, 10) ?? null,
          stnkValidUntil: vehicle.stnkValidUntil?.toISOString().slice(0, 10) ?? null,
          previousOwners: vehicle.previousOwners,
          features: vehicle.features,
          descriptionId: vehicle.descriptionId,
          descriptionEn: vehicle.descriptionEn,
          photos,
        };
      }
      case "send_photos": {
        const vehicle = await findListed(tx, args);
        const summary = show(vehicle);
        const rows = await tx.vehiclePhoto.findMany({
          where: { vehicleId: vehicle.id },
          orderBy: [{ isMain: "desc" }, { position: "asc" }],
          take: MAX_PHOTOS,
        });
        if (rows.length === 0)
          return {
            sent: 0,
            link: summary.link,
            note: "This car has no photos yet; give the buyer the link.",
          };
        const storage = getStorage();
        const photos: PhotoToSend[] = rows.map((row, index) => {
          const webp = readVariants(row.variants).filter((variant) => variant.format === "webp");
          // WhatsApp fetches the link itself and rejects large images: the 1024-ish variant, not the original.
          const best = webp.find((variant) => variant.width >= 960) ?? webp.at(-1);
          return {
            stockCode: vehicle.stockCode,
            url: absolute(storage.publicUrl(best?.key ?? row.storageKey)),
            caption: index === 0 ? `${summary.title} · ${summary.priceText}` : "",
          };
        });
        if (context.conversation) {
          for (const [index, photo] of photos.entries()) {
            await queueOutbound(tx, {
              tenantId: context.tenantId,
              conversationId: context.conversation.id,
              idempotencyKey: `photos:${context.conversation.messageId}:${vehicle.stockCode}:${index}`,
              request: {
                type: "image",
                content: { link: photo.url, ...(photo.caption ? { caption: photo.caption } : {}) },
              },
              preview: photo.caption || `[foto ${vehicle.stockCode}]`,
              sender: "assistant",
            });
          }
        } else {
          effects.photos.push(...photos);
        }
        return { sent: photos.length, stockCode: vehicle.stockCode, link: summary.link };
      }
      case "credit_simulation": {
        const vehicle = await findListed(tx, { stockCode: args.stockCode });
        const downPaymentPercent = Math.max(context.creditMinDownPct, args.downPaymentPercent ?? 30);
        const years = args.tenorYears ?? 4;
        const credit = simulateCredit({
          price: vehicle.price,
          downPaymentPct: downPaymentPercent,
          years,
          rateBps: context.creditRateBps,
        });
        return {
          ...show(vehicle),
          downPaymentPercent,
          minimumDownPaymentPercent: context.creditMinDownPct,
          tenorYears: years,
          flatRatePercentPerYear: context.creditRateBps / 100,
          downPayment: credit.downPayment,
          downPaymentText: formatRupiah(credit.downPayment),
          monthly: credit.monthly,
          monthlyText: formatRupiah(credit.monthly),
          months: credit.months,
          note: "An estimate; the leasing company decides.",
        };
      }
      case "create_or_update_lead": {
        const vehicle = args.interestStockCode
          ? await findListed(tx, { stockCode: args.interestStockCode })
          : null;
        const lead = await upsertLead(tx, context, effects, {
          name: args.name,
          phone: args.phone,
          vehicleId: vehicle?.id,
          budget: args.budget,
          message: args.note,
        });
        return { saved: true, created: lead.created, salespersonAssigned: lead.assigneeId !== null };
      }
      case "book_visit": {
        const vehicle = args.stockCode ? await findListed(tx, { stockCode: args.stockCode }) : null;
        const at = new Date(args.at);
        if (Number.isNaN(at.getTime()) || at.getTime() < Date.now() - 60 * 60 * 1000)
          throw new ToolError("That date is in the past; ask the buyer for another one.");
        const lead = await upsertLead(tx, context, effects, { name: args.name, vehicleId: vehicle?.id });
        const what = args.kind === "test_drive" ? "Test drive" : "Kunjungan showroom";
        const when = at.toLocaleString("id-ID", {
          timeZone: "Asia/Jakarta",
          dateStyle: "full",
          timeStyle: "short",
        });
        await tx.leadNote.create({
          data: {
            tenantId: context.tenantId,
            leadId: lead.id,
            body: `${what} diminta lewat WhatsApp: ${when}${vehicle ? ` (${vehicle.stockCode})` : ""}${args.note ? `. ${args.note}` : ""}`,
          },
        });
        await tx.lead.update({ where: { id: lead.id }, data: { followUpAt: at } });
        // No assignee: every admin of the showroom sees it (userId null).
        await tx.notification.create({
          data: {
            tenantId: context.tenantId,
            userId: lead.assigneeId,
            kind: "lead.visit",
            title: `${what}: ${when}`,
            link: `/dashboard/leads/${lead.id}`,
          },
        });
        return {
          requested: true,
          kind: args.kind,
          at: at.toISOString(),
          note: "The sales team will confirm the time.",
        };
      }
      case "handoff": {
        effects.handoff = { reason: args.reason, done: false };
        if (context.conversation) {
          await handOffConversation(tx, {
            tenantId: context.tenantId,
            conversationId: context.conversation.id,
            reason: args.reason,
          });
          effects.handoff.done = true;
        }
        return { handedOff: true, note: "Tell the buyer a salesperson will reply in this chat soon." };
      }
    }
  }

  return { effects, execute };
}

/** Puts a conversation in a salesperson's hands: mode human, round-robin assignee, a notification. Idempotent. */
export async function handOffConversation(
  tx: Tx,
  options: { tenantId: string; conversationId: string; reason: string },
): Promise<void> {
  const conversation = await tx.waConversation.findUnique({
    where: { id: options.conversationId },
    include: { contact: true },
  });
  if (!conversation || conversation.mode === "human") return;
  const assignee = conversation.assigneeId ? null : await assignRoundRobin(tx);
  const assigneeId = conversation.assigneeId ?? assignee?.id ?? null;
  await tx.waConversation.update({
    where: { id: conversation.id },
    data: { mode: "human", handedOffAt: new Date(), assigneeId },
  });
  await tx.notification.create({
    data: {
      tenantId: options.tenantId,
      userId: assigneeId,
      kind: "conversation.handoff",
      title: `Pembeli minta dihubungi: ${conversation.contact.name ?? conversation.contact.waId ?? ""}`,
      body: options.reason,
      link: `/dashboard/inbox/${conversation.id}`,
    },
  });
}
