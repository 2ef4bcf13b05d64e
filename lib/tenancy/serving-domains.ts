// The custom domains a showroom's catalog is served on: only verified ones (lib/settings/domain-check.ts),
// first in name order is its canonical address. Every reader of a showroom's domains (catalog
// canonical URLs, links the assistant and the inbox send) selects them through this one fragment,
// so a domain claimed without proof never appears in a link.
export const servingDomains = {
  where: { status: "verified" },
  select: { domain: true },
  orderBy: { domain: "asc" },
} as const;
