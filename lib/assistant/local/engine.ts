// The local engine (offline, deterministic): one buyer message is read by the parser, the stock is
// searched with its criteria, and the reply is written from message templates in the buyer's
// language. Every car it names comes from this turn's search, every price is written by our code
// from the database, and a last check refuses any reply carrying a Rupiah amount that neither the
// search results nor the buyer's own message contain.
import "server-only";
import { findInventedAmounts } from "@/lib/assistant/grounding";
import { describeOffer } from "@/lib/assistant/local/describe";
import { nearestAlternatives, searchOffers } from "@/lib/assistant/local/search";
import type { BuyerReply, ReplyOptions } from "@/lib/assistant/reply";
import {
  type SearchCriteria,
  type Understanding,
  understandBuyerMessage,
} from "@/lib/assistant/understand/buyer-message";
import { simulateCredit } from "@/lib/core/credit";
import type { Tx } from "@/lib/core/db/client";
import { translator } from "@/lib/core/i18n/messages";
import { formatRupiah } from "@/lib/core/money";
import { listedWhere } from "@/lib/inventory/listing";

/** Composes the reply to one buyer message. Pure over the transaction: no sending, no lead, no handoff. */
export async function composeLocalReply(tx: Tx, options: ReplyOptions): Promise<BuyerReply> {
  const vocabulary = await tx.vehicle.findMany({
    where: listedWhere,
    distinct: ["brand", "model"],
    select: { brand: true, model: true },
  });
  const cities = (
    await tx.vehicle.findMany({
      where: { ...listedWhere, city: { not: null } },
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
  const locale = understood.language;
  const t = translator(locale);
  const showroom = options.showroomName;
  const buyer = {
    name: understood.name,
    phone: understood.phone,
    budget: understood.statedCriteria.priceMax,
    wantsVisit: understood.intents.includes("visit"),
  };
  const criteria = understood.criteria;

  if (
    understood.intents.some(
      (intent) => intent === "human" || intent === "negotiation" || intent === "complaint",
    )
  ) {
    return { reply: t("assistant.buyer.handoff", { showroom }), offered: [], handoff: true, criteria, buyer };
  }

  const hasAny = (value: SearchCriteria) => Object.values(value).some((entry) => entry !== undefined);
  const stated = hasAny(understood.statedCriteria);
  // The conversation's criteria carry over, but only a message that asks something searches again:
  // "terima kasih" after a search is not a new search.
  const asks = understood.intents.some(
    (intent) => intent === "search" || intent === "details" || intent === "photos" || intent === "credit",
  );
  if (!stated && understood.intents.includes("thanks") && !asks)
    return { reply: t("assistant.buyer.thanks", { showroom }), offered: [], handoff: false, criteria, buyer };
  if (!hasAny(criteria) || (!stated && !asks))
    return {
      reply: t("assistant.buyer.greeting", { showroom }),
      offered: [],
      handoff: false,
      criteria,
      buyer,
    };

  const offers = await searchOffers(tx, criteria);
  const allowed: bigint[] = [...understood.mentionedAmounts];
  const lines: string[] = [];
  const describe = { t, base: options.base };
  let offered = offers;
  if (offers.length) {
    lines.push(t("assistant.buyer.matches", { showroom }));
    lines.push(...offers.map((offer, index) => describeOffer(offer, index, describe)));
  } else {
    const alternatives = await nearestAlternatives(tx, criteria);
    offered = alternatives;
    lines.push(t("assistant.buyer.noMatch"));
    if (alternatives.length) {
      lines.push(t("assistant.buyer.alternatives"));
      lines.push(...alternatives.map((offer, index) => describeOffer(offer, index, describe)));
    }
    lines.push(t("assistant.buyer.orAskSales"));
  }
  allowed.push(...offered.map((offer) => offer.price));

  const first = understood.intents.includes("credit") ? offered[0] : undefined;
  if (first) {
    const years = understood.financing.tenorMonths
      ? Math.max(1, Math.min(5, Math.round(understood.financing.tenorMonths / 12)))
      : 4;
    const downPct = understood.financing.downPaymentPercent ?? 30;
    const credit = simulateCredit({
      price: first.price,
      downPaymentPct: downPct,
      years,
      rateBps: options.creditRateBps,
    });
    allowed.push(credit.downPayment, credit.monthly);
    lines.push(
      t("assistant.buyer.credit", {
        downPct,
        downPayment: formatRupiah(credit.downPayment),
        years,
        monthly: formatRupiah(credit.monthly),
        rate:
          locale === "id"
            ? (options.creditRateBps / 100).toLocaleString("id-ID")
            : options.creditRateBps / 100,
      }),
    );
  }
  const reply = lines.join("\n");
  if (findInventedAmounts(reply, allowed).length) {
    // Never reached by our templates; kept as the guard for every future change.
    return { reply: t("assistant.buyer.priceProblem"), offered: [], handoff: true, criteria, buyer };
  }
  return { reply, offered: offered.map((offer) => offer.stockCode), handoff: false, criteria, buyer };
}
