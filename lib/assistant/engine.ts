// The sales assistant's turn for one buyer message, with the local (offline, deterministic)
// engine. Every car it names comes from this turn's database search, every price is written by our
// code from the database, and a last check refuses any reply carrying a Rupiah amount that neither
// the search results nor the buyer's own message contain.
import "server-only";

import { findInventedAmounts } from "@/lib/assistant/grounding";
import { composeReply } from "@/lib/assistant/llm-engine";
import { findStaffSender, runStaffTurn, type StaffTurnResult } from "@/lib/assistant/staff";
import { createToolExecutor } from "@/lib/assistant/tools";
import {
  readStoredCriteria,
  type SearchCriteria,
  storeCriteria,
  type Understanding,
  understandBuyerMessage,
} from "@/lib/assistant/understand";
import { simulateCredit } from "@/lib/core/credit";
import type { Tx } from "@/lib/core/db/client";
import { appUrl } from "@/lib/core/env";
import { formatRupiah, formatRupiahShort } from "@/lib/core/money";
import type { Prisma, Vehicle } from "@/lib/generated/prisma/client";
import { assignRoundRobin } from "@/lib/leads/assign";
import { lockContact } from "@/lib/whatsapp/inbound";
import { queueText } from "@/lib/whatsapp/outbox";

const LISTED = ["available", "booked"] as const;
const SHOWN = 3;

type Offer = Pick<
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
  | "mileageKm"
  | "color"
>;

function whereOf(criteria: SearchCriteria): Prisma.VehicleWhereInput {
  const insensitive = (value: string) => ({ equals: value, mode: "insensitive" as const });
  return {
    status: { in: [...LISTED] },
    ...(criteria.brand ? { brand: insensitive(criteria.brand) } : {}),
    ...(criteria.model ? { model: insensitive(criteria.model) } : {}),
    ...(criteria.yearMin || criteria.yearMax
      ? { year: { gte: criteria.yearMin, lte: criteria.yearMax } }
      : {}),
    ...(criteria.priceMin || criteria.priceMax
      ? { price: { gte: criteria.priceMin, lte: criteria.priceMax } }
      : {}),
    ...(criteria.transmission ? { transmission: criteria.transmission } : {}),
    ...(criteria.fuel ? { fuel: criteria.fuel } : {}),
    ...(criteria.bodyType ? { bodyType: criteria.bodyType } : {}),
    ...(criteria.color ? { color: { contains: criteria.color, mode: "insensitive" as const } } : {}),
    ...(criteria.city ? { city: insensitive(criteria.city) } : {}),
    ...(criteria.mileageMax !== undefined ? { mileageKm: { lte: criteria.mileageMax } } : {}),
    ...(criteria.stockCode ? { stockCode: insensitive(criteria.stockCode) } : {}),
  };
}

const offerSelect = {
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
  mileageKm: true,
  color: true,
} as const;

async function searchOffers(tx: Tx, criteria: SearchCriteria): Promise<Offer[]> {
  return tx.vehicle.findMany({
    where: whereOf(criteria),
    orderBy: [{ status: "asc" }, { price: "asc" }],
    take: SHOWN,
    select: offerSelect,
  });
}

