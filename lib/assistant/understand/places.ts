// Cities in a buyer's message: where they want the car to be (a search filter) and, separately,
// where the buyer lives ("saya Rina dari Bekasi"), which is worth knowing but filters nothing.
import { COMMON_WORDS, GENERIC_NAME_PARTS } from "@/lib/assistant/understand/lexicon";
import { claim, freeTokens, type Scan, type Token, wordsBefore } from "@/lib/assistant/understand/text";
import { editDistance, foldSpelling } from "@/lib/inventory/fuzzy";

/** Cities buyers name, used when the showroom's own city list does not have the one typed. */
export const INDONESIAN_CITIES: readonly string[] = [
  "Jakarta",
  "Jakarta Selatan",
  "Jakarta Barat",
  "Jakarta Timur",
  "Jakarta Utara",
  "Jakarta Pusat",
  "Bogor",
  "Depok",
  "Tangerang",
  "Tangerang Selatan",
  "Bekasi",
  "Bandung",
  "Cimahi",
  "Cirebon",
  "Karawang",
  "Sukabumi",
  "Tasikmalaya",
  "Garut",
  "Semarang",
  "Solo",
  "Surakarta",
  "Yogyakarta",
  "Magelang",
  "Purwokerto",
  "Tegal",
  "Pekalongan",
  "Kudus",
  "Surabaya",
  "Sidoarjo",
  "Gresik",
  "Malang",
  "Kediri",
  "Madiun",
  "Jember",
  "Banyuwangi",
  "Mojokerto",
  "Pasuruan",
  "Probolinggo",
  "Denpasar",
  "Mataram",
  "Kupang",
  "Medan",
  "Pekanbaru",
  "Padang",
  "Palembang",
  "Jambi",
  "Bengkulu",
  "Bandar Lampung",
  "Batam",
  "Pontianak",
  "Banjarmasin",
  "Balikpapan",
  "Samarinda",
  "Palangkaraya",
  "Makassar",
  "Manado",
  "Palu",
  "Kendari",
  "Gorontalo",
  "Ambon",
  "Jayapura",
  "Cilegon",
  "Serang",
];

/** Abbreviations and old spellings -> the city's name. */
export const CITY_ALIASES: Readonly<Record<string, string>> = {
  jaksel: "Jakarta Selatan",
  jakbar: "Jakarta Barat",
  jaktim: "Jakarta Timur",
  jakut: "Jakarta Utara",
  jakpus: "Jakarta Pusat",
  jkt: "Jakarta",
  dki: "Jakarta",
  tangsel: "Tangerang Selatan",
  tng: "Tangerang",
  bks: "Bekasi",
  bdg: "Bandung",
  sby: "Surabaya",
  jogja: "Yogyakarta",
  jogjakarta: "Yogyakarta",
  yogya: "Yogyakarta",
  yogyakarta: "Yogyakarta",
  diy: "Yogyakarta",
  smg: "Semarang",
  mlg: "Malang",
  dps: "Denpasar",
  mks: "Makassar",
  plg: "Palembang",
  bpn: "Balikpapan",
  sda: "Sidoarjo",
  bgr: "Bogor",
  dpk: "Depok",
};

/** Cities that are also everyday words; from the national list they need "di"/"kota" before them. */
const WORD_CITIES = new Set([
  "solo",
  "padang",
  "serang",
  "palu",
  "medan",
  "batam",
  "garut",
  "kudus",
  "tegal",
]);

function allowedSlips(length: number): number {
  return length <= 3 ? 0 : length <= 6 ? 1 : 2;
}

interface CityHit {
  city: string;
  distance: number;
  whole: boolean;
}

interface CityForms {
  whole: string;
  parts: string[];
  words: number;
}

/** Folded forms per city name, computed once: city lists are small and reused every message. */
const cityForms = new Map<string, CityForms>();

function formsOf(city: string): CityForms {
  const cached = cityForms.get(city);
  if (cached) return cached;
  const words = city.split(/\s+/);
  const forms: CityForms = {
    whole: foldSpelling(city),
    parts:
      words.length > 1
        ? words.filter((part) => !GENERIC_NAME_PARTS.has(part.toLowerCase())).map(foldSpelling)
        : [],
    words: words.length,
  };
  cityForms.set(city, forms);
  return forms;
}

