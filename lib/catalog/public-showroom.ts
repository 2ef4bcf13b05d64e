// PublicShowroom: what a catalog page may know about a showroom, and nothing more. It is read with
// a Prisma select of only these columns, so the WhatsApp token, Cloud API ids, plan limits, AI
// budget and internal settings never enter Next's data cache, page props or rendered HTML.
import "server-only";

import { withTenant } from "@/lib/core/db/tenant";
import type { Prisma } from "@/lib/generated/prisma/client";
import { servingDomains } from "@/lib/tenancy/serving-domains";
import { readTheme, type Theme } from "@/lib/tenancy/theme";

const publicShowroomSelect = {
  id: true,
  slug: true,
  name: true,
  tagline: true,
  city: true,
  address: true,
  mapUrl: true,
  whatsappNumber: true,
  openingHours: true,
  theme: true,
  creditRateBps: true,
  creditMinDownPct: true,
  creditTenorsMonths: true,
  domains: servingDomains,
} satisfies Prisma.TenantSelect;

type PublicShowroomRow = Prisma.TenantGetPayload<{ select: typeof publicShowroomSelect }>;

export type PublicShowroom = Omit<PublicShowroomRow, "theme" | "domains"> & {
  /** Validated colours, bundled font and the showroom's own image keys (lib/tenancy/theme). */
  theme: Theme;
  /** The showroom's own verified domains, sorted; the first is its canonical address. */
  domains: string[];
};

/** The showroom as the catalog shows it (uncached; lib/catalog/showroom.ts caches it). */
export async function readPublicShowroom(tenantId: string): Promise<PublicShowroom> {
  const row = await withTenant(tenantId, (tx) =>
    tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: publicShowroomSelect }),
  );
  return { ...row, theme: readTheme(row.theme), domains: row.domains.map((entry) => entry.domain) };
}
