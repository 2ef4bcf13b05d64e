// Chat text made regular before anything reads it (case, emoji, slang, glued words), and the
// "scan" that lets each extractor claim the characters it understood so no other reads them twice.

import { replaceNumberWords } from "@/lib/assistant/understand/numbers";

/**
 * WhatsApp abbreviations and slang -> the one word the extractors look for. Only whole words are
 * replaced, so "hr-v", "150jt" or "xl7" are never touched. Ambiguous shorthands ("g", "m", "min")
 * are deliberately left out: "1.5 G" is a trim and "min" is usually "admin", not "minimal".
 */
export const SLANG: Readonly<Record<string, string>> = {
  sy: "saya",
  sya: "saya",
  aku: "saya",
  gue: "saya",
  gw: "saya",
  gua: "saya",
  ane: "saya",
  brp: "berapa",
  brapa: "berapa",
  berapaan: "berapa",
  brpa: "berapa",
  brap: "berapa",
  hrg: "harga",
  hrga: "harga",
  hrgnya: "harganya",
  harg: "harga",
  tdk: "tidak",
  gk: "tidak",
  ga: "tidak",
  gak: "tidak",
  nggak: "tidak",
  ngga: "tidak",
  enggak: "tidak",
  engga: "tidak",
  gx: "tidak",
  kaga: "tidak",
  kagak: "tidak",
  ndak: "tidak",
  nda: "tidak",
  tak: "tidak",
  gag: "tidak",
  jgn: "jangan",
  jngn: "jangan",
  bkn: "bukan",
  yg: "yang",
  yng: "yang",
  dgn: "dengan",
  dg: "dengan",
  utk: "untuk",
  untk: "untuk",
  bwt: "buat",
  bgt: "banget",
  bngt: "banget",
  mbl: "mobil",
  mobl: "mobil",
  mobik: "mobil",
  kalo: "kalau",
  klo: "kalau",
  kl: "kalau",
  klw: "kalau",
  kalu: "kalau",
  gmn: "bagaimana",
  gimana: "bagaimana",
  gmna: "bagaimana",
  udh: "sudah",
  udah: "sudah",
  sdh: "sudah",
  dah: "sudah",
  blm: "belum",
  belom: "belum",
  lg: "lagi",
  jg: "juga",
  aj: "saja",
  aja: "saja",
  sj: "saja",
  mo: "mau",
  mw: "mau",
  pengen: "mau",
  pingin: "mau",
  pgn: "mau",
  pengin: "mau",
  ingin: "mau",
  org: "orang",
  tlg: "tolong",
  tolg: "tolong",
  krm: "kirim",
  kirimin: "kirim",
  thn: "tahun",
  th: "tahun",
  taun: "tahun",
  thun: "tahun",
  tahunnya: "tahun",
  bln: "bulan",
  bl: "bulan",
  bulanan: "bulan",
  dbawah: "dibawah",
  dibwh: "dibawah",
  dbwh: "dibawah",
  dibawh: "dibawah",
  bwh: "bawah",
  diats: "diatas",
  datas: "diatas",
  diatass: "diatas",
  kbawah: "kebawah",
  kbwh: "kebawah",
  kebwh: "kebawah",
  katas: "keatas",
  keats: "keatas",
  maks: "maksimal",
  max: "maksimal",
  maximal: "maksimal",
  maksimum: "maksimal",
  maximum: "maksimal",
  mksml: "maksimal",
  maxs: "maksimal",
  minimum: "minimal",
  mnimal: "minimal",
  minim: "minimal",
  skitar: "sekitar",
  sktr: "sekitar",
  kisarann: "kisaran",
  poto: "foto",
  fto: "foto",
  photo: "foto",
  pict: "foto",
  pic: "foto",
  pics: "foto",
  bs: "bisa",
  bsa: "bisa",
  bisakah: "bisa",
  ad: "ada",
  adakah: "ada",
  dmn: "dimana",
  dmana: "dimana",
  sm: "sama",
  sma: "sama",
  dr: "dari",
  dri: "dari",
  tp: "tapi",
  krn: "karena",
  mksh: "makasih",
  mkasih: "makasih",
  maksih: "makasih",
  trimakasih: "terima kasih",
  terimakasih: "terima kasih",
  tks: "thanks",
  thx: "thanks",
  tq: "thanks",
  ty: "thanks",
  tengkyu: "thanks",
  makasi: "makasih",
  cicil: "cicilan",
  nyicil: "cicilan",
  nyicilnya: "cicilan",
  cicilannya: "cicilan",
  angsurannya: "angsuran",
  dpnya: "dp",
  kridit: "kredit",
  kreditnya: "kredit",
  metic: "matic",
  matik: "matic",
  metik: "matic",
  mathic: "matic",
  matick: "matic",
  matiq: "matic",
  automatik: "automatic",
  autometic: "automatic",
  otomatik: "automatic",
  manuel: "manual",
  menual: "manual",
  manualan: "manual",
};

/** "abu2", "kira2": Indonesian writes reduplication with a 2. Only these, so "mazda2" stays a model. */
const REDUPLICATED = [
  "abu",
  "kira",
  "lihat",
  "liat",
  "cari",
  "tanya",
  "mobil",
  "macam",
  "sama",
  "baru",
  "lama",
  "hati",
];

/** Cue words people glue to a number: "dibawah300", "dp30jt", "km50rb", "th2019". */
const GLUED_CUES =
  /(?<![a-z])(dibawah|diatas|bawah|atas|budget|maksimal|minimal|maks|max|harga|hrg|dp|tdp|tenor|cicilan|angsuran|km|kode|tahun|thn|th|taun)(?=\d)/g;

