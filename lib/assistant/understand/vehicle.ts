// What car the buyer means: brand and model (typo-tolerant, against the showroom's own stock
// names first), transmission, fuel, body type, colour, mileage, stock code and engine/trim words.
import type { KnownModel } from "@/lib/assistant/understand/criteria";
import {
  BRAND_ALIASES,
  COLORS,
  COMMON_WORDS,
  GENERIC_NAME_PARTS,
  MARKET_MODELS,
  MODEL_ALIASES,
  TRIM_WORDS,
} from "@/lib/assistant/understand/lexicon";
import {
  claim,
  eachFree,
  freeTokens,
  phrasePattern,
  type Scan,
  type Token,
  wordsBefore,
} from "@/lib/assistant/understand/text";
import type { BodyType, Fuel, Transmission } from "@/lib/generated/prisma/client";
import { editDistance, foldSpelling } from "@/lib/inventory/fuzzy";
import { parseBodyType, parseFuel, parseMileage, parseTransmission } from "@/lib/inventory/normalize";

// ---------------------------------------------------------------------------------------------
// Negation: "jangan yang manual", "bukan matic", "ga mau diesel".

const NEGATORS = new Set([
  "jangan",
  "bukan",
  "tidak",
  "no",
  "not",
  "non",
  "selain",
  "kecuali",
  "except",
  "anti",
  "hindari",
  "avoid",
]);
const NEGATION_SKIPPABLE = new Set([
  "yang",
  "mau",
  "usah",
  "pakai",
  "pake",
  "suka",
  "the",
  "a",
  "an",
  "want",
  "like",
  "mobil",
  "unit",
  "warna",
  "bahan",
  "bakar",
  "merk",
  "merek",
  "transmisi",
]);
/** "ga harus matic": a negated obligation is no preference at all. */
const OBLIGATIONS = new Set(["harus", "wajib", "mesti", "perlu", "must", "need", "have"]);

export type Polarity = "wanted" | "unwanted" | "neutral";

export function polarityBefore(text: string, index: number): Polarity {
  const words = wordsBefore(text, index, 4);
  let sawObligation = false;
  while (words.length > 0) {
    const word = words.pop() ?? "";
    if (NEGATORS.has(word)) return sawObligation ? "neutral" : "unwanted";
    if (OBLIGATIONS.has(word)) sawObligation = true;
    else if (!NEGATION_SKIPPABLE.has(word)) return "wanted";
  }
  return "wanted";
}

// ---------------------------------------------------------------------------------------------
// Brand and model

/** Same tolerance as lib/inventory/fuzzy: short words exact, longer ones one or two slips. */
function allowedSlips(length: number): number {
  return length <= 3 ? 0 : length <= 6 ? 1 : 2;
}

/** A brand or model name prepared once: folded whole, and its distinctive parts ("Pajero" of "Pajero Sport"). */
interface CompiledName {
  brand: string;
  model?: string;
  folded: string;
  parts: string[];
  multiWord: boolean;
}

function compileName(brand: string, model?: string): CompiledName {
  const name = model ?? brand;
  const folded = foldSpelling(name);
  const words = name.split(/[\s-]+/).filter(Boolean);
  const parts =
    words.length > 1
      ? words
          .filter((part) => part.length > 1 && !GENERIC_NAME_PARTS.has(part.toLowerCase()))
          .map(foldSpelling)
          .filter((part) => part && part !== folded)
      : [];
  return { brand, ...(model !== undefined ? { model } : {}), folded, parts, multiWord: words.length > 1 };
}

interface Closeness {
  distance: number;
  whole: boolean;
}

/** How close the folded typed text is to a name (or a distinctive part of it), or null if too far. */
function closeness(typed: string, name: CompiledName, wholeOnly: boolean, fuzzy: boolean): Closeness | null {
  if (typed.length < 2) return null;
  let best: Closeness | null = null;
  const consider = (candidate: string, whole: boolean) => {
    const limit = fuzzy ? allowedSlips(Math.min(typed.length, candidate.length)) : 0;
    // Lengths further apart than the allowed slips can never match: skip the edit distance.
    if (Math.abs(typed.length - candidate.length) > limit) return;
    const distance = limit === 0 ? (typed === candidate ? 0 : 1) : editDistance(typed, candidate);
    if (distance > limit) return;
    if (!best || distance < best.distance || (distance === best.distance && whole && !best.whole))
      best = { distance, whole };
  };
  consider(name.folded, true);
  if (!wholeOnly) for (const part of name.parts) consider(part, false);
  return best;
}

interface NameHit {
  brand: string;
  model?: string;
  fromStock: boolean;
  distance: number;
  whole: boolean;
}

