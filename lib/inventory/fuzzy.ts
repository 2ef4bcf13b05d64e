// Typo- and spelling-tolerant matching of what buyers type against the names in a showroom's
// stock: "avansa" finds Avanza, "inova" Innova, "xpandr" Xpander, "jaz" Jazz.

/** Indonesian spellings vary in z/s, doubled letters and hyphens ("HR-V", "hrv"). */
export function foldSpelling(word: string): string {
  return word
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]/g, "")
    .replace(/z/g, "s")
    .replace(/ph/g, "f")
    .replace(/(.)\1+/g, "$1");
}

export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j] ?? 0;
      previous[j] = Math.min(
        above + 1,
        (previous[j - 1] ?? 0) + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}

/** Short words must match exactly (after folding); longer ones may have one or two slips. */
function allowedSlips(length: number): number {
  return length <= 3 ? 0 : length <= 6 ? 1 : 2;
}

export function sounds(typed: string, name: string): boolean {
  const a = foldSpelling(typed);
  if (a.length < 2) return false;
  const candidates = [name, ...name.split(/[\s-]+/)].map(foldSpelling).filter(Boolean);
  return candidates.some((b) => editDistance(a, b) <= allowedSlips(Math.min(a.length, b.length)));
}

/** The names among `names` that a typed word means, best first. */
export function matchNames(typed: string, names: readonly string[]): string[] {
  return names.filter((name) => sounds(typed, name));
}

/** Case, spaces, hyphens and dots aside: "crv", "cr v", "CR-V" are one name. */
export function nameKey(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]/g, "");
}

const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFKD")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/**
 * The names among `names` that a buyer's phrase means, by the most precise rule that finds any:
 * 1. the same name, case, spaces and hyphens aside ("crv" -> "CR-V", "pajero sport" -> "Pajero Sport");
 * 2. the names that contain each of its words ("pajero" -> "Pajero Sport", "innova" -> "Kijang Innova");
 * 3. the names it sounds like, typos allowed ("avansa" -> "Avanza").
 * A precise match wins over a looser one, so a value picked from a list ("Hitam") selects exactly
 * that value, not "Hitam Metalik" too.
 */
export function resolveName(typed: string, names: readonly string[]): string[] {
  const key = nameKey(typed);
  if (!key) return [];
  const same = names.filter((name) => nameKey(name) === key);
  if (same.length || key.length < 2) return same;
  const words = wordsOf(typed);
  const containing = names.filter((name) => {
    const own = wordsOf(name);
    return words.every((word) => own.includes(word));
  });
  return containing.length ? containing : matchNames(typed, names);
}
