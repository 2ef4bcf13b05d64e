// Model years in a buyer's message: "2019 ke atas", "minimal 2018", "tahun 2017-2020",
// "dibawah 2015", "2020an", "tahun 19", "5 tahun terakhir".
import { eachFree, endsWithCue, type Scan, startsWithCue } from "@/lib/assistant/understand/text";

export interface YearRange {
  min?: number;
  max?: number;
}

const YEAR = String.raw`(?:19[5-9]\d|20\d\d)`;
const EDGE_BEFORE = `(?<![a-z0-9.,/'-])`;

const YEAR_RANGE = new RegExp(
  String.raw`${EDGE_BEFORE}(?:(?:antara|between)\s+)?(?<from>${YEAR})\s*(?:-|~|s/d|s d|sd|sampai|sampe|smp|hingga|to|until|ke|dan|and)\s*(?<to>${YEAR}|\d{2})(?![0-9.,a-z])`,
  "g",
);
const SINGLE_YEAR = new RegExp(
  String.raw`${EDGE_BEFORE}'?(?<year>${YEAR})(?<an>\s?-?an)?(?![0-9.,%a-z])`,
  "g",
);
/** "tahun 19", "th '18": two digits only count after a word that says "year". */
const SHORT_YEAR = /(?<![a-z])(?:tahun|year|keluaran|rakitan)\s*'?(?<yy>\d{2})(?![0-9.,%a-z])/g;
/** "5 tahun terakhir", "umur dibawah 5 tahun", "less than 5 years old". */
const RECENT_YEARS =
  /(?<![a-z0-9])(?<n>\d{1,2})\s*(?:tahun|years?|thn)\s*(?:terakhir|ke belakang|kebelakang|old|belakangan)(?![a-z])/g;
const AGE_LIMIT =
  /(?<![a-z])(?:umur|usia|pemakaian|age)\s*(?:mobil(?:nya)?\s*)?(?:(?:di bawah|maksimal|kurang dari|paling|tidak lebih dari|under|max|less than)\s*)?(?<n>\d{1,2})\s*(?:tahun|years?)(?![a-z])/g;

const SKIPPABLE: ReadonlySet<string> = new Set([
  "tahun",
  "yang",
  "mobil",
  "unit",
  "keluaran",
  "rakitan",
  "produksi",
  "model",
  "year",
  "the",
  "a",
  "from",
  "dari",
  "kak",
  "gan",
  "cuma",
  "hanya",
  "saja",
  "ya",
  "mau",
  "cari",
  "atau",
]);

type YearBound = "min" | "minStrict" | "max" | "maxStrict";

const BEFORE_CUES: [YearBound, readonly string[]][] = [
  [
    "maxStrict",
    [
      "di bawah",
      "bawah",
      "kurang dari",
      "sebelum",
      "before",
      "older than",
      "below",
      "under",
      "lebih tua dari",
    ],
  ],
  [
    "minStrict",
    [
      "di atas",
      "atas",
      "lebih dari",
      "lebih baru dari",
      "above",
      "after",
      "newer than",
      "over",
      "setelah",
      "sesudah",
    ],
  ],
  [
    "min",
    [
      "minimal",
      "mulai",
      "mulai dari",
      "sejak",
      "paling tua",
      "at least",
      "since",
      "starting",
      "min",
      ">=",
      ">",
    ],
  ],
  ["max", ["maksimal", "paling baru", "sampai", "sampe", "hingga", "up to", "max", "<=", "<"]],
];
const AFTER_CUES: [YearBound, readonly string[]][] = [
  [
    "min",
    [
      "ke atas",
      "keatas",
      "up",
      "+",
      "ke sini",
      "or newer",
      "and newer",
      "and above",
      "onwards",
      "or later",
      "and up",
      "atau lebih baru",
      "lebih baru",
    ],
  ],
  ["max", ["ke bawah", "kebawah", "or older", "and older", "and below", "atau lebih tua", "lebih tua"]],
];

function yearBound(text: string, start: number, end: number): YearBound | null {
  for (const [bound, phrases] of BEFORE_CUES) if (endsWithCue(text, start, phrases, SKIPPABLE)) return bound;
  for (const [bound, phrases] of AFTER_CUES) if (startsWithCue(text, end, phrases)) return bound;
  return null;
}

/** "18" after "tahun" -> 2018; "98" -> 1998. */
function expandShortYear(yy: number, now: Date): number {
  const year = 2000 + yy;
  return year <= now.getFullYear() + 1 ? year : 1900 + yy;
}

/**
 * "2018an" means about 2018 (2017-2019); a round "2010an" means the decade (2010-2019), and
 * "2020an" the 2020s up to next year's models.
 */
function aroundYear(year: number, now: Date): YearRange {
  const latest = now.getFullYear() + 1;
  if (year % 10 === 0) return { min: year, max: Math.min(year + 9, latest) };
  return { min: year - 1, max: Math.min(year + 1, latest) };
}

/** Two plain years in one message ("xpander 2020 atau ertiga 2019") widen to cover both. */
function apply(range: YearRange, year: number, bound: YearBound | null, exactYears: number[]): void {
  if (bound === "min") range.min = year;
  else if (bound === "minStrict") range.min = year + 1;
  else if (bound === "max") range.max = year;
  else if (bound === "maxStrict") range.max = year - 1;
  else {
    exactYears.push(year);
    range.min = Math.min(...exactYears);
    range.max = Math.max(...exactYears);
  }
}

/**
 * Years, read after money so "Rp 2.020.000" is gone. Inclusive cues ("minimal 2018", "2019 ke
 * atas") keep the year; strict ones ("dibawah 2015", "diatas 2018") exclude it, as a buyer who says
 * "below 2015" wants older cars than 2015.
 */
export function readYears(scan: Scan, now: Date): YearRange {
  const range: YearRange = {};
  const exactYears: number[] = [];
  const latest = now.getFullYear() + 1;
  const valid = (year: number) => year >= 1950 && year <= latest;

  eachFree(scan, YEAR_RANGE, (match) => {
    const from = Number(match.groups?.from);
    const rawTo = match.groups?.to ?? "";
    const to = rawTo.length === 2 ? Math.floor(from / 100) * 100 + Number(rawTo) : Number(rawTo);
    if (!valid(from) || !valid(to)) return false;
    range.min = Math.min(from, to);
    range.max = Math.max(from, to);
    return true;
  });

  eachFree(scan, RECENT_YEARS, (match) => {
    range.min = now.getFullYear() - Number(match.groups?.n);
    return true;
  });
  eachFree(scan, AGE_LIMIT, (match) => {
    range.min = now.getFullYear() - Number(match.groups?.n);
    return true;
  });

  const single = (year: number, around: boolean, start: number, end: number) => {
    if (!valid(year)) return false;
    const bound = yearBound(scan.text, start, end);
    if (around && bound === null) {
      const band = aroundYear(year, now);
      range.min = band.min;
      range.max = band.max;
    } else apply(range, year, bound, exactYears);
    return true;
  };
  eachFree(scan, SINGLE_YEAR, (match) =>
    single(Number(match.groups?.year), Boolean(match.groups?.an), match.index, match.index + match[0].length),
  );
  eachFree(scan, SHORT_YEAR, (match) =>
    single(expandShortYear(Number(match.groups?.yy), now), false, match.index, match.index + match[0].length),
  );
  if (range.min !== undefined && range.max !== undefined && range.min > range.max)
    [range.min, range.max] = [range.max, range.min];
  return range;
}
