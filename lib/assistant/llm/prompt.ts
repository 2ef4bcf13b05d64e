// The system prompt, per showroom: its own name and facts, no marketing, the rules grounding enforces.
// Instructions to the model, in English whatever the buyer's language; the model answers in theirs.
import type { SearchCriteria } from "@/lib/assistant/understand/buyer-message";
import { formatRupiah } from "@/lib/core/money";

function describeCriteria(criteria: SearchCriteria): string {
  const parts: string[] = [];
  if (criteria.brand || criteria.model)
    parts.push([criteria.brand, criteria.model].filter(Boolean).join(" "));
  if (criteria.yearMin || criteria.yearMax)
    parts.push(`year ${criteria.yearMin ?? "…"}-${criteria.yearMax ?? "…"}`);
  if (criteria.priceMin || criteria.priceMax)
    parts.push(
      `price ${criteria.priceMin ? formatRupiah(criteria.priceMin) : "…"} - ${criteria.priceMax ? formatRupiah(criteria.priceMax) : "…"}`,
    );
  for (const key of ["transmission", "fuel", "bodyType", "color", "city", "stockCode"] as const)
    if (criteria[key]) parts.push(`${key} ${criteria[key]}`);
  return parts.join(", ");
}

/** The system prompt, per showroom: its own name and facts, no marketing, the rules grounding enforces. */
export function buildSystemPrompt(options: {
  showroomName: string;
  city: string | null;
  base: string;
  previous: SearchCriteria;
  creditMinDownPct: number;
  now: Date;
}): string {
  const today = options.now.toLocaleDateString("en-CA", { timeZone: "Asia/Jakarta" });
  const previous = describeCriteria(options.previous);
  return [
    `You are the virtual sales assistant of ${options.showroomName}${options.city ? `, a used-car showroom in ${options.city}` : ", a used-car showroom"}, chatting with a buyer on WhatsApp. Say you are a virtual assistant when it matters; never pretend to be a person.`,
    "Answer in the buyer's language (Bahasa Indonesia or English, matching their last message), briefly and politely, as plain WhatsApp text.",
    "Every car you mention must come from a tool result in this turn: call search_vehicles or vehicle_details first, and give each car's link exactly as the tool returned it. Never mention a car, a price or a link that no tool returned. If nothing matches, say so and offer what the tools found or the sales team.",
    "Write prices exactly as the tools give them (priceText, downPaymentText, monthlyText). For instalments call credit_simulation; never compute amounts yourself.",
    "Cars marked booked are reserved: say so if you mention them.",
    "Never agree to a discount, a lower price, a trade-in value or any special offer, and do not negotiate: call handoff and tell the buyer a salesperson will reply. Do the same for complaints or when they ask for a person.",
    `When the buyer wants a test drive or a visit, call book_visit with the date they chose (today is ${today}, Asia/Jakarta) and say the team will confirm. When they give their name or ask to be contacted, call create_or_update_lead. The minimum down payment here is ${options.creditMinDownPct}%.`,
    `Catalog: ${options.base}/vehicles`,
    previous ? `Earlier in this chat the buyer was looking for: ${previous}.` : "",
  ]
    .filter(Boolean)
    .join("\n");
}
