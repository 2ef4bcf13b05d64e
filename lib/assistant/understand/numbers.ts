// Numbers written as words ("seratus lima puluh juta", "satu koma dua miliar", "two hundred
// million") and chat amounts ("150jt", "1,2 M", "Rp 185.000.000") turned into exact integers.
import { parseRupiah } from "@/lib/core/money";

const JUTA = 1_000_000n;
const MILIAR = 1_000_000_000n;

type WordRole =
  | { kind: "unit"; value: bigint } // adds to the group: "lima", "sebelas", "twenty"
  | { kind: "tens" } // "puluh": the last unit times ten
  | { kind: "teen" } // "belas": the last unit plus ten
  | { kind: "hundred"; value: bigint } // "ratus" multiplies the group, "seratus" is 100
  | { kind: "scale"; value: bigint; implicitOne: boolean } // "juta", "sejuta"
  | { kind: "point" } // "koma", "point"
  | { kind: "half" } // "setengah", "half"
  | { kind: "joiner" }; // English "and" inside "one hundred and fifty"

const UNITS: Record<string, bigint> = {
  nol: 0n,
  satu: 1n,
  dua: 2n,
  tiga: 3n,
  empat: 4n,
  lima: 5n,
  enam: 6n,
  tujuh: 7n,
  delapan: 8n,
  sembilan: 9n,
  sepuluh: 10n,
  sebelas: 11n,
  zero: 0n,
  one: 1n,
  two: 2n,
  three: 3n,
  four: 4n,
  five: 5n,
  six: 6n,
  seven: 7n,
  eight: 8n,
  nine: 9n,
  ten: 10n,
  eleven: 11n,
  twelve: 12n,
  thirteen: 13n,
  fourteen: 14n,
  fifteen: 15n,
  sixteen: 16n,
  seventeen: 17n,
  eighteen: 18n,
  nineteen: 19n,
  twenty: 20n,
  thirty: 30n,
  forty: 40n,
  fifty: 50n,
  sixty: 60n,
  seventy: 70n,
  eighty: 80n,
  ninety: 90n,
};

const SCALES: Record<string, bigint> = {
  ribu: 1_000n,
  rebu: 1_000n,
  juta: JUTA,
  miliar: MILIAR,
  milyar: MILIAR,
  milliar: MILIAR,
  triliun: 1_000_000_000_000n,
  thousand: 1_000n,
  million: JUTA,
  billion: MILIAR,
};

const SE_SCALES: Record<string, bigint> = {
  seribu: 1_000n,
  sejuta: JUTA,
  semiliar: MILIAR,
  semilyar: MILIAR,
};

/** Every word the number-word reader knows; exported so other lexicons can avoid them. */
export const NUMBER_WORDS: ReadonlySet<string> = new Set([
  ...Object.keys(UNITS),
  ...Object.keys(SCALES),
  ...Object.keys(SE_SCALES),
  "puluh",
  "belas",
  "ratus",
  "seratus",
  "hundred",
  "koma",
  "point",
  "setengah",
  "half",
]);

function roleOf(word: string): WordRole | null {
  if (/^\d{1,3}$/.test(word)) return { kind: "unit", value: BigInt(word) };
  const unit = UNITS[word];
  if (unit !== undefined) return { kind: "unit", value: unit };
  const scale = SCALES[word];
  if (scale !== undefined) return { kind: "scale", value: scale, implicitOne: false };
  const seScale = SE_SCALES[word];
  if (seScale !== undefined) return { kind: "scale", value: seScale, implicitOne: true };
  if (word === "puluh") return { kind: "tens" };
  if (word === "belas") return { kind: "teen" };
  if (word === "ratus" || word === "hundred") return { kind: "hundred", value: 0n };
  if (word === "seratus") return { kind: "hundred", value: 100n };
  if (word === "koma" || word === "point") return { kind: "point" };
  if (word === "setengah" || word === "half") return { kind: "half" };
  if (word === "and") return { kind: "joiner" };
  return null;
}

