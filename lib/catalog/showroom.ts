// The showroom behind a catalog request, read once per request.
import { cache } from "react";
import { withTenant } from "@/lib/db/tenant";
import { findTenantBySegment } from "@/lib/tenancy/resolve";
import { readTheme, type Theme } from "@/lib/tenancy/theme";
import { appUrl } from "@/lib/env";
import type { Tenant } from "@/lib/generated/prisma/client";

export type Showroom = { state: "missing" } | { state: "suspended" } | { state: "open"; tenant: Tenant; theme: Theme; canonicalBase: string };

/** One address per showroom for search engines: its own domain when it has one, else /{slug} on the platform. */
export function canonicalBaseOf(slug: string, domains: string[]): string {
  const [domain] = [...domains].sort();
  return domain ? `https://${domain}` : `${appUrl()}/${slug}`;
}

export const loadShowroom = cache(async (segment: string): Promise<Showroom> => {
  const found = await findTenantBySegment(segment);
  if (!found) return { state: "missing" };
  if (found.status !== "active") return { state: "suspended" };
  const { domains, ...tenant } = await withTenant(found.id, (tx) =>
    tx.tenant.findUniqueOrThrow({ where: { id: found.id }, include: { domains: { select: { domain: true } } } }),
  );
  return { state: "open", tenant, theme: readTheme(tenant.theme), canonicalBase: canonicalBaseOf(tenant.slug, domains.map((row) => row.domain)) };
});

/** wa.me link with a prefilled message. */
export function whatsappLink(number: string | null, message: string): string | null {
  return number ? `https://wa.me/${number}?text=${encodeURIComponent(message)}` : null;
}