export function normalizeMessage(raw: string): string {
  // Accents off first ("Citroën" -> "citroen"), then compatibility forms (full-width digits) folded.
  let text = raw.normalize("NFKD").replace(/\p{M}/gu, "").normalize("NFKC").toLowerCase();
  text = text
    .replace(/[’‘`´]/g, "'")
    .replace(/[–—]/g, "-")
    .replace(/≤/g, "<")
    .replace(/≥/g, ">");
  // "Rp 185.000.000,-" writes "no cents" as ",-".
  text = text.replace(/,-/g, " ");
  // Emoji, question marks and the like carry no search meaning; keep what numbers and codes use.
  text = text.replace(/[^a-z0-9\s.,/%+\-<>:'#~±]/g, " ");
  // Sentence punctuation, but not decimal or thousands marks between digits.
  text = text.replace(/[.,:](?!\d)/g, " ").replace(/(?<![\d])[.,](?=\d)/g, " ");
  // "halooo", "kecewaaa": stretched letters.
  text = text.replace(/([a-z])\1{2,}/g, "$1");
  text = text.replace(new RegExp(`(?<![a-z])(${REDUPLICATED.join("|")})2(?![a-z0-9])`, "g"), "$1-$1");
  text = text.replace(GLUED_CUES, "$1 ");
  // "avanza2019": a year glued to a word.
  text = text.replace(/([a-z]{3,})((?:19|20)\d\d)(?!\d)/g, "$1 $2");
  text = text.replace(/(?<![a-z0-9-])[a-z]+(?![a-z0-9-])/g, (word) => SLANG[word] ?? word);
  // One spelling for the cue phrases, so patterns need only "di bawah", "ke atas".
  text = text
    .replace(/(?<![a-z])dibawah(?![a-z])/g, "di bawah")
    .replace(/(?<![a-z])diatas(?![a-z])/g, "di atas")
    .replace(/(?<![a-z])kebawah(?![a-z])/g, "ke bawah")
    .replace(/(?<![a-z])keatas(?![a-z])/g, "ke atas")
    .replace(/(?<![a-z])kesini(?![a-z])/g, "ke sini");
  text = replaceNumberWords(text.replace(/\s+/g, " "));
  // "min 200", "max 2018": before a number these are bounds, elsewhere "min" greets the admin.
  text = text.replace(/(?<![a-z])min\s*(?=\d)/g, "minimal ");
  return text.replace(/\s+/g, " ").trim();
}

export interface Span {
  start: number;
  end: number;
}

/** One message being read: which characters an extractor has claimed, and which it merely noted. */
export interface Scan {
  readonly text: string;
  readonly claimed: Span[];
  readonly noted: Span[];
}

export function createScan(text: string): Scan {
  return { text, claimed: [], noted: [] };
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

export function isFree(scan: Scan, start: number, end: number): boolean {
  return !scan.claimed.some((span) => overlaps(span, { start, end }));
}

export function claim(scan: Scan, start: number, end: number): void {
  scan.claimed.push({ start, end });
}

/** Understood, but not exclusive: intents may share words with criteria ("dp" is credit and financing). */
export function note(scan: Scan, start: number, end: number): void {
  scan.noted.push({ start, end });
}

/**
 * Runs a global pattern over the text; each match that overlaps nothing claimed goes to `handle`,
 * which returns true when it understood the match (the match is then claimed).
 */
export function eachFree(scan: Scan, pattern: RegExp, handle: (match: RegExpExecArray) => boolean): void {
  for (const match of scan.text.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    if (match[0].trim() === "" || !isFree(scan, start, end)) continue;
    if (handle(match)) claim(scan, start, end);
  }
}

export interface Token extends Span {
  word: string;
}

const TOKEN = /[a-z0-9]+(?:[-'][a-z0-9]+)*/g;

export function tokenize(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((match) => ({
    word: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}

export function freeTokens(scan: Scan): Token[] {
  return tokenize(scan.text).filter((token) => isFree(scan, token.start, token.end));
}

/** The last `count` words before `index`, nearest last. */
export function wordsBefore(text: string, index: number, count: number): string[] {
  return text
    .slice(Math.max(0, index - 60), index)
    .split(/\s+/)
    .filter(Boolean)
    .slice(-count);
}

/** The first `count` words after `index`. */
export function wordsAfter(text: string, index: number, count: number): string[] {
  return text
    .slice(index, index + 60)
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, count);
}

/** Does the text just before `index` end with one of the phrases, with only `skippable` words between? */
export function endsWithCue(
  text: string,
  index: number,
  phrases: readonly string[],
  skippable: ReadonlySet<string>,
): boolean {
  const words = wordsBefore(text, index, 8);
  while (words.length > 0) {
    const joined = words.join(" ");
    if (phrases.some((phrase) => joined === phrase || joined.endsWith(` ${phrase}`))) return true;
    const last = words[words.length - 1] ?? "";
    if (!skippable.has(last)) return false;
    words.pop();
  }
  return false;
}

/** Does the text just after `index` start with one of the phrases? */
export function startsWithCue(text: string, index: number, phrases: readonly string[]): boolean {
  const after = text.slice(index).trimStart();
  return phrases.some(
    (phrase) =>
      after === phrase || after.startsWith(`${phrase} `) || (/^\W/.test(phrase) && after.startsWith(phrase)),
  );
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** Word-boundary pattern for a list of phrases (letters and digits count as word characters). */
export function phrasePattern(phrases: readonly string[], flags = "g"): RegExp {
  const sorted = [...phrases].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?<![a-z0-9])(?:${sorted.join("|")})(?![a-z0-9])`, flags);
}