/** An exact reading: `numerator / 10^decimals`. Integers have decimals = 0. */
export interface ExactNumber {
  numerator: bigint;
  decimals: number;
}

/**
 * Reads a run of number words. Returns null when a word is not a number word or the words do not
 * form a number. Fractions ("satu koma dua") stay exact until a scale word makes them whole.
 */
export function readNumberWords(words: readonly string[]): ExactNumber | null {
  let total = 0n;
  let group = 0n;
  let last = 0n;
  let fraction: string | null = null;
  let half = false;
  let sawNumber = false;
  for (const word of words) {
    const role = roleOf(word);
    if (!role) return null;
    if (fraction !== null && role.kind === "unit" && role.value < 10n) {
      fraction += role.value.toString();
      continue;
    }
    switch (role.kind) {
      case "unit":
        group += role.value;
        last = role.value;
        sawNumber = true;
        break;
      case "tens":
        if (last === 0n) return null;
        group += last * 9n;
        last = 0n;
        break;
      case "teen":
        if (last === 0n) return null;
        group += 10n;
        last = 0n;
        break;
      case "hundred":
        group = role.value > 0n ? group + role.value : (group === 0n ? 1n : group) * 100n;
        last = 0n;
        sawNumber = true;
        break;
      case "point":
        if (fraction !== null) return null;
        fraction = "";
        break;
      case "half":
        half = true;
        sawNumber = true;
        break;
      case "scale": {
        const base = role.implicitOne ? 1n : group;
        if (!role.implicitOne && base === 0n && !half && !fraction) return null;
        const digits = fraction ?? "";
        const scaleDown = 10n ** BigInt(digits.length);
        total +=
          base * role.value +
          (BigInt(digits || "0") * role.value) / scaleDown +
          (half ? role.value / 2n : 0n);
        group = 0n;
        last = 0n;
        fraction = null;
        half = false;
        sawNumber = true;
        break;
      }
      case "joiner":
        break;
    }
  }
  if (!sawNumber) return null;
  if (fraction)
    return {
      numerator: (total + group) * 10n ** BigInt(fraction.length) + BigInt(fraction),
      decimals: fraction.length,
    };
  if (half) return { numerator: (total + group) * 10n + 5n, decimals: 1 };
  return { numerator: total + group, decimals: 0 };
}

/**
 * "seratus lima puluh juta" -> 150000000n, "satu koma dua miliar" -> 1200000000n,
 * "two hundred million" -> 200000000n. Null for anything that is not wholly number words or
 * not a whole number ("dua koma lima").
 */
export function parseIndonesianNumberWords(text: string): bigint | null {
  const words = text
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean);
  if (words.length === 0) return null;
  const exact = readNumberWords(words);
  return exact && exact.decimals === 0 ? exact.numerator : null;
}

const formatExact = (exact: ExactNumber) => {
  if (exact.decimals === 0) return exact.numerator.toString();
  const digits = exact.numerator.toString().padStart(exact.decimals + 1, "0");
  return `${digits.slice(0, -exact.decimals)},${digits.slice(-exact.decimals)}`;
};

/**
 * Rewrites runs of number words in normalised chat text as digits, so the amount, year and tenor
 * readers only ever see digits: "budget dua ratus" -> "budget 200", "tenor lima tahun" -> "tenor 5 tahun".
 * A run needs one word that is a number by itself, so "juta" alone (after "300") stays a unit.
 */
