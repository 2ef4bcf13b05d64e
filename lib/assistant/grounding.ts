// The grounding check for any assistant reply: every Rupiah amount it writes, in any format buyers and showrooms use, must come from this turn's tool results or the buyer's own message.
import { AMOUNT_UNITS, amountToRupiah, replaceNumberWords } from "@/lib/assistant/understand/numbers";

/** One amount found in a reply, with how precisely it was written. */
export interface WrittenAmount {
  /** As written ("Rp 185.000.000", "187,5 jt", "1,2 M"). */
  text: string;
  amount: bigint;
  /**
   * The rounding step the writing implies: 1 for a full figure, 100 juta for "1,2 M", 1 juta for
   * "185 jt". "185 jt" for a 185.400.000 car is that price rounded, not an invented one.
   */
  step: bigint;
}

// Longer spellings first, so "juta" is not read as "jt" + "a" and "miliar" not as "m" + "iliar".
const UNITS = [...AMOUNT_UNITS].sort((a, b) => b.length - a.length);
const UNIT = UNITS.map((unit) => `${unit}(?![a-z])`).join("|");
// Full figures with dot groups (id-ID) or comma groups (en-US), then plain or decimal numbers.
const NUMBER = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:[.,]\d{1,3})?`;
const AMOUNT = new RegExp(
  String.raw`(?<![\p{L}\d.,])(?<rp>(?:rp|idr)\.?\s*)?(?<num>${NUMBER})(?:\s*(?<unit>${UNIT}))?(?![\p{L}\d]|[.,]\d)(?<countWord>\s*(?:km|kilometer|cc|tahun|bulan|x|kali|%|persen|seater|orang)(?![\p{L}]))?`,
  "giu",
);

const LINK = /https?:\/\/[^\s<>()"'\]]+/gi;

const isFullFigure = (number: string) =>
  /^\d{1,3}(?:\.\d{3}){2,}(?:,\d{1,2})?$/.test(number) ||
  /^\d{1,3}(?:,\d{3}){2,}$/.test(number) ||
  /^\d{7,}$/.test(number);

/** "185,000,000" (en-US grouping) as the id-ID form the shared parser reads. */
function toIndonesianDigits(number: string): string {
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?$/.test(number))
    return number.replace(/\.\d{1,2}$/, "").replace(/,/g, ".");
  return number;
}

function decimals(number: string): number {
  return /[.,](\d{1,3})$/.exec(number)?.[1]?.length ?? 0;
}

/**
 * Every amount of money written in `text`: "Rp 185.000.000", "Rp185jt", "185 jt", "185 juta",
 * "187,5 jt", "1,2 M", "1.2 miliar", "IDR 185,000,000", "185 million", "seratus delapan puluh lima
 * juta". A bare number is money only with "Rp" or as a full Rupiah figure: "2020", "1.5", "7 seater"
 * and "40.000 km" are not. Amounts go through the one id-ID money parser the buyer side uses.
 */
export function findWrittenAmounts(text: string): WrittenAmount[] {
  // Digits inside a link ("/t-12345678/vehicles/...") are not money; links are checked on their own.
  const withoutLinks = text.replace(LINK, " ");
  const normalized = replaceNumberWords(withoutLinks.toLowerCase().replace(/\s+/g, " "));
  const found: WrittenAmount[] = [];
  for (const match of normalized.matchAll(AMOUNT)) {
    const groups = match.groups ?? {};
    const rawNumber = groups.num ?? "";
    const unit = groups.unit?.toLowerCase();
    const rp = groups.rp !== undefined;
    if (groups.countWord && !unit) continue;
    if (!unit && !rp && !isFullFigure(rawNumber)) continue;
    const number = toIndonesianDigits(rawNumber);
    let amount: bigint | null;
    let step = 1n;
    if (unit) {
      amount = amountToRupiah(number, unit);
      const unitValue = amountToRupiah("1", unit) ?? 1n;
      step = unitValue / 10n ** BigInt(decimals(number));
    } else if (isFullFigure(number)) {
      amount = amountToRupiah(number.replace(/,\d{1,2}$/, ""), undefined, "rupiah");
    } else {
      // "Rp 185" and "Rp 4.500": Rupiah as written; a tiny amount still must be grounded.
      amount = /^\d{1,3}\.\d{3}$/.test(number)
        ? BigInt(number.replace(".", ""))
        : /^\d+$/.test(number)
          ? BigInt(number)
          : amountToRupiah(number, "jt");
    }
    if (amount === null || amount <= 0n) continue;
    found.push({ text: match[0].trim(), amount, step: step > 0n ? step : 1n });
  }
  return found;
}

/** True when `written` is `allowed` written at its own precision ("185 jt" for 185.400.000). */
function writesAllowed(written: WrittenAmount, allowed: bigint): boolean {
  if (written.step <= 1n) return written.amount === allowed;
  const rounded = ((allowed + written.step / 2n) / written.step) * written.step;
  return rounded === written.amount;
}

/**
 * The last check before a reply goes out: every amount in it must be one of `allowed` (tool
 * results and the buyer's message), exactly or rounded the way it is written. Returns the
 * amounts that are not: an empty list means the reply is grounded.
 * Stronger than engine.ts's version, which only read "Rp 1.234.567".
 */
export function findInventedAmounts(reply: string, allowed: readonly bigint[]): bigint[] {
  return findWrittenAmounts(reply)
    .filter((written) => !allowed.some((amount) => writesAllowed(written, amount)))
    .map((written) => written.amount);
}

/**
 * Every amount a tool result carries: integer fields (bigint Rupiah or JSON numbers of at least
 * 1.000) and amounts written inside its strings. Years and kilometres come along too, which is
 * harmless: they are only ever compared with amounts of money.
 */
export function amountsInToolResult(value: unknown, into: bigint[] = []): bigint[] {
  if (typeof value === "bigint") into.push(value);
  else if (typeof value === "number" && Number.isSafeInteger(value) && value >= 1000)
    into.push(BigInt(value));
  else if (typeof value === "string")
    into.push(...findWrittenAmounts(value).map((written) => written.amount));
  else if (Array.isArray(value)) for (const item of value) amountsInToolResult(item, into);
  else if (value !== null && typeof value === "object")
    for (const item of Object.values(value)) amountsInToolResult(item, into);
  return into;
}
