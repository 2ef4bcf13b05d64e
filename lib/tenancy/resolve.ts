// Finds the showroom for a catalog request, before any tenant is set (narrow security-definer
// lookup), through the data cache: every catalog request starts here.
import "server-only";

import { z } from "zod";
import { cachedRead, TENANT_LOOKUP_TAG } from "@/lib/core/cache";
import { db } from "@/lib/core/db/client";
import { type CatalogSegment, parseCatalogSegment } from "@/lib/tenancy/segment";

/** Only what routing needs; this is cached for every host, so it names its columns. */
const ResolvedTenant = z.object({
  id: z.string(),
  slug: z.string(),
  status: z.enum(["active", "suspended"]),
});
export type ResolvedTenant = z.infer<typeof ResolvedTenant>;

async function lookup(slug: string | null, domain: string | null): Promise<ResolvedTenant | null> {
  const rows = await db().$queryRaw<
    unknown[]
  >`SELECT id, slug, status FROM app_find_tenant(${slug}, ${domain})`;
  return rows[0] === undefined ? null : ResolvedTenant.parse(rows[0]);
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
