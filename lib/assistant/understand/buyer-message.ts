// The offline ("local" provider) understanding of a buyer's WhatsApp message: what car they are
// looking for, what they want done, how they want to pay, who they are. Pure and deterministic:
// the same text, options and date give the same answer, with no I/O.

import { readName, readPhone } from "@/lib/assistant/understand/contact";
import {
  type Financing,
  INTENTS,
  type Intent,
  type KnownModel,
  type Language,
  SearchCriteria,
} from "@/lib/assistant/understand/criteria";
import {
  mentionsSearch,
  OTHER_COLOR,
  RESET_ALL,
  RESET_MODEL,
  readPhraseIntents,
} from "@/lib/assistant/understand/intents";
import { detectLanguage, ENGLISH_WORDS } from "@/lib/assistant/understand/language";
import { BRAND_ALIASES, CHAT_FILLERS, COLORS, COMMON_WORDS } from "@/lib/assistant/understand/lexicon";
import { readMoney } from "@/lib/assistant/understand/money";
import { readPlaces } from "@/lib/assistant/understand/places";
import {
  claim,
  createScan,
  freeTokens,
  normalizeMessage,
  type Scan,
  SLANG,
  tokenize,
} from "@/lib/assistant/understand/text";
import {
  readBodyType,
  readColor,
  readFuel,
  readMileage,
  readStockCode,
  readTransmission,
  readTrimWords,
  readVariantWords,
  readVehicleNames,
} from "@/lib/assistant/understand/vehicle";
import { readYears } from "@/lib/assistant/understand/years";

export {
  type Financing,
  INTENTS,
  type Intent,
  type KnownModel,
  type Language,
  readStoredCriteria,
  SearchCriteria,
  type StoredCriteria,
  StoredSearchCriteria,
  storeCriteria,
} from "@/lib/assistant/understand/criteria";
export { INTENT_PHRASES } from "@/lib/assistant/understand/intents";
export { detectLanguage } from "@/lib/assistant/understand/language";
export {
  BRAND_ALIASES,
  COLORS,
  COMMON_WORDS,
  MARKET_MODELS,
  MODEL_ALIASES,
  TRIM_WORDS,
} from "@/lib/assistant/understand/lexicon";
export {
  aroundBand,
  PRICE_AROUND_CUES,
  PRICE_MAX_CUES,
  PRICE_MIN_CUES,
  type PriceRange,
} from "@/lib/assistant/understand/money";
export {
  amountToRupiah,
  NUMBER_WORDS,
  parseIndonesianNumberWords,
  replaceNumberWords,
} from "@/lib/assistant/understand/numbers";
export { CITY_ALIASES, INDONESIAN_CITIES } from "@/lib/assistant/understand/places";
export { normalizeMessage, SLANG } from "@/lib/assistant/understand/text";
export { BODY_PHRASES } from "@/lib/assistant/understand/vehicle";

export interface UnderstandOptions {
  /** The showroom's stock names, so typos land on cars it really has. */
  brands: readonly KnownModel[];
  /** The showroom's cities ("Jakarta Selatan", "Depok"); a national list is the fallback. */
  cities?: readonly string[];
  /** The criteria in force before this message, for follow-ups ("yang matic ada?"). */
  previous?: SearchCriteria;
  /** Today, for "5 tahun terakhir" and for the newest plausible model year. */
  now?: Date;
}

export interface Understanding {
  /** The search after this message: `previous` refined by what this message said. */
  criteria: SearchCriteria;
  /** What this message alone said. */
  statedCriteria: SearchCriteria;
  intents: Intent[];
  financing: Financing;
  language: Language;
  name?: string;
  phone?: string;
  /** Where the buyer lives ("saya dari Bekasi"): not a filter on the cars. */
  buyerCity?: string;
  /** 0 when nothing was understood; the share of meaningful words that were understood otherwise. */
  confidence: number;
  /** Every Rupiah amount the buyer wrote, in order: the grounding check allows only these and stock prices. */
  mentionedAmounts: bigint[];
  /** Every model named, in order ("avanza atau xenia"); criteria carry the first. */
  models: KnownModel[];
  /** Brands or models the buyer ruled out ("selain toyota", "jangan xpander"). */
  avoided: string[];
  /** The buyer asked to start over ("cari yang lain"). */
  reset: boolean;
  /** Words nobody understood, for evaluation and for the LLM provider's hint. */
  unrecognized: string[];
}

