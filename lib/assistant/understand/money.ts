// Money in a buyer's message: the car's price range ("dibawah 300", "100-150 juta", "200an") and,
// kept apart from it, how they want to pay ("DP 30jt", "cicilan 5jt/bulan", "tenor 4 tahun", "x47").
import type { Financing } from "@/lib/assistant/understand/criteria";
import {
  AMOUNT_UNITS,
  amountToRupiah,
  type BareScale,
  integerPart,
} from "@/lib/assistant/understand/numbers";
import {
  eachFree,
  endsWithCue,
  type Scan,
  startsWithCue,
  wordsAfter,
  wordsBefore,
} from "@/lib/assistant/understand/text";

const JUTA = 1_000_000n;
/**
 * Below this an amount is not a car price but a booking fee, a discount or a transfer ("tanda jadi
 * 2jt", "kurang 10 juta"); the cheapest cars showrooms list start around 20 juta. Above the ceiling, a typo.
 */
const CAR_PRICE_FLOOR = 15_000_000n;
const CAR_PRICE_CEILING = 100_000_000_000n;

const NUM = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+(?:[.,]\d{1,3})?`;
// A one-letter unit must end the word: "150 kan harganya" is the particle "kan", not 150k + "an".
const UNIT = AMOUNT_UNITS.map((unit) => (unit.length === 1 ? `${unit}(?![a-z])` : unit)).join("|");
const BEFORE = `(?<![a-z0-9.,/])`;
const AFTER = String.raw`(?![a-z0-9%]|[.,]\d)`;

/** One amount as typed, with named groups `${name}Rp`, `${name}Num`, `${name}Unit`, `${name}An`. */
function amountSource(name: string): string {
  return String.raw`(?<${name}Rp>rp\.?\s*)?(?<${name}Num>${NUM})(?:\s*(?<${name}Unit>${UNIT}))?(?<${name}An>\s?-?an)?`;
}

interface TypedAmount {
  rp: boolean;
  number: string;
  unit: string | undefined;
  around: boolean;
}

function typedAmount(groups: Record<string, string | undefined>, name: string): TypedAmount {
  return {
    rp: Boolean(groups[`${name}Rp`]),
    number: groups[`${name}Num`] ?? "",
    unit: groups[`${name}Unit`],
    around: Boolean(groups[`${name}An`]),
  };
}

/** Written so that it can only be money: a unit, "Rp", or a full Rupiah figure. */
function isExplicitMoney(amount: TypedAmount): boolean {
  return (
    amount.unit !== undefined ||
    amount.rp ||
    /^\d{1,3}(\.\d{3}){2,}/.test(amount.number) ||
    /^\d{7,}$/.test(amount.number)
  );
}

export function isYearLike(number: string, now: Date): boolean {
  if (!/^\d{4}$/.test(number)) return false;
  const year = Number(number);
  return year >= 1950 && year <= now.getFullYear() + 1;
}

/** "1.5", "2,4": an engine size, not money. */
const isEngineLike = (number: string) => /^\d[.,]\d$/.test(number);

/** Words after a bare number that make it a count, not money: "7 seater", "5 tahun", "2 unit". */
const NOT_MONEY_AFTER = new Set([
  "tahun",
  "bulan",
  "hari",
  "minggu",
  "jam",
  "menit",
  "km",
  "kilo",
  "kilometer",
  "seater",
  "seat",
  "seats",
  "orang",
  "penumpang",
  "unit",
  "cc",
  "x",
  "kali",
  "pintu",
  "baris",
  "persen",
  "percent",
  "tangan",
  "years",
  "year",
  "months",
  "month",
  "days",
  "people",
  "doors",
  "kursi",
  "owner",
  "owners",
  "liter",
  "l",
  "speed",
  "door",
]);

function followedByCount(text: string, end: number): boolean {
  const [next = "", afterNext = ""] = wordsAfter(text, end, 2);
  // "150an tahun 2018": "tahun" opens the next phrase when a year follows it.
  if (next === "tahun" && /^(?:\d{2}|\d{4})$/.test(afterNext)) return false;
  return NOT_MONEY_AFTER.has(next) || next.startsWith("%");
}

/** "tahun 19", "year 18": a bare number right after a year word is a year, even with "ke atas" after it. */
const YEAR_WORDS = new Set(["tahun", "year", "keluaran", "rakitan", "produksi", "model"]);
const precededByYearWord = (text: string, start: number) =>
  YEAR_WORDS.has(wordsBefore(text, start, 1)[0] ?? "");

interface Mention {
  index: number;
  amount: bigint;
}

// ---------------------------------------------------------------------------------------------
// Financing

const FINANCING_FILLERS = [
  "nya",
  "saya",
  "cuma",
  "hanya",
  "ada",
  "sekitar",
  "kisaran",
  "maksimal",
  "minimal",
  "di bawah",
  "sebesar",
  "siap",
  "paling",
  "around",
  "of",
  "only",
  "about",
  "just",
  "under",
  "is",
  "ready",
  "mampu",
  "sanggup",
  "kuat",
  "punya",
  "tersedia",
  "dana",
  "budget",
  "max",
  "sampai",
  "kalau",
  "yang",
  "=",
  "per bulan",
  "perbulan",
  "sebulan",
  "bulan",
  "per month",
  "a month",
  "monthly",
  "tidak lebih dari",
  "kurang dari",
  "berani",
  "mau",
  "bisa",
  "my",
  "i",
  "can",
  "afford",
  "pay",
  "bayar",
  "di",
  "angka",
  "mungkin",
  "kira-kira",
  "siapin",
  "disiapkan",
  "awal",
];
const FILLERS = `(?:\\s+(?:${FINANCING_FILLERS.map((word) => word.replace(/[=]/g, "\\$&")).join("|")}))*`;

const DOWN_PAYMENT_WORDS = `(?:dp|tdp|uang muka|down ?payment|down-payment)`;
const MONTHLY_WORDS = `(?:cicilan|angsuran|installment|instalment|monthly payment|monthly|bayar bulanan|per bulan|perbulan|sebulan)`;
const PER_MONTH = String.raw`\s*(?:/\s*|per\s*|se|a\s+|each\s+|tiap\s+|setiap\s+)(?:bulan|month|mo|bulannya)(?![a-z])`;
const CREDIT_WORDS =
  /(?<![a-z])(kredit|credit|cicilan|angsuran|dp|tdp|tenor|leasing|loan|installment|instalment|financing|finance|uang muka)(?![a-z])/;

const DOWN_PAYMENT_PERCENT = new RegExp(
  String.raw`(?<![a-z])${DOWN_PAYMENT_WORDS}(?:nya)?${FILLERS}\s*(?<pct>\d{1,2}(?:[.,]\d)?)\s*(?:%|persen|percent)`,
  "g",
);
const PERCENT_FOR_DOWN_PAYMENT = new RegExp(
  String.raw`(?<![a-z0-9.,])(?<pct>\d{1,2}(?:[.,]\d)?)\s*(?:%|persen|percent)\s+(?:(?:untuk|buat|for|as|of)\s+)?${DOWN_PAYMENT_WORDS}(?![a-z])`,
  "g",
);
const DOWN_PAYMENT_AMOUNT = new RegExp(
  String.raw`(?<![a-z])${DOWN_PAYMENT_WORDS}(?:nya)?${FILLERS}\s*${amountSource("a")}${AFTER}`,
  "g",
);
const AMOUNT_FOR_DOWN_PAYMENT = new RegExp(
  String.raw`${BEFORE}${amountSource("a")}\s+(?:untuk|buat|for|as)\s+${DOWN_PAYMENT_WORDS}(?![a-z])`,
  "g",
);
const MONTHLY_AMOUNT = new RegExp(
  String.raw`(?<![a-z])${MONTHLY_WORDS}(?:nya)?${FILLERS}\s*${amountSource("a")}${AFTER}`,
  "g",
);
const AMOUNT_PER_MONTH = new RegExp(
  String.raw`${BEFORE}${amountSource("a")}(?:${PER_MONTH}|(?=\s*x\s?\d{2}(?!\d)))`,
  "g",
);
const TENOR = new RegExp(
  String.raw`(?<![a-z])(?:tenor|tenornya|jangka waktu)${FILLERS}\s*(?<n>\d{1,3})\s*(?<unit>tahun|bulan|x|kali|years?|months?|thn)?(?![a-z0-9])`,
  "g",
);
const TENOR_TIMES_BEFORE = /(?<![a-z0-9])x\s?(?<n>\d{2})(?!\d)/g;
const TENOR_TIMES_AFTER = /(?<![a-z0-9.,])(?<n>\d{2})\s?x(?![a-z0-9])/g;
const DURATION = /(?<![a-z0-9.,])(?<n>\d{1,2})\s*(?<unit>tahun|bulan|years?|months?)(?![a-z0-9])/g;

/** "4 tahun" -> 48; "tenor 4" (a small bare number) is years; "tenor 36" months. */
function tenorMonths(count: number, unit: string | undefined): number | null {
  const months =
    unit && /^(tahun|thn|year)/.test(unit) ? count * 12 : !unit && count <= 8 ? count * 12 : count;
  return months >= 3 && months <= 120 ? months : null;
}

/** A number of years or months is a tenor only when the message talks about credit and not about age. */
function isCreditDuration(text: string, start: number, end: number): boolean {
  if (!CREDIT_WORDS.test(text)) return false;
  const before = wordsBefore(text, start, 2);
  const after = wordsAfter(text, end, 2);
  if (before.some((word) => ["umur", "usia", "pemakaian", "pakai", "dipakai", "terakhir"].includes(word)))
    return false;
  return !after.some((word) =>
    ["terakhir", "ke", "old", "belakang", "kebelakang", "lalu", "ago"].includes(word),
  );
}

function readFinancing(scan: Scan, mentions: Mention[]): Financing {
  const financing: Financing = {};
  const { text } = scan;

  const takePercent = (match: RegExpExecArray) => {
    const percent = Number((match.groups?.pct ?? "").replace(",", "."));
    if (!(percent > 0 && percent < 100)) return false;
    financing.downPaymentPercent = percent;
    return true;
  };
  eachFree(scan, DOWN_PAYMENT_PERCENT, takePercent);
  eachFree(scan, PERCENT_FOR_DOWN_PAYMENT, takePercent);

  const isCountOrYear = (typed: TypedAmount, end: number) =>
    !typed.unit && (followedByCount(text, end) || /^(19|20)\d\d$/.test(typed.number));

  const takeDownPayment = (match: RegExpExecArray) => {
    const typed = typedAmount(match.groups ?? {}, "a");
    if (isCountOrYear(typed, match.index + match[0].length)) return false;
    const amount = amountToRupiah(typed.number, typed.unit, "juta");
    if (amount === null) return false;
    financing.downPayment = amount;
    mentions.push({ index: match.index, amount });
    return true;
  };
  eachFree(scan, DOWN_PAYMENT_AMOUNT, takeDownPayment);
  eachFree(scan, AMOUNT_FOR_DOWN_PAYMENT, takeDownPayment);

  eachFree(scan, TENOR, (match) => {
    const months = tenorMonths(Number(match.groups?.n), match.groups?.unit);
    if (months === null) return false;
    financing.tenorMonths = months;
    return true;
  });
  for (const pattern of [TENOR_TIMES_BEFORE, TENOR_TIMES_AFTER]) {
    eachFree(scan, pattern, (match) => {
      const months = Number(match.groups?.n);
      if (months < 6 || months > 96) return false;
      financing.tenorMonths = months;
      return true;
    });
  }
  eachFree(scan, DURATION, (match) => {
    if (!isCreditDuration(text, match.index, match.index + match[0].length)) return false;
    const months = tenorMonths(Number(match.groups?.n), match.groups?.unit);
    if (months === null) return false;
    financing.tenorMonths = months;
    return true;
  });

  const takeMonthly = (match: RegExpExecArray) => {
    const typed = typedAmount(match.groups ?? {}, "a");
    if (isCountOrYear(typed, match.index + match[0].length)) return false;
    // "cicilan 5" is 5 juta; "cicilan 4500" is 4500 ribu; "cicilan 4500000" is Rupiah.
    const bare: BareScale = integerPart(typed.number) < 100 ? "juta" : "ribu";
    const amount = amountToRupiah(typed.number, typed.unit, bare);
    if (amount === null) return false;
    financing.monthlyBudget = amount;
    mentions.push({ index: match.index, amount });
    return true;
  };
  eachFree(scan, MONTHLY_AMOUNT, takeMonthly);
  eachFree(scan, AMOUNT_PER_MONTH, takeMonthly);
  return financing;
}

// ---------------------------------------------------------------------------------------------
// Price

/** Words that may sit between a cue and its amount: "budget saya cuma 200", "harga di bawah 300". */
export const PRICE_SKIPPABLE: ReadonlySet<string> = new Set([
  "yang",
  "harga",
  "harganya",
  "rp",
  "saya",
  "kami",
  "cuma",
  "hanya",
  "ada",
  "mobil",
  "unit",
  "nya",
  "kak",
  "gan",
  "bos",
  "sis",
  "om",
  "cash",
  "tunai",
  "of",
  "is",
  "my",
  "the",
  "a",
  "an",
  "only",
  "just",
  "i",
  "have",
  "ya",
  "juga",
  "masih",
  "sih",
  "dong",
  "saja",
  "di",
  "angka",
  "price",
  "ready",
  "siap",
  "bisa",
  "mau",
  "cari",
  "naik",
  "jadi",
  "turun",
  "sekarang",
  "ku",
  "paling",
  "kuat",
  "sanggup",
  "mampu",
]);

/** Before the amount: the buyer's ceiling. Longer phrases first where one contains another. */
export const PRICE_MAX_CUES = [
  "tidak lebih dari",
  "tidak sampai",
  "tidak lebih",
  "not more than",
  "no more than",
  "di bawah",
  "bawah",
  "kurang dari",
  "<",
  "<=",
  "maksimal",
  "paling mahal",
  "sampai",
  "sampe",
  "hingga",
  "budget",
  "budjet",
  "bujet",
  "dana",
  "duit",
  "uang",
  "modal",
  "under",
  "below",
  "less than",
  "up to",
  "within",
  "punya",
  "limit",
] as const;
export const PRICE_MIN_CUES = [
  "di atas",
  "atas",
  "lebih dari",
  "minimal",
  "mulai",
  "mulai dari",
  ">",
  ">=",
  "above",
  "over",
  "more than",
  "at least",
  "starting from",
  "from",
] as const;
export const PRICE_AROUND_CUES = [
  "sekitar",
  "kisaran",
  "kira-kira",
  "kurang lebih",
  "kurleb",
  "±",
  "+-",
  "around",
  "about",
  "approximately",
  "approx",
  "roughly",
  "harga",
  "range",
  "di angka",
] as const;
const PRICE_MAX_AFTER = [
  "ke bawah",
  "maksimal",
  "kurang",
  "or less",
  "or below",
  "and below",
  "max",
  "tops",
] as const;
const PRICE_MIN_AFTER = ["ke atas", "up", "+", "lebih", "or more", "and above", "plus", "keatas"] as const;

export type PriceBound = "max" | "min" | "around";

/** Which bound a cue around an amount gives it; null when the buyer said nothing either way. */
export function priceBoundAround(text: string, start: number, end: number): PriceBound | null {
  if (endsWithCue(text, start, PRICE_MAX_CUES, PRICE_SKIPPABLE)) return "max";
  if (endsWithCue(text, start, PRICE_MIN_CUES, PRICE_SKIPPABLE)) return "min";
  if (endsWithCue(text, start, PRICE_AROUND_CUES, PRICE_SKIPPABLE)) return "around";
  if (startsWithCue(text, end, PRICE_MAX_AFTER)) return "max";
  if (startsWithCue(text, end, PRICE_MIN_AFTER)) return "min";
  return null;
}

/**
 * "200an" and "sekitar 200" name a point the buyer is flexible around. We search 10% either side,
 * rounded to whole juta (200 -> 180..220 juta, 150 -> 135..165), which is about one model year of
 * depreciation: wide enough to show neighbours, narrow enough to stay the buyer's price class.
 */
export function aroundBand(amount: bigint): { min: bigint; max: bigint } {
  const roundToJuta = (value: bigint) => (value >= 10n * JUTA ? ((value + JUTA / 2n) / JUTA) * JUTA : value);
  return { min: roundToJuta((amount * 9n) / 10n), max: roundToJuta((amount * 11n) / 10n) };
}

export interface PriceRange {
  min?: bigint;
  max?: bigint;
}

const isCarPrice = (amount: bigint) => amount >= CAR_PRICE_FLOOR && amount <= CAR_PRICE_CEILING;

const RANGE_JOIN = String.raw`\s*(?:-|~|s/d|s d|sd|sampai|sampe|smp|hingga|to|until|ke)\s*`;
const PRICE_RANGE = new RegExp(`${BEFORE}${amountSource("a")}${RANGE_JOIN}${amountSource("b")}${AFTER}`, "g");
const PRICE_BETWEEN = new RegExp(
  String.raw`(?<![a-z])(?:antara|between)\s+${amountSource("a")}\s+(?:dan|and|sampai|sampe|-|to|s/d)\s+${amountSource("b")}${AFTER}`,
  "g",
);
const PRICE_SINGLE = new RegExp(`${BEFORE}${amountSource("a")}${AFTER}`, "g");

function readPriceRange(scan: Scan, now: Date, mentions: Mention[], range: PriceRange): void {
  const { text } = scan;
  const handle = (match: RegExpExecArray) => {
    const groups = match.groups ?? {};
    const first = typedAmount(groups, "a");
    const second = typedAmount(groups, "b");
    const unit = second.unit ?? first.unit;
    const explicit = isExplicitMoney(first) || isExplicitMoney(second);
    if (!explicit) {
      // "2017-2020" is years, "7-8 seater" a count, "100-150" (no unit) juta.
      if (isYearLike(first.number, now) || isYearLike(second.number, now)) return false;
      if (followedByCount(text, match.index + match[0].length)) return false;
      if (integerPart(first.number) < 10 || integerPart(second.number) < 10) return false;
      if (isEngineLike(first.number) || isEngineLike(second.number)) return false;
    }
    const low = amountToRupiah(first.number, first.unit ?? unit, "juta");
    const high = amountToRupiah(second.number, second.unit ?? first.unit, "juta");
    if (low === null || high === null) return false;
    mentions.push({ index: match.index, amount: low }, { index: match.index + 1, amount: high });
    const [min, max] = low <= high ? [low, high] : [high, low];
    if (isCarPrice(min)) range.min = min;
    if (isCarPrice(max)) range.max = max;
    return true;
  };
  eachFree(scan, PRICE_BETWEEN, handle);
  eachFree(scan, PRICE_RANGE, handle);
}

function readSinglePrices(scan: Scan, now: Date, mentions: Mention[], range: PriceRange): void {
  const { text } = scan;
  // A bare amount ("avanza 150jt") is the buyer's budget, so a ceiling; cues override it.
  let bare: bigint | undefined;
  eachFree(scan, PRICE_SINGLE, (match) => {
    const typed = typedAmount(match.groups ?? {}, "a");
    const start = match.index;
    const end = start + match[0].length;
    const cue = priceBoundAround(text, start, end);
    if (!isExplicitMoney(typed)) {
      if (isYearLike(typed.number, now) || isEngineLike(typed.number) || precededByYearWord(text, start))
        return false;
      if (followedByCount(text, end)) return false;
      if (!typed.around && cue === null) return false;
    }
    const amount = amountToRupiah(typed.number, typed.unit, "juta");
    if (amount === null) return false;
    mentions.push({ index: start, amount });
    if (!isCarPrice(amount)) return true;
    const bound = cue ?? (typed.around ? "around" : null);
    if (bound === "max") range.max = amount;
    else if (bound === "min") range.min = amount;
    else if (bound === "around") {
      const band = aroundBand(amount);
      range.min = band.min;
      range.max = band.max;
    } else bare = amount;
    return true;
  });
  if (bare !== undefined && range.max === undefined && range.min === undefined) range.max = bare;
}

export interface MoneyReading {
  financing: Financing;
  price: PriceRange;
  /** Every Rupiah amount the buyer wrote, in the order written. */
  mentioned: bigint[];
}

/**
 * Reads financing first (so "DP 30jt" never becomes a price), then price ranges, then single
 * prices. Years must already be claimed when `claimYearsFirst` ran; bare years are skipped here.
 */
export function readMoney(scan: Scan, now: Date): MoneyReading {
  const mentions: Mention[] = [];
  const financing = readFinancing(scan, mentions);
  const price: PriceRange = {};
  readPriceRange(scan, now, mentions, price);
  readSinglePrices(scan, now, mentions, price);
  if (price.min !== undefined && price.max !== undefined && price.min > price.max) {
    [price.min, price.max] = [price.max, price.min];
  }
  const mentioned = mentions.sort((a, b) => a.index - b.index).map((mention) => mention.amount);
  return { financing, price, mentioned: [...new Set(mentioned)] };
}