/** When nothing matches: the same car in any budget, then the budget with any car. */
async function nearestAlternatives(tx: Tx, criteria: SearchCriteria): Promise<Offer[]> {
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

interface TurnText {
  language: "id" | "en";
  showroom: string;
  base: string;
}

function describe(offer: Offer, text: TurnText, index: number): string {
  const title = `${offer.brand} ${offer.model} ${offer.variant ?? ""} ${offer.year}`
    .replace(/\s+/g, " ")
    .trim();
  const gear =
    offer.transmission === "automatic" ? (text.language === "id" ? "matic" : "automatic") : "manual";
  const booked = offer.status === "booked" ? (text.language === "id" ? " (sudah dipesan)" : " (booked)") : "";
  return `${index + 1}. ${title}${booked}\n   ${formatRupiah(offer.price)} · ${gear} · ${offer.mileageKm.toLocaleString("id-ID")} km${offer.color ? ` · ${offer.color}` : ""}\n   ${text.base}/vehicles/${offer.slug}`;
}

export interface TurnResult {
  reply: string;
  /** Set for a staff member's command: what to refresh once the transaction has committed. */
  staff?: StaffTurnResult;
  offered: string[];
  handoff: boolean;
  criteria: SearchCriteria;
  /** What the buyer told us about themselves, for the lead the turn keeps up to date. */
  buyer?: { name?: string; phone?: string; budget?: bigint; wantsVisit: boolean };
}

/** Composes the reply to one buyer message. Pure over the transaction: no sending. */
export async function composeBuyerReply(
  tx: Tx,
  options: {
    tenantId: string;
    text: string;
    previous: SearchCriteria;
    showroomName: string;
    base: string;
    creditRateBps: number;
    now?: Date;
  },
): Promise<TurnResult> {
  const vocabulary = await tx.vehicle.findMany({
    where: { status: { in: [...LISTED] } },
    distinct: ["brand", "model"],
    select: { brand: true, model: true },
  });
  const cities = (
    await tx.vehicle.findMany({
      where: { status: { in: [...LISTED] }, city: { not: null } },
      distinct: ["city"],
      select: { city: true },
    })
  ).flatMap((row) => (row.city ? [row.city] : []));
  const understood: Understanding = understandBuyerMessage(options.text, {
    brands: vocabulary,
    cities,
    previous: options.previous,
    now: options.now,
  });
  const text: TurnText = {
    language: understood.language,
    showroom: options.showroomName,
    base: options.base,
  };
  const buyer = {
    name: understood.name,
    phone: understood.phone,
    budget: understood.statedCriteria.priceMax,
    wantsVisit: understood.intents.includes("visit"),
  };
  const id = text.language === "id";
  const criteria = understood.criteria;

  if (
    understood.intents.some(
      (intent) => intent === "human" || intent === "negotiation" || intent === "complaint",
    )
  ) {
    const reply = id
      ? `Baik, saya hubungkan dengan tim sales ${text.showroom}. Mereka akan membalas di chat ini secepatnya. (Saya asisten virtual, jadi soal harga nego dan penawaran khusus diputuskan oleh sales.)`
      : `Sure, I'm connecting you with the ${text.showroom} sales team; they'll reply in this chat shortly. (I'm a virtual assistant, so negotiation and special offers are decided by our sales staff.)`;
    return { reply, offered: [], handoff: true, criteria, buyer };
  }

  const hasAny = (value: SearchCriteria) => Object.values(value).some((entry) => entry !== undefined);
  const stated = hasAny(understood.statedCriteria);
  // The conversation's criteria carry over, but only a message that asks something searches again:
  // "terima kasih" after a search is not a new search.
  const asks = understood.intents.some(
    (intent) => intent === "search" || intent === "details" || intent === "photos" || intent === "credit",
  );
  if (!stated && understood.intents.includes("thanks") && !asks) {
    const reply = id
      ? `Sama-sama! Kalau ingin melihat unit atau test drive, kabari saja. Ketik "sales" untuk bicara dengan tim ${text.showroom}.`
      : `You're welcome! If you'd like to see a car or book a test drive, just tell me. Type "sales" to talk to the ${text.showroom} team.`;
    return { reply, offered: [], handoff: false, criteria, buyer };
  }
  if (!hasAny(criteria) || (!stated && !asks)) {
    const reply = id
      ? `Halo! Saya asisten virtual ${text.showroom}. Sebutkan mobil yang dicari, misalnya "Avanza matic 2019 ke atas", dan saya carikan dari stok kami. Ketik "sales" kapan saja untuk bicara dengan tim kami.`
      : `Hi! I'm the virtual assistant of ${text.showroom}. Tell me what you're looking for, e.g. "automatic SUV, 2019 or newer", and I'll search our stock. Type "sales" any time to talk to our team.`;
    return { reply, offered: [], handoff: false, criteria, buyer };
  }

  const offers = await searchOffers(tx, criteria);
  const allowed: bigint[] = [...understood.mentionedAmounts];
  const lines: string[] = [];
  let offered = offers;
  if (offers.length) {
    lines.push(
      id ? `Ini yang cocok dari stok ${text.showroom}:` : `Here is what matches in ${text.showroom}'s stock:`,
    );
    lines.push(...offers.map((offer, index) => describe(offer, text, index)));
  } else {
    const alternatives = await nearestAlternatives(tx, criteria);
    offered = alternatives;
    lines.push(
      id
        ? "Maaf, saat ini belum ada mobil yang persis sesuai kriteria itu."
        : "Sorry, nothing in stock matches exactly right now.",
    );
    if (alternatives.length) {
      lines.push(id ? "Alternatif terdekat:" : "Nearest alternatives:");
      lines.push(...alternatives.map((offer, index) => describe(offer, text, index)));
    }
    lines.push(id ? 'Atau ketik "sales" untuk dibantu tim kami.' : 'Or type "sales" and our team will help.');
  }
  allowed.push(...offered.map((offer) => offer.price));

  const wantsCredit = understood.intents.includes("credit") && offered[0];
  if (wantsCredit && offered[0]) {
    const years = understood.financing.tenorMonths
      ? Math.max(1, Math.min(5, Math.round(understood.financing.tenorMonths / 12)))
      : 4;
    const downPct = understood.financing.downPaymentPercent ?? 30;
    const credit = simulateCredit({
      price: offered[0].price,
      downPaymentPct: downPct,
      years,
      rateBps: options.creditRateBps,
    });
    allowed.push(credit.downPayment, credit.monthly);
    lines.push(
      id
        ? `Simulasi kredit mobil no. 1: DP ${downPct}% ${formatRupiah(credit.downPayment)}, tenor ${years} tahun, angsuran sekitar ${formatRupiah(credit.monthly)}/bulan (bunga flat ${(options.creditRateBps / 100).toLocaleString("id-ID")}%/tahun, perkiraan).`
        : `Credit estimate for car no. 1: ${downPct}% down ${formatRupiah(credit.downPayment)}, ${years} years, about ${formatRupiah(credit.monthly)}/month (flat ${options.creditRateBps / 100}%/year, estimate).`,
    );
  }
  const reply = lines.join("\n");
  if (findInventedAmounts(reply, allowed).length) {
    // Never reached by our templates; kept as the guard for every future change.
    return {
      reply: id
        ? "Maaf, ada kendala menampilkan harga. Tim sales kami akan membantu."
        : "Sorry, I couldn't show prices just now; our sales team will help.",
      offered: [],
      handoff: true,
      criteria,
      buyer,
    };
  }
  return { reply, offered: offered.map((offer) => offer.stockCode), handoff: false, criteria, buyer };
}

/** The queue's job for one buyer message: compose, hand off when needed, queue the reply. */
export async function runAssistantTurn(
  tx: Tx,
  options: { tenantId: string; conversationId: string; messageId: string },
): Promise<TurnResult | null> {
  const found = await tx.waConversation.findUnique({
    where: { id: options.conversationId },
    include: { contact: true },
  });
  if (!found) return null;
  await lockContact(tx, options.tenantId, found.contact.waId ?? `u:${found.contact.waUserId ?? ""}`);
  // Read again under the lock: a message stored meanwhile may have changed the conversation.
  const conversation = await tx.waConversation.findUnique({
    where: { id: options.conversationId },
    include: { contact: true },
  });
  const message = await tx.waMessage.findUnique({ where: { id: options.messageId } });
  if (!conversation || !message || conversation.mode !== "assistant") return null;
  const tenant = await tx.tenant.findUniqueOrThrow({
    where: { id: options.tenantId },
    include: { domains: { select: { domain: true }, orderBy: { domain: "asc" }, take: 1 } },
  });
  if (tenant.status !== "active" || !tenant.assistantEnabled) return null;
  const staff = await findStaffSender(tx, conversation.contact.waId);
  if (staff) {
    // runStaffTurn queues its own reply (buttons included) under `reply:${message.id}`.
    const staffTurn = await runStaffTurn(tx, {
      tenantId: options.tenantId,
      staff,
      text: message.body ?? "",
      conversationId: conversation.id,
      messageId: message.id,
    });
    return { reply: staffTurn.reply, offered: [], handoff: false, criteria: {}, staff: staffTurn };
  }
  const state = (conversation.assistantState ?? {}) as { criteria?: unknown };
  const base = tenant.domains[0] ? `https://${tenant.domains[0].domain}` : `${appUrl()}/${tenant.slug}`;
  const result = await composeReply(tx, {
    tenantId: options.tenantId,
    text: message.body ?? "",
    previous: readStoredCriteria(state.criteria),
    showroomName: tenant.name,
    base,
    creditRateBps: tenant.creditRateBps,
    conversation: { id: conversation.id, messageId: message.id },
  });
  let assigneeId = conversation.assigneeId;
  // The LLM's handoff tool assigns and notifies itself; the local engine leaves it to us.
  if (result.handoff && !result.handoffDone) {
    const assignee = await assignRoundRobin(tx);
    assigneeId = assignee?.id ?? assigneeId;
    await tx.notification.create({
      data: {
        tenantId: options.tenantId,
        userId: assigneeId,
        kind: "conversation.handoff",
        title: `Pembeli minta dihubungi: ${conversation.contact.name ?? conversation.contact.waId ?? ""}`,
        link: `/dashboard/inbox/${conversation.id}`,
      },
    });
  }
  // The local engine keeps the lead up to date itself (an LLM does it through the same tool): a
  // buyer who was offered cars, gave a name or number, wants a visit or a person is a prospect.
  const buyer = result.buyer;
  if (
    result.engine === "local" &&
    buyer &&
    (buyer.name || buyer.phone || buyer.wantsVisit || result.handoff || result.offered.length > 0)
  ) {
    const tools = createToolExecutor(tx, {
      tenantId: options.tenantId,
      base,
      creditRateBps: tenant.creditRateBps,
      creditMinDownPct: tenant.creditMinDownPct,
      conversation: { id: conversation.id, messageId: message.id },
    });
    await tools
      .execute("create_or_update_lead", {
        name: buyer.name ?? conversation.contact.name ?? "Pembeli WhatsApp",
        phone: buyer.phone,
        interestStockCode: result.offered[0],
        budget: buyer.budget,
        note: buyer.wantsVisit ? "Ingin datang / test drive (via asisten WhatsApp)" : undefined,
      })
      .catch((error: unknown) =>
        console.warn("[assistant] lead not saved:", error instanceof Error ? error.message : error),
      );
  }
  await tx.waConversation.update({
    where: { id: conversation.id },
    data: {
      assistantState: { criteria: storeCriteria(result.criteria) } as Prisma.InputJsonValue,
      ...(result.handoff ? { mode: "human", handedOffAt: new Date(), assigneeId } : {}),
    },
  });
  await queueText(tx, {
    tenantId: options.tenantId,
    conversationId: conversation.id,
    idempotencyKey: `reply:${message.id}`,
    text: result.reply,
    sender: "assistant",
  });
  return result;
}

export { formatRupiahShort };