/** "all": start over ("cari yang lain"); "model": another car, same budget ("model lain"); "color": another colour. */
export type ResetKind = "all" | "model" | "color" | null;

function detectReset(scan: Scan): ResetKind {
  if (RESET_ALL.test(scan.text)) return "all";
  if (OTHER_COLOR.test(scan.text)) return "color";
  if (RESET_MODEL.test(scan.text)) return "model";
  return null;
}

/** Drops undefined fields and validates, so criteria compare and serialise cleanly. */
function compactCriteria(criteria: SearchCriteria): SearchCriteria {
  const parsed = SearchCriteria.safeParse(
    Object.fromEntries(Object.entries(criteria).filter(([, value]) => value !== undefined)),
  );
  return parsed.success ? parsed.data : {};
}

function without(criteria: SearchCriteria, keys: readonly (keyof SearchCriteria)[]): SearchCriteria {
  const copy = { ...criteria };
  for (const key of keys) delete copy[key];
  return copy;
}

const SEARCH_FIELDS: readonly (keyof SearchCriteria)[] = [
  "brand",
  "model",
  "yearMin",
  "yearMax",
  "priceMin",
  "priceMax",
  "transmission",
  "fuel",
  "bodyType",
  "color",
  "city",
  "mileageMax",
  "query",
];

const saysSomethingToSearch = (criteria: SearchCriteria) =>
  SEARCH_FIELDS.some((key) => criteria[key] !== undefined);

/**
 * A follow-up refines the previous search. A new model replaces the car (and the body type that
 * came with it) but keeps the buyer's own limits: budget, years, transmission, fuel, colour, city,
 * mileage. A new brand drops the old model. Year and price bounds are replaced as pairs, so
 * "kalau yang 2020?" after "2017-2019" means 2020, not 2017-2020.
 */
export function mergeCriteria(
  previous: SearchCriteria | undefined,
  stated: SearchCriteria,
  reset: ResetKind = null,
): SearchCriteria {
  // A stock code names one car exactly; older filters could only hide it ("sudah terjual" when it is not).
  if (!previous || reset === "all" || stated.stockCode) return compactCriteria(stated);
  let base: SearchCriteria = { ...previous };
  // A question about "that car" ("ada fotonya?") keeps the car; any new search leaves it.
  if (saysSomethingToSearch(stated) || reset) base = without(base, ["stockCode"]);
  if (reset === "model") base = without(base, ["brand", "model", "bodyType", "query"]);
  if (reset === "color") base = without(base, ["color"]);
  if (stated.model) base = without(base, ["brand", "model", "bodyType", "query"]);
  else if (stated.brand && stated.brand.toLowerCase() !== base.brand?.toLowerCase())
    base = without(base, ["model", "query"]);
  if (stated.yearMin !== undefined || stated.yearMax !== undefined)
    base = without(base, ["yearMin", "yearMax"]);
  if (stated.priceMin !== undefined || stated.priceMax !== undefined)
    base = without(base, ["priceMin", "priceMax"]);
  return compactCriteria({ ...base, ...compactCriteria(stated) });
}

/** Names the name reader must not take for a person ("ini Avanza", "saya Bekasi"). */
function reservedWords(options: UnderstandOptions): Set<string> {
  const words = new Set<string>([...Object.keys(BRAND_ALIASES), ...Object.keys(COLORS), ...COMMON_WORDS]);
  for (const entry of options.brands) {
    for (const word of `${entry.brand} ${entry.model}`.toLowerCase().split(/[\s-]+/)) words.add(word);
  }
  for (const city of options.cities ?? [])
    for (const word of city.toLowerCase().split(/\s+/)) words.add(word);
  return words;
}

const MEANINGLESS = new Set([...COMMON_WORDS, ...CHAT_FILLERS, ...ENGLISH_WORDS, ...Object.values(SLANG)]);

/** The share of meaningful words that some reader understood; fillers count neither way. */
function measureConfidence(scan: Scan): { confidence: number; unrecognized: string[] } {
  const spans = [...scan.claimed, ...scan.noted];
  let understood = 0;
  const unrecognized: string[] = [];
  for (const token of tokenize(scan.text)) {
    if (spans.some((span) => span.start < token.end && token.start < span.end)) understood += 1;
    else if (!MEANINGLESS.has(token.word)) unrecognized.push(token.word);
  }
  if (understood === 0) return { confidence: 0, unrecognized };
  return {
    confidence: Math.round((understood / (understood + unrecognized.length)) * 100) / 100,
    unrecognized,
  };
}