/** The closest of `cities` to what was typed, comparing whole names and distinctive parts. */
function closestCity(typed: string, cities: readonly string[], fuzzy: boolean): CityHit[] {
  const a = foldSpelling(typed);
  if (a.length < 3) return [];
  // Two typed words can only be a two-word name ("jakarta selatan"), never "di" + a city.
  const twoWords = typed.includes(" ");
  const hits: CityHit[] = [];
  for (const city of cities) {
    const forms = formsOf(city);
    if (twoWords && forms.words < 2) continue;
    const candidates = [
      { folded: forms.whole, whole: true },
      ...(twoWords ? [] : forms.parts.map((folded) => ({ folded, whole: false }))),
    ];
    let best: CityHit | null = null;
    for (const candidate of candidates) {
      const limit = fuzzy ? allowedSlips(Math.min(a.length, candidate.folded.length)) : 0;
      if (Math.abs(a.length - candidate.folded.length) > limit) continue;
      const distance = editDistance(a, candidate.folded);
      if (distance > limit) continue;
      if (!best || distance < best.distance || (distance === best.distance && candidate.whole))
        best = { city, distance, whole: candidate.whole };
    }
    if (best) hits.push(best);
  }
  if (hits.length === 0) return [];
  const top = Math.min(...hits.map((hit) => hit.distance));
  const closest = hits.filter((hit) => hit.distance === top);
  // A whole-name hit ("tangerang" = Tangerang) beats a part of a longer name (Tangerang Selatan).
  return closest.some((hit) => hit.whole) ? closest.filter((hit) => hit.whole) : closest;
}

/**
 * Resolves what the buyer typed to one city. For a search filter the showroom's own spelling wins
 * ("jakarta" -> its "Jakarta Selatan"); for the buyer's home the city as named wins ("Jakarta").
 */
function resolveCity(
  typed: string,
  showroomCities: readonly string[],
  previousWord: string | undefined,
  home: boolean,
): string | null {
  const alias = CITY_ALIASES[typed.replace(/\s+/g, "")];
  const fuzzy = !COMMON_WORDS.has(typed);
  const fromShowroom = () => {
    const hits = closestCity(alias ?? typed, showroomCities, alias ? false : fuzzy);
    return hits.length === 1 ? (hits[0]?.city ?? null) : null;
  };
  const fromNation = () => {
    if (
      WORD_CITIES.has(typed) &&
      !["di", "ke", "kota", "daerah", "wilayah", "area", "sekitar", "dari", "in", "from"].includes(
        previousWord ?? "",
      )
    )
      return null;
    const hits = closestCity(alias ?? typed, INDONESIAN_CITIES, false);
    return hits.length === 1 ? (hits[0]?.city ?? null) : null;
  };
  return home ? (fromNation() ?? fromShowroom()) : (fromShowroom() ?? fromNation());
}

/** "saya Rina dari Bekasi", "domisili Depok", "I live in Bandung": the buyer's home, not the car's. */
function isBuyerHome(text: string, start: number, introduced: boolean): boolean {
  const before = wordsBefore(text, start, 5);
  const last = before.slice(-2).join(" ");
  if (
    [
      "domisili",
      "asal",
      "orang",
      "tinggal di",
      "rumah di",
      "saya di",
      "posisi di",
      "posisi saya di",
      "live in",
      "based in",
      "domisili di",
      "kerja di",
      "kantor di",
      "kirim ke",
      "dikirim ke",
      "antar ke",
      "diantar ke",
      "kirim sampai",
    ].some((cue) => last === cue || last.endsWith(cue))
  )
    return true;
  // "dari X" is the buyer's home after an introduction ("saya Rina dari Bekasi", "ini Pak Joko dari
  // Cimahi"); without one ("unit dari Bekasi?") it is where the car is.
  if (before[before.length - 1] === "dari" || before[before.length - 1] === "from") {
    return introduced || before.some((word) => ["saya", "i'm", "im", "am", "kami"].includes(word));
  }
  return false;
}

export interface Places {
  city?: string;
  buyerCity?: string;
}

export function readPlaces(scan: Scan, showroomCities: readonly string[] = [], introduced = false): Places {
  const places: Places = {};
  const tokens = freeTokens(scan);
  const memo = new Map<string, string | null>();
  let index = 0;
  while (index < tokens.length) {
    let used = 0;
    for (const size of [2, 1]) {
      const slice: Token[] = tokens.slice(index, index + size);
      if (slice.length < size) continue;
      if (size === 2 && scan.text.slice(slice[0]?.end ?? 0, slice[1]?.start ?? 0).trim() !== "") continue;
      const typed = slice.map((token) => token.word).join(" ");
      if (/\d/.test(typed)) continue;
      const start = slice[0]?.start ?? 0;
      const home = isBuyerHome(scan.text, start, introduced);
      const previousWord = wordsBefore(scan.text, start, 1)[0];
      const key = `${typed}|${home}|${previousWord ?? ""}`;
      if (!memo.has(key)) memo.set(key, resolveCity(typed, showroomCities, previousWord, home));
      const city = memo.get(key) ?? null;
      if (!city) continue;
      claim(scan, start, slice[slice.length - 1]?.end ?? start);
      if (home) places.buyerCity ??= city;
      else places.city ??= city;
      used = size;
      break;
    }
    index += used || 1;
  }
  return places;
}
