// Money is an integer number of Rupiah. One formatter and one parser for prices, used everywhere.
const JUTA = 1_000_000n;
const MILIAR = 1_000_000_000n;

/** "Rp 185.000.000" */
export function formatRupiah(amount: bigint | number): string {
  const value = typeof amount === "bigint" ? amount : BigInt(Math.round(amount));
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${negative ? "-" : ""}Rp ${digits}`;
}

/** "185 jt", "187,5 jt", "1,2 M" (M is miliar, 10^9): how showrooms write prices in short. */
export function formatRupiahShort(amount: bigint | number): string {
  const value = typeof amount === "bigint" ? amount : BigInt(Math.round(amount));
  const decimal = (whole: bigint, unit: bigint) => {
    const tenths = (whole * 10n + unit / 2n) / unit;
    const text = (tenths / 10n).toString() + (tenths % 10n === 0n ? "" : `,${tenths % 10n}`);
    return text;
  };
  if (value >= MILIAR) return `${decimal(value, MILIAR)} M`;
  if (value >= JUTA) return `${decimal(value, JUTA)} jt`;
  return formatRupiah(value);
}

/** Turns "12,5" or "12.5" into tenths-precise parts without floating point. */
function decimalToUnits(text: string, unit: bigint): bigint | null {
  const match = text.match(/^(\d+)(?:[.,](\d{1,3}))?$/);
  if (!match) return null;
  const whole = BigInt(match[1] ?? "0");
  const fraction = match[2] ?? "";
  const scale = 10n ** BigInt(fraction.length);
  return ((whole * scale + BigInt(fraction || "0")) * unit) / scale;
}

/**
 * A price as written in a form or CSV cell: "185000000", "Rp 185.000.000", "Rp185.000.000,-",
 * "185jt", "185 juta", "185,5 jt", "1,2 M", "1.2 miliar". A bare number below 10,000 means juta
 * ("185" is 185 juta), because nobody sells a car for 185 Rupiah and showrooms type it that way.
 * Returns null for anything else, zero and negatives.
 */
export function parseRupiah(text: string): bigint | null {
  const cleaned = text
    .trim()
    .toLowerCase()
    .replace(/^rp\.?\s*/, "")
    .replace(/,-$/, "")
    .replace(/\s+/g, " ");
  if (!cleaned || cleaned.startsWith("-")) return null;
  const unitMatch = cleaned.match(/^([\d.,]+)\s*(jt|juta|m|miliar|milyar|rb|ribu|k)?$/);
  if (!unitMatch) return null;
  const number = unitMatch[1] ?? "";
  const unit = unitMatch[2];
  let value: bigint | null;
  if (unit === "jt" || unit === "juta") value = decimalToUnits(number, JUTA);
  else if (unit === "m" || unit === "miliar" || unit === "milyar") value = decimalToUnits(number, MILIAR);
  else if (unit === "rb" || unit === "ribu" || unit === "k") value = decimalToUnits(number, 1000n);
  else if (/^\d{1,3}(\.\d{3})+$/.test(number)) value = BigInt(number.replace(/\./g, ""));
  else if (/^\d+$/.test(number)) value = BigInt(number) < 10_000n ? BigInt(number) * JUTA : BigInt(number);
  else value = decimalToUnits(number, JUTA);
  return value !== null && value > 0n ? value : null;
}