/** The name was read from the original text; claim its words in the normalised one. */
function claimWords(scan: Scan, words: readonly string[]): void {
  for (const token of freeTokens(scan)) if (words.includes(token.word)) claim(scan, token.start, token.end);
}

function orderIntents(found: Iterable<Intent>): Intent[] {
  const set = new Set(found);
  return INTENTS.filter((intent) => set.has(intent));
}

function compactFinancing(financing: Financing): Financing {
  return {
    ...(financing.downPayment !== undefined ? { downPayment: financing.downPayment } : {}),
    ...(financing.downPaymentPercent !== undefined
      ? { downPaymentPercent: financing.downPaymentPercent }
      : {}),
    ...(financing.tenorMonths !== undefined ? { tenorMonths: financing.tenorMonths } : {}),
    ...(financing.monthlyBudget !== undefined ? { monthlyBudget: financing.monthlyBudget } : {}),
  };
}

/**
 * Reads one buyer message. Extractors run from the most to the least specific and claim what they
 * read, so a phone number is never a price, "DP 30jt" never a budget and "2020" never money.
 */
export function understandBuyerMessage(text: string, options: UnderstandOptions): Understanding {
  const now = options.now ?? new Date();
  const language = detectLanguage(text.toLowerCase());
  const scan = createScan(normalizeMessage(text));

  const phone = readPhone(scan);
  const stockCode = readStockCode(scan);
  const mileageMax = readMileage(scan);
  const money = readMoney(scan, now);
  const years = readYears(scan, now);
  const variantWords = readVariantWords(scan);
  const bodyType = readBodyType(scan);
  // The buyer's name first, so "aku Sinta" is a person and not a typo for a Toyota Sienta.
  const name = readName(text, reservedWords(options));
  if (name) claimWords(scan, name.toLowerCase().split(" "));
  const names = readVehicleNames(scan, options.brands);
  const trimWords = readTrimWords(scan);
  const transmission = readTransmission(scan, language, text);
  const fuel = readFuel(scan);
  const color = readColor(scan);
  const places = readPlaces(scan, options.cities ?? [], name !== undefined);
  const reset = detectReset(scan);

  const firstModel = names.models[0];
  const statedCriteria = compactCriteria({
    brand: firstModel?.brand ?? names.brands[0],
    model: firstModel?.model,
    yearMin: years.min,
    yearMax: years.max,
    priceMin: money.price.min,
    priceMax: money.price.max,
    transmission,
    fuel,
    bodyType,
    color,
    city: places.city,
    mileageMax,
    stockCode,
    query: [...variantWords, ...trimWords].join(" ") || undefined,
  });
  const financing = compactFinancing(money.financing);

  const intents = new Set<Intent>(readPhraseIntents(scan));
  if (stockCode) intents.add("details");
  if (Object.keys(financing).length > 0) intents.add("credit");
  if (name || phone) intents.add("contact_info");
  if (
    saysSomethingToSearch(statedCriteria) ||
    names.avoided.length > 0 ||
    reset !== null ||
    mentionsSearch(scan, [...intents])
  )
    intents.add("search");

  const { confidence, unrecognized } = measureConfidence(scan);
  return {
    criteria: mergeCriteria(options.previous, statedCriteria, reset),
    statedCriteria,
    intents: orderIntents(intents),
    financing,
    language,
    ...(name ? { name } : {}),
    ...(phone ? { phone } : {}),
    ...(places.buyerCity ? { buyerCity: places.buyerCity } : {}),
    confidence,
    mentionedAmounts: money.mentioned,
    models: names.models,
    avoided: names.avoided,
    reset: reset === "all",
    unrecognized,
  };
}

/** A buyer's budget phrase on its own ("dibawah 300", "100-150 juta", "200an") as a price range. */
export function parseBudget(text: string, now: Date = new Date()): { min?: bigint; max?: bigint } {
  const scan = createScan(normalizeMessage(text));
  const { price } = readMoney(scan, now);
  return {
    ...(price.min !== undefined ? { min: price.min } : {}),
    ...(price.max !== undefined ? { max: price.max } : {}),
  };
}
