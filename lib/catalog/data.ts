// What the catalog pages show, read in one tenant transaction each and kept in Next's data cache
// under the showroom's tag until a change revalidates it. Every read selects only what a page
// shows (cards, the detail DTO, sitemap entries): no tenant id, plate number or internal dates
// enter the cache. Only listed cars (lib/inventory/listing.ts) are ever read here.
import "server-only";

import { cachedRead, catalogTag, serializeForCache } from "@/lib/core/cache";
import { withTenant } from "@/lib/core/db/tenant";
import type { Prisma } from "@/lib/generated/prisma/client";
import { listedWhere } from "@/lib/inventory/listing";
import { type CatalogQuery, searchVehicles, vehicleCardSelect } from "@/lib/inventory/search";
import { vehicleSummarySelect } from "@/lib/inventory/vehicle-select";

/** The vehicle page: specs, papers (plate region and odd/even, never the plate itself), photos. */
export const vehicleDetailSelect = {
  ...vehicleSummarySelect,
  fuel: true,
  engineCc: true,
  color: true,
  bodyType: true,
  seats: true,
  negotiable: true,
  plateRegion: true,
  plateParity: true,
  taxValidUntil: true,
  stnkValidUntil: true,
  previousOwners: true,
  descriptionId: true,
  descriptionEn: true,
  features: true,
  photos: {
    orderBy: [{ isMain: "desc" }, { position: "asc" }],
    select: { id: true, variants: true, blurDataUrl: true, width: true, height: true },
  },
} satisfies Prisma.VehicleSelect;
export type VehicleDetail = Prisma.VehicleGetPayload<{ select: typeof vehicleDetailSelect }>;

export function readHome(tenantId: string) {
  return withTenant(tenantId, async (tx) => ({
    featured: await tx.vehicle.findMany({
      where: { ...listedWhere, featured: true },
      orderBy: { createdAt: "desc" },
      take: 6,
      select: vehicleCardSelect,
    }),
    newest: await tx.vehicle.findMany({
      where: listedWhere,
      orderBy: [{ inStockSince: "desc" }, { createdAt: "desc" }],
      take: 6,
      select: vehicleCardSelect,
    }),
    brands: (
      await tx.vehicle.groupBy({
        by: ["brand"],
        where: listedWhere,
        _count: { _all: true },
        orderBy: { brand: "asc" },
      })
    ).map((group) => ({ brand: group.brand, count: group._count._all })),
  }));
}

export function loadHome(tenantId: string) {
  return cachedRead(["home", tenantId], [catalogTag(tenantId)], () => readHome(tenantId));
}

export function loadSearch(tenantId: string, query: CatalogQuery) {
  return cachedRead(["search", tenantId, serializeForCache(query)], [catalogTag(tenantId)], () =>
    withTenant(tenantId, (tx) => searchVehicles(tx, query)),
  );
}

/** A listed car by its slug; sold and draft cars are not in the catalog. */
export function readVehicle(tenantId: string, slug: string): Promise<VehicleDetail | null> {
  return withTenant(tenantId, (tx) =>
    tx.vehicle.findFirst({ where: { slug, ...listedWhere }, select: vehicleDetailSelect }),
  );
}

export function loadVehicle(tenantId: string, slug: string) {
  return cachedRead(["vehicle", tenantId, slug], [catalogTag(tenantId)], () => readVehicle(tenantId, slug));
}

export function readSitemap(tenantId: string) {
  return withTenant(tenantId, (tx) =>
    tx.vehicle.findMany({
      where: listedWhere,
      select: { slug: true, updatedAt: true },
      orderBy: { updatedAt: "desc" },
    }),
  );
}

export function loadSitemap(tenantId: string) {
  return cachedRead(["sitemap", tenantId], [catalogTag(tenantId)], () => readSitemap(tenantId));
}
