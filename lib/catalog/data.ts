// What the catalog pages show, read in one tenant transaction each and kept in Next's data cache
// under the showroom's tag until a change revalidates it.
import "server-only";

import { cachedRead, catalogTag, serializeForCache } from "@/lib/core/cache";
import { withTenant } from "@/lib/core/db/tenant";
import { type CatalogQuery, searchVehicles, vehicleCardSelect } from "@/lib/inventory/search";

const LISTED = { status: { in: ["available" as const, "booked" as const] } };

export function loadHome(tenantId: string) {
  return cachedRead(["home", tenantId], [catalogTag(tenantId)], () =>
    withTenant(tenantId, async (tx) => ({
      featured: await tx.vehicle.findMany({
        where: { ...LISTED, featured: true },
        orderBy: { createdAt: "desc" },
        take: 6,
        select: vehicleCardSelect,
      }),
      newest: await tx.vehicle.findMany({
        where: LISTED,
        orderBy: [{ inStockSince: "desc" }, { createdAt: "desc" }],
        take: 6,
        select: vehicleCardSelect,
      }),
      brands: (
        await tx.vehicle.groupBy({
          by: ["brand"],
          where: LISTED,
          _count: { _all: true },
          orderBy: { brand: "asc" },
        })
      ).map((group) => ({ brand: group.brand, count: group._count._all })),
    })),
  );
}

export function loadSearch(tenantId: string, query: CatalogQuery) {
  return cachedRead(["search", tenantId, serializeForCache(query)], [catalogTag(tenantId)], () =>
    withTenant(tenantId, (tx) => searchVehicles(tx, query)),
  );
}

/** A listed car (available or booked) by its slug; sold and draft cars are not in the catalog. */
export function loadVehicle(tenantId: string, slug: string) {
  return cachedRead(["vehicle", tenantId, slug], [catalogTag(tenantId)], () =>
    withTenant(tenantId, (tx) =>
      tx.vehicle.findFirst({
        where: { slug, ...LISTED },
        include: { photos: { orderBy: [{ isMain: "desc" }, { position: "asc" }] } },
      }),
    ),
  );
}

export function loadSitemap(tenantId: string) {
  return cachedRead(["sitemap", tenantId], [catalogTag(tenantId)], () =>
    withTenant(tenantId, (tx) =>
      tx.vehicle.findMany({
        where: LISTED,
        select: { slug: true, updatedAt: true },
        orderBy: { updatedAt: "desc" },
      }),
    ),
  );
}
