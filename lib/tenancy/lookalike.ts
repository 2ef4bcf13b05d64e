// Look-alike rules for custom domain names. A showroom's own domain must not pass for another
// name in a buyer's address bar, so an internationalised (punycode, "xn--") label is accepted only
// when it is written the way Unicode's "highly restrictive" profile allows (UTS #39 §5.2: one
// script, or Latin with the scripts Chinese, Japanese and Korean are written in), and not entirely
// in Cyrillic or Greek letters that look Latin (the set Chromium uses for the same check). And no
// name, once accents are removed, look-alike letters and digits read as Latin and hyphens dropped,
// may contain the platform's own name.
import { domainToASCII, domainToUnicode } from "node:url";

type Script = string;

const SCRIPTS = [
  "Latin",
  "Cyrillic",
  "Greek",
  "Armenian",
  "Georgian",
  "Han",
  "Hiragana",
  "Katakana",
  "Bopomofo",
  "Hangul",
  "Arabic",
  "Hebrew",
  "Thai",
  "Devanagari",
  "Javanese",
  "Balinese",
  "Sundanese",
] as const;
const SCRIPT_PATTERNS = SCRIPTS.map((name) => ({ name, pattern: new RegExp(`^\\p{Script=${name}}$`, "u") }));
const NEUTRAL = /^[\p{Script=Common}\p{Script=Inherited}]$/u;

/** Script combinations UTS #39 "highly restrictive" allows besides a single script. */
const ALLOWED_MIXES: ReadonlySet<Script>[] = [
  new Set(["Latin", "Han", "Hiragana", "Katakana"]),
  new Set(["Latin", "Han", "Bopomofo"]),
  new Set(["Latin", "Han", "Hangul"]),
];

/** Lower-case letters that render like Latin ones, with the Latin letter they pass for. */
const LATIN_LOOKALIKES: Record<string, string> = {
  // Cyrillic (Chromium's "cyrillic letters latin alike" set)
  а: "a",
  с: "c",
  ԁ: "d",
  е: "e",
  һ: "h",
  і: "i",
  ј: "j",
  ӏ: "l",
  о: "o",
  р: "p",
  ԛ: "q",
  ѕ: "s",
  ԝ: "w",
  х: "x",
  у: "y",
  ъ: "b",
  ь: "b",
  ҽ: "e",
  п: "n",
  г: "r",
  ѵ: "v",
  ѡ: "w",
  // Greek
  α: "a",
  ε: "e",
  ι: "i",
  κ: "k",
  ν: "v",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "u",
  χ: "x",
};

function scriptOf(char: string): Script | null {
  if (NEUTRAL.test(char)) return null;
  return SCRIPT_PATTERNS.find((entry) => entry.pattern.test(char))?.name ?? "Other";
}

/** The Unicode form of an "xn--" label, or null when it is not valid punycode that round-trips. */
export function decodePunycodeLabel(label: string): string | null {
  const unicode = domainToUnicode(label);
  if (!unicode || unicode === label || domainToASCII(unicode) !== label) return null;
  return unicode;
}

/** Why a decoded label may not be used, or null when it is fine. */
export function lookalikeProblem(unicodeLabel: string): "mixed-scripts" | "whole-script-confusable" | null {
  const letters = [...unicodeLabel].filter((char) => scriptOf(char) !== null);
  const scripts = new Set(letters.map((char) => scriptOf(char) ?? ""));
  if (scripts.size > 1 && !ALLOWED_MIXES.some((allowed) => [...scripts].every((name) => allowed.has(name))))
    return "mixed-scripts";
  const [only] = scripts;
  if (
    scripts.size === 1 &&
    (only === "Cyrillic" || only === "Greek") &&
    letters.every((char) => char in LATIN_LOOKALIKES)
  )
    return "whole-script-confusable";
  return null;
}

/** A name as it reads: no accents, look-alike letters and digits as Latin, no dots or hyphens. */
export function skeleton(name: string): string {
  return [...name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()]
    .map((char) => LATIN_LOOKALIKES[char] ?? char)
    .join("")
    .replace(/0/g, "o")
    .replace(/1/g, "l")
    .replace(/rn/g, "m")
    .replace(/vv/g, "w")
    .replace(/[.-]/g, "");
}
