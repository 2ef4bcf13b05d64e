// Finds the showroom for a catalog request, before any tenant is set (narrow security-definer
// lookup), and the base path its links use on this host.
import { cache } from "react";
import { headers } from "next/headers";
import { db } from "@/lib/db/client";

export interface ResolvedTenant {
  id: string;
  slug: string;
  status: "active" | "suspended";
}

/** The [tenant] segment: a slug on the platform host, or "@domain" for a showroom's own domain. */
export const findTenantBySegment = cache(async (rawSegment: string): Promise<ResolvedTenant | null> => {
  const segment = decodeURIComponent(rawSegment);
  if (segment.startsWith("@")) {
    const domain = segment.slice(1);
    if (!/^[a-z0-9.-]{1,253}$/.test(domain)) return null;
    const rows = await db().$queryRaw<ResolvedTenant[]>`SELECT * FROM app_find_tenant(NULL, ${domain})`;
    return rows[0] ?? null;
  }
  if (!/^[a-z0-9-]{1,63}$/.test(segment)) return null;
  const rows = await db().$queryRaw<ResolvedTenant[]>`SELECT * FROM app_find_tenant(${segment}, NULL)`;
  return rows[0] ?? null;
});

/** "/{slug}" on the platform host; "" on a subdomain or custom domain (set by the proxy). */
export async function catalogBase(slug: string): Promise<string> {
  const base = (await headers()).get("x-autolumiku-catalog-base");
  return base ?? `/${slug}`;
}
