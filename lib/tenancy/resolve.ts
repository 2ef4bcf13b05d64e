// Finds the showroom for a catalog request, before any tenant is set (narrow security-definer
// lookup), through the data cache: every catalog request starts here.
import "server-only";

import { cachedRead, TENANT_LOOKUP_TAG } from "@/lib/core/cache";
import { db } from "@/lib/core/db/client";
import { type CatalogSegment, parseCatalogSegment } from "@/lib/tenancy/segment";

export interface ResolvedTenant {
  id: string;
  slug: string;
  status: "active" | "suspended";
}

async function lookup(slug: string | null, domain: string | null): Promise<ResolvedTenant | null> {
  const rows = await db().$queryRaw<ResolvedTenant[]>`SELECT * FROM app_find_tenant(${slug}, ${domain})`;
  return rows[0] ?? null;
}

export function findTenant(segment: CatalogSegment): Promise<ResolvedTenant | null> {
  const [slug, domain] = segment.mode === "domain" ? [null, segment.key] : [segment.key, null];
  return cachedRead(
    ["tenant-lookup", segment.mode === "domain" ? "d" : "s", segment.key],
    [TENANT_LOOKUP_TAG],
    () => lookup(slug, domain),
  );
}

/** The [tenant] route segment (see lib/catalog/segment) -> the showroom, or null. */
export async function findTenantBySegment(rawSegment: string): Promise<ResolvedTenant | null> {
  const segment = parseCatalogSegment(rawSegment);
  return segment ? findTenant(segment) : null;
}