export function replaceNumberWords(text: string): string {
  const words = text.split(" ");
  const output: string[] = [];
  let index = 0;
  while (index < words.length) {
    let end = index;
    // "2 ratus jt": a digit may lead a run when a multiplier word follows it.
    const leadingDigits =
      /^\d{1,3}$/.test(words[index] ?? "") &&
      ["ratus", "puluh", "belas", "hundred"].includes(words[index + 1] ?? "");
    if (leadingDigits) end += 1;
    // Digits join a run only as its first word: "300 ribu" stays as typed for the amount reader.
    while (end < words.length && !/^\d/.test(words[end] ?? "") && roleOf(words[end] ?? "") !== null) end += 1;
    // A trailing "and"/"koma" belongs to the sentence, not the number.
    while (end > index && ["and", "koma", "point"].includes(words[end - 1] ?? "")) end -= 1;
    const run = words.slice(index, end);
    const standsAlone =
      leadingDigits ||
      run.some((word) => {
        const role = roleOf(word);
        return (
          role !== null &&
          (role.kind === "unit" ||
            role.kind === "hundred" ||
            (role.kind === "scale" && role.implicitOne) ||
            role.kind === "half")
        );
      });
    const exact = run.length > 0 && standsAlone ? readNumberWords(run) : null;
    // "setengah" alone is not worth rewriting; "half" inside English prose neither.
    if (exact && !(run.length === 1 && roleOf(run[0] ?? "")?.kind === "half")) {
      output.push(formatExact(exact));
      index = end;
    } else {
      output.push(words[index] ?? "");
      index += 1;
    }
  }
  return output.join(" ");
}

/** Units buyers put after a number. Order matters for the regex: longer spellings first. */
export const AMOUNT_UNITS = [
  "juta",
  "jeti",
  "jt",
  "mio",
  "millions",
  "million",
  "miliar",
  "milyar",
  "milliar",
  "billion",
  "bn",
  "mil",
  "m",
  "ribu",
  "rebu",
  "rb",
  "k",
  "thousand",
] as const;

type UnitClass = "juta" | "miliar" | "ribu" | "m";

function classifyUnit(unit: string): UnitClass {
  if (["juta", "jeti", "jt", "mio", "millions", "million"].includes(unit)) return "juta";
  if (["miliar", "milyar", "milliar", "billion", "bn"].includes(unit)) return "miliar";
  if (["ribu", "rebu", "rb", "k", "thousand"].includes(unit)) return "ribu";
  return "m";
}

/** The integer part of "1,2" / "185.000.000" / "185,5", for plausibility checks only. */
export function integerPart(number: string): number {
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(number)) return Number(number.split(",")[0]?.replace(/\./g, ""));
  return Number(number.split(/[.,]/)[0]);
}

export type BareScale = "juta" | "ribu" | "rupiah";

/**
 * One chat amount to Rupiah. `number` is as typed ("1,2", "185.000.000"), `unit` as typed or
 * undefined. "M"/"mil" is miliar below 10 ("1,2 M") and juta from 10 ("300m", "150 mil" in English):
 * nobody sells a used car for 300 miliar, and English speakers write "300M" for million.
 * A bare number is read in `bare` units: juta for a budget ("dibawah 300"), ribu for a
 * monthly instalment written "4500", and plain Rupiah for anything from a million up.
 */
export function amountToRupiah(
  number: string,
  unit: string | undefined,
  bare: BareScale = "juta",
): bigint | null {
  if (unit) {
    const unitClass = classifyUnit(unit);
    if (unitClass === "m") return parseRupiah(`${number} ${integerPart(number) < 10 ? "m" : "jt"}`);
    return parseRupiah(`${number} ${unitClass === "juta" ? "jt" : unitClass === "miliar" ? "m" : "rb"}`);
  }
  if (/^\d{1,3}(\.\d{3}){2,}(,\d+)?$/.test(number) || (/^\d+$/.test(number) && number.length >= 7)) {
    return parseRupiah(number.replace(/,\d+$/, ""));
  }
  // "cicilan 4.500": one thousands group is a whole number of the bare unit (4500 ribu).
  const plain = /^\d{1,3}\.\d{3}$/.test(number) ? number.replace(".", "") : number;
  if (bare === "rupiah") return /^\d+$/.test(plain) ? BigInt(plain) : null;
  if (bare === "ribu") return parseRupiah(`${plain} rb`);
  return parseRupiah(`${plain} jt`);
}
