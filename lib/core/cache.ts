// Catalog reads through Next's data cache. Every entry is tagged with its showroom
// (`catalog:{tenantId}`), and the tags also land on the cached page HTML, so one revalidation
// after a stock, photo or theme change refreshes every page that showed it (lib/catalog/revalidate).
import { unstable_cache } from "next/cache";

/** The tag of everything a showroom's catalog shows. */
export const catalogTag = (tenantId: string) => `catalog:${tenantId}`;
/** Slug and domain -> showroom lookups; changes only when a slug, domain or status changes. */
export const TENANT_LOOKUP_TAG = "tenant-lookup";

// Next stores cache entries as JSON: BigInt (money) and Date would not survive, so they are
// written as tagged objects and revived on the way out.
function encode(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") return { $bigint: value.toString() };
  return value;
}

function revive(_key: string, value: unknown): unknown {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && "$bigint" in value && typeof value.$bigint === "string")
      return BigInt(value.$bigint);
    if (keys.length === 1 && "$date" in value && typeof value.$date === "string")
      return new Date(value.$date);
  }
  return value;
}

/** JSON.stringify calls Date#toJSON before the replacer sees it; dates are tagged first. */
function tagDates(value: unknown): unknown {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map(tagDates);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, tagDates(entry)]));
  return value;
}

export function serializeForCache(value: unknown): string {
  return JSON.stringify(tagDates(value), encode);
}

export function deserializeFromCache<T>(text: string): T {
  const parsed: T = JSON.parse(text, revive);
  return parsed;
}

/**
 * Runs `load` through Next's data cache under `key`, tagged with `tags`. Outside a Next server
 * (tests, CLI, benchmarks' SQL baseline) there is no cache to use, so it simply loads.
 */
export async function cachedRead<T>(key: string[], tags: string[], load: () => Promise<T>): Promise<T> {
  const cached = unstable_cache(async () => serializeForCache(await load()), key, {
    tags,
    revalidate: false,
  });
  try {
    return deserializeFromCache<T>(await cached());
  } catch (error) {
    if (error instanceof Error && error.message.includes("incrementalCache missing")) return load();
    throw error;
  }
}