function bestHit(hits: NameHit[]): NameHit | null {
  return hits.reduce<NameHit | null>((best, hit) => {
    if (!best) return hit;
    if (hit.distance !== best.distance) return hit.distance < best.distance ? hit : best;
    if (hit.whole !== best.whole) return hit.whole ? hit : best;
    return best;
  }, null);
}

interface Vocabulary {
  stock: KnownModel[];
  stockModels: CompiledName[];
  stockBrands: CompiledName[];
}

const MARKET_NAMES: readonly CompiledName[] = MARKET_MODELS.map((entry) =>
  compileName(entry.brand, entry.model),
);

/** Showrooms pass the same stock list turn after turn; compile it once per list. */
const vocabularies = new WeakMap<readonly KnownModel[], Vocabulary>();

function vocabularyFor(known: readonly KnownModel[]): Vocabulary {
  const cached = vocabularies.get(known);
  if (cached) return cached;
  const seen = new Set<string>();
  const stock = known.filter((entry) => {
    const key = `${entry.brand.toLowerCase()}|${entry.model.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const vocabulary: Vocabulary = {
    stock,
    stockModels: stock.map((entry) => compileName(entry.brand, entry.model)),
    stockBrands: [...new Set(stock.map((entry) => entry.brand))].map((brand) => compileName(brand)),
  };
  vocabularies.set(known, vocabulary);
  return vocabulary;
}

/** Words that belong to another reader (colours, fuels, body types) never name a model alone. */
function isAttributeWord(word: string): boolean {
  return (
    COLORS[word] !== undefined ||
    parseFuel(word) !== null ||
    parseBodyType(word) !== null ||
    (word.length > 1 && parseTransmission(word) !== null)
  );
}

function matchPhrase(phrase: string, size: number, vocabulary: Vocabulary): NameHit | null {
  const folded = foldSpelling(phrase);
  const single = size === 1;
  const common = single && (COMMON_WORDS.has(phrase) || isAttributeWord(phrase) || /^\d+$/.test(phrase));
  // A common word may still be an exact whole name ("city" is Honda City), but never a fuzzy one.
  const fuzzy = !common;
  const wholeOnly = !single || common;

  const stockHits: NameHit[] = [];
  for (const name of [...vocabulary.stockModels, ...vocabulary.stockBrands]) {
    // Several typed words may only be fuzzy for a name of several words ("pajero sprot"); for a
    // one-word name they must spell it exactly ("hr v", "xl 7"), or "mobil di" would be Mobilio.
    const hit = closeness(
      folded,
      name,
      wholeOnly || name.model === undefined,
      fuzzy && (single || name.multiWord),
    );
    if (hit)
      stockHits.push({
        brand: name.brand,
        ...(name.model !== undefined ? { model: name.model } : {}),
        fromStock: true,
        ...hit,
      });
  }
  const fromStock = bestHit(stockHits);
  if (fromStock && fromStock.distance === 0) return fromStock;
  // A name spelled exactly as another car ("ayla" when the stock has only a Calya) is that car,
  // even out of stock: the buyer should hear "not in stock", not be shown a look-alike.
  const exactElsewhere =
    aliasHit(phrase, folded, vocabulary) ?? brandAliasHit(phrase, folded) ?? marketHit(folded, false, single);
  if (exactElsewhere) return exactElsewhere;
  if (fromStock) return fromStock;
  // Market models outside the stock are a fallback, so they are held to a stricter standard:
  // exact below six letters ("senin" is Monday, not a Zenix; "sinta" a name, not a Sienta).
  return marketHit(folded, fuzzy && folded.length >= 6, single);
}

/** Nicknames ("reborn", "pajsport"), on the stock's spelling when it has the car under another name ("Innova"). */
function aliasHit(phrase: string, folded: string, vocabulary: Vocabulary): NameHit | null {
  const alias = MODEL_ALIASES[folded] ?? MODEL_ALIASES[phrase.replace(/\s+/g, "")];
  if (!alias) return null;
  const aliasFolded = foldSpelling(alias);
  const aliasParts = alias.split(/[\s-]+/).map(foldSpelling);
  const inStock =
    vocabulary.stockModels.find((name) => name.folded === aliasFolded) ??
    vocabulary.stockModels.find((name) => aliasParts.includes(name.folded));
  const market = MARKET_MODELS.find((entry) => entry.model === alias);
  const brand = inStock?.brand ?? market?.brand;
  return brand
    ? { brand, model: inStock?.model ?? alias, fromStock: Boolean(inStock), distance: 0, whole: true }
    : null;
}

const FOLDED_BRAND_ALIASES = new Map(
  Object.entries(BRAND_ALIASES).map(([alias, brand]) => [foldSpelling(alias), brand]),
);

function brandAliasHit(phrase: string, folded: string): NameHit | null {
  const brand = BRAND_ALIASES[phrase] ?? FOLDED_BRAND_ALIASES.get(folded);
  return brand ? { brand, fromStock: false, distance: 0, whole: true } : null;
}

function marketHit(folded: string, fuzzy: boolean, single: boolean): NameHit | null {
  const hits: NameHit[] = [];
  for (const name of MARKET_NAMES) {
    const hit = closeness(folded, name, true, fuzzy && (single || name.multiWord));
    if (hit)
      hits.push({
        brand: name.brand,
        ...(name.model !== undefined ? { model: name.model } : {}),
        fromStock: false,
        ...hit,
      });
  }
  return bestHit(hits);
}

/** Adjacent tokens with only spaces between them ("pajero sport", "hr v"). */
function adjacent(text: string, tokens: Token[], from: number, size: number): boolean {
  for (let index = from; index < from + size - 1; index += 1) {
    const current = tokens[index];
    const next = tokens[index + 1];
    if (!current || !next || text.slice(current.end, next.start).trim() !== "") return false;
  }
  return true;
}

/** "avanzanya", "fortunernya": the Indonesian -nya suffix hides a name. */
const withoutSuffix = (word: string) => (word.length > 6 && word.endsWith("nya") ? word.slice(0, -3) : word);

export interface NamedVehicles {
  brands: string[];
  models: KnownModel[];
  /** Names the buyer wants to avoid ("jangan toyota"). */
  avoided: string[];
}

/**
 * Brands and models in the message, in the order written. Longer phrases are tried first so "pajero
 * sport" is one name; the showroom's stock is searched before the market lexicon, so a typo lands on
 * a car the showroom really has.
 */
export function readVehicleNames(scan: Scan, known: readonly KnownModel[]): NamedVehicles {
  const vocabulary = vocabularyFor(known);
  const tokens = freeTokens(scan);
  // Long messages repeat words; each phrase is matched once.
  const memo = new Map<string, NameHit | null>();
  const match = (phrase: string, size: number) => {
    const key = `${size}|${phrase}`;
    if (!memo.has(key)) memo.set(key, matchPhrase(phrase, size, vocabulary));
    return memo.get(key) ?? null;
  };
  const result: NamedVehicles = { brands: [], models: [], avoided: [] };
  let index = 0;
  while (index < tokens.length) {
    let matched = 0;
    for (const size of [3, 2, 1]) {
      if (index + size > tokens.length || !adjacent(scan.text, tokens, index, size)) continue;
      const slice = tokens.slice(index, index + size);
      const phrase =
        size === 1 ? withoutSuffix(slice[0]?.word ?? "") : slice.map((token) => token.word).join(" ");
      const hit = match(phrase, size);
      if (!hit) continue;
      const start = slice[0]?.start ?? 0;
      const end = slice[slice.length - 1]?.end ?? start;
      claim(scan, start, end);
      if (polarityBefore(scan.text, start) === "unwanted") result.avoided.push(hit.model ?? hit.brand);
      else if (hit.model) {
        if (!result.models.some((model) => model.model === hit.model && model.brand === hit.brand))
          result.models.push({ brand: hit.brand, model: hit.model });
      } else if (!result.brands.includes(hit.brand)) result.brands.push(hit.brand);
      matched = size;
      break;
    }
    index += matched || 1;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Transmission, fuel, body type, colour

/** Chat spellings beyond lib/inventory/normalize's table. */
const EXTRA_TRANSMISSIONS: Readonly<Record<string, Transmission>> = {
  matic: "automatic",
  automatic: "automatic",
  otomatis: "automatic",
  auto: "automatic",
  "a/t": "automatic",
  "m/t": "manual",
  manual: "manual",
  "e-cvt": "automatic",
  "matic/at": "automatic",
};

/** "AT" is automatic, but English "at" ("look at") is not: lowercase "at" counts only in Indonesian. */
export function readTransmission(
  scan: Scan,
  language: "id" | "en",
  original: string,
): Transmission | undefined {
  const wanted = new Set<Transmission>();
  const unwanted = new Set<Transmission>();
  const pattern = /(?<![a-z0-9])(?:a\/t|m\/t|[a-z]+(?:-[a-z]+)?)(?![a-z0-9])/g;
  eachFree(scan, pattern, (match) => {
    const word = match[0];
    if (word === "at" && language === "en" && !/\bAT\b/.test(original)) return false;
    if (word.length < 2) return false;
    // "buku manual" is the owner's manual, a selling point, not a gearbox.
    if (word === "manual" && wordsBefore(scan.text, match.index, 1)[0] === "buku") return false;
    const transmission = EXTRA_TRANSMISSIONS[word] ?? parseTransmission(word);
    if (!transmission) return false;
    const polarity = polarityBefore(scan.text, match.index);
    if (polarity === "wanted") wanted.add(transmission);
    else if (polarity === "unwanted") unwanted.add(transmission);
    return true;
  });
  if (wanted.size === 1) return [...wanted][0];
  // "jangan yang manual": only two kinds exist, so not-manual is automatic.
  if (wanted.size === 0 && unwanted.size === 1) return unwanted.has("manual") ? "automatic" : "manual";
  return undefined;
}

const EXTRA_FUELS: Readonly<Record<string, Fuel>> = {
  hibrid: "hybrid",
  dexlite: "diesel",
  elektrik: "electric",
  "mobil listrik": "electric",
  "full listrik": "electric",
  "tenaga listrik": "electric",
  "bahan bakar solar": "diesel",
};

export function readFuel(scan: Scan): Fuel | undefined {
  const wanted = new Set<Fuel>();
  eachFree(scan, /(?<![a-z0-9])(?:mobil listrik|[a-z]+)(?![a-z0-9])/g, (match) => {
    const fuel = EXTRA_FUELS[match[0]] ?? parseFuel(match[0]);
    if (!fuel) return false;
    if (polarityBefore(scan.text, match.index) === "wanted") wanted.add(fuel);
    return true;
  });
  return wanted.size === 1 ? [...wanted][0] : undefined;
}

/**
 * Body-type phrases beyond single words. "Mobil keluarga" and "7 seater" are read as MPV, the
 * Indonesian family car; a 7-seat SUV buyer usually says "SUV".
 */
export const BODY_PHRASES: Readonly<Record<string, BodyType>> = {
  "pick up": "pickup",
  "pick-up": "pickup",
  "mobil bak": "pickup",
  "bak terbuka": "pickup",
  "double cabin": "pickup",
  "dobel kabin": "pickup",
  "d-cab": "pickup",
  "single cabin": "pickup",
  "mobil keluarga": "mpv",
  "family car": "mpv",
  "7 seater": "mpv",
  "7 seat": "mpv",
  "7 penumpang": "mpv",
  "7 orang": "mpv",
  "8 seater": "mpv",
  "7-seater": "mpv",
  "city car": "hatchback",
  citycar: "hatchback",
  "hatch back": "hatchback",
  jeep: "suv",
  crossover: "suv",
  "low cost green car": "lcgc",
  "mini bus": "van",
  "blind van": "van",
};
const BODY_PHRASE_PATTERN = phrasePattern(Object.keys(BODY_PHRASES));

export function readBodyType(scan: Scan): BodyType | undefined {
  const wanted = new Set<BodyType>();
  eachFree(scan, BODY_PHRASE_PATTERN, (match) => {
    const body = BODY_PHRASES[match[0]];
    if (!body) return false;
    if (polarityBefore(scan.text, match.index) === "wanted") wanted.add(body);
    return true;
  });
  eachFree(scan, /(?<![a-z0-9])[a-z]+(?![a-z0-9])/g, (match) => {
    const body = parseBodyType(match[0]);
    if (!body) return false;
    if (polarityBefore(scan.text, match.index) === "wanted") wanted.add(body);
    return true;
  });
  return wanted.size === 1 ? [...wanted][0] : undefined;
}

const COLOR_PATTERN = phrasePattern(Object.keys(COLORS));

export function readColor(scan: Scan): string | undefined {
  const wanted: string[] = [];
  eachFree(scan, COLOR_PATTERN, (match) => {
    const color = COLORS[match[0]];
    if (!color) return false;
    // "item" is Javanese for black, but only right after "warna".
    if (match[0] === "item" && wordsBefore(scan.text, match.index, 1)[0] !== "warna") return false;
    if (polarityBefore(scan.text, match.index) === "wanted" && !wanted.includes(color)) wanted.push(color);
    return true;
  });
  return wanted.length === 1 ? wanted[0] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Mileage, stock code, engine and trim

const KM_WORDS = `(?:km|kilometer|kilometernya|kmnya|kilo|odo|odometer|jarak tempuh|mileage|odometernya)`;
const KM_BOUNDS = String.raw`(?:(?:nya|yang|masih|di bawah|bawah|kurang dari|maksimal|<|under|below|less than|tidak lebih dari|paling|sekitar|max|of)\s*)*`;
const KM_NUMBER = String.raw`(?<num>\d{1,3}(?:\.\d{3})+|\d+)\s*(?<unit>rbuan|rban|rb|ribuan|ribu|rebu|k)?(?:\s?-?an)?`;
const MILEAGE_AFTER_WORD = new RegExp(
  String.raw`(?<![a-z])${KM_WORDS}\s*${KM_BOUNDS}${KM_NUMBER}(?:\s*km)?(?![a-z0-9])`,
  "g",
);
const MILEAGE_BEFORE_WORD = new RegExp(
  String.raw`(?<![a-z0-9.,])${KM_BOUNDS}${KM_NUMBER}\s*(?:km|kilometer|kilo)(?![a-z0-9])`,
  "g",
);

/**
 * The most kilometres the buyer accepts. "km dibawah 50" means 50 ribu: nobody asks for a car
 * under 50 km, so a bare number below 1000 next to "km" is in thousands.
 */
export function readMileage(scan: Scan): number | undefined {
  let mileage: number | undefined;
  const take = (match: RegExpExecArray) => {
    const number = match.groups?.num ?? "";
    const unit = match.groups?.unit;
    // "calya 2016 km rendah": a model year next to "km" is still a year.
    if (!unit && /^(19|20)\d\d$/.test(number)) return false;
    let value = parseMileage(unit ? `${number} rb` : number);
    if (value !== null && !unit && value < 1000) value *= 1000;
    if (value === null || value === 0) return false;
    mileage = value;
    return true;
  };
  eachFree(scan, MILEAGE_AFTER_WORD, take);
  eachFree(scan, MILEAGE_BEFORE_WORD, take);
  return mileage;
}

const STOCK_CODE = /(?<![a-z0-9-])(?<prefix>[a-z]{2,4})-(?<num>\d{3,5})(?![a-z0-9-])/g;
const STOCK_CODE_AFTER_CUE =
  /(?<![a-z])(?:kode|stok|stock|code|#)\s*(?:unit\s*)?(?<prefix>[a-z]{1,4})[-\s]?(?<num>\d{2,5})(?![a-z0-9])/g;

/** "MJ-001", "kode mj 001": codes as showrooms print them, upper-cased with the dash. */
export function readStockCode(scan: Scan): string | undefined {
  let code: string | undefined;
  const take = (match: RegExpExecArray) => {
    code = `${(match.groups?.prefix ?? "").toUpperCase()}-${match.groups?.num ?? ""}`;
    return true;
  };
  eachFree(scan, STOCK_CODE_AFTER_CUE, take);
  eachFree(scan, STOCK_CODE, take);
  return code;
}

/** "1.5 G", "1.3 X": a trim letter right after the engine size (not "a"/"m", which are gearboxes). */
const ENGINE_LITRES =
  /(?<![a-z0-9.,])(?<size>\d[.,]\d)(?:\s*(?:l|liter|litre))?(?:\s+(?<trim>[egvsqxr]))?(?![0-9a-z%]|[.,]\d)/g;
const ENGINE_CC = /(?<![a-z0-9.,])(?<cc>\d{3,4})\s*cc(?![a-z0-9])/g;

/** Engine size and drive ("1.5 G", "4x2"), kept as free text because they live in the variant ("1.5 G CVT"). */
export function readVariantWords(scan: Scan): string[] {
  const words: string[] = [];
  eachFree(scan, ENGINE_LITRES, (match) => {
    const trim = match.groups?.trim;
    words.push(`${(match.groups?.size ?? "").replace(",", ".")}${trim ? ` ${trim.toUpperCase()}` : ""}`);
    return true;
  });
  eachFree(scan, ENGINE_CC, (match) => {
    const cc = Number(match.groups?.cc);
    if (cc < 600 || cc > 7000) return false;
    words.push((Math.round(cc / 100) / 10).toFixed(1));
    return true;
  });
  eachFree(scan, /(?<![a-z0-9])(?<drive>[42]x[24]|awd|4wd|2wd)(?![a-z0-9])/g, (match) => {
    words.push((match.groups?.drive ?? "").toUpperCase());
    return true;
  });
  return words;
}

/** Trim words ("RS", "TRD", "Dakar"), read after the names so "yaris cross" can still be a model. */
export function readTrimWords(scan: Scan): string[] {
  const words: string[] = [];
  for (const token of freeTokens(scan)) {
    if (TRIM_WORDS.has(token.word)) {
      words.push(token.word.toUpperCase());
      claim(scan, token.start, token.end);
    }
  }
  return words;
}
