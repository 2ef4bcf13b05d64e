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
