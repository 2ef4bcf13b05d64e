// One offered car as the local engine lists it: title, price, gear, mileage, colour and its link.
import type { Offer } from "@/lib/assistant/local/search";
import type { Translate } from "@/lib/core/i18n/messages";
import { formatRupiah } from "@/lib/core/money";

export function describeOffer(offer: Offer, index: number, options: { t: Translate; base: string }): string {
  const { t } = options;
  const title = `${offer.brand} ${offer.model} ${offer.variant ?? ""} ${offer.year}`
    .replace(/\s+/g, " ")
    .trim();
  const gear = t(offer.transmission === "automatic" ? "assistant.gear.automatic" : "assistant.gear.manual");
  const booked = offer.status === "booked" ? t("assistant.offer.booked") : "";
  return `${index + 1}. ${title}${booked}\n   ${formatRupiah(offer.price)} · ${gear} · ${offer.mileageKm.toLocaleString("id-ID")} km${offer.color ? ` · ${offer.color}` : ""}\n   ${options.base}/vehicles/${offer.slug}`;
}
