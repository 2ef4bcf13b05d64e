// The showroom's own view of its stock: the dashboard list (every status, URL-driven filters), one
// vehicle with its photos and history, and duplicate checks before a save. Runs in the tenant's
// transaction, so another showroom's ids are simply not found.
import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/core/db/client";
import { NotFound } from "@/lib/core/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parsePlate } from "@/lib/inventory/plate";
import { VEHICLE_STATUSES } from "@/lib/inventory/vehicle-input";

export const DASHBOARD_PAGE_SIZE = 20;
export const DASHBOARD_SORTS = ["newest", "price_desc", "price_asc", "days_desc"] as const;
export type DashboardSort = (typeof DASHBOARD_SORTS)[number];

/** Bad or unknown values fall back to defaults: a bookmarked link always opens. */
export const DashboardVehicleQuery = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((value) => value || undefined)
    .catch(undefined),
  status: z.enum(VEHICLE_STATUSES).optional().catch(undefined),
  sort: z.enum(DASHBOARD_SORTS).catch("newest"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type DashboardVehicleQuery = z.output<typeof DashboardVehicleQuery>;

export function readDashboardVehicleQuery(
  params: Record<string, string | string[] | undefined>,
): DashboardVehicleQuery {
  const first = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  return DashboardVehicleQuery.parse({ ...first, sort: first.sort ?? "newest", page: first.page ?? 1 });
}

const ORDER: Record<DashboardSort, Prisma.VehicleOrderByWithRelationInput[]> = {
  newest: [{ createdAt: "desc" }],
  price_desc: [{ price: "desc" }, { createdAt: "desc" }],
  price_asc: [{ price: "asc" }, { createdAt: "desc" }],
  // Longest in stock first: the cars that need attention.
  days_desc: [{ inStockSince: "asc" }, { createdAt: "asc" }],
};

function textWhere(q: string): Prisma.VehicleWhereInput[] {
  return q
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6)
    .map((word) => {
      const contains = { contains: word, mode: "insensitive" as const };
      return {
        OR: [
          { stockCode: contains },
          { brand: contains },
          { model: contains },
          { variant: contains },
          { color: contains },
          { city: contains },
          { plateNumber: contains },
          ...(/^(19|20)\d\d$/.test(word) ? [{ year: Number(word) }] : []),
        ],
      };
    });
}

export const dashboardRowSelect = {
  id: true,
  stockCode: true,
  brand: true,
  model: true,
  variant: true,
  year: true,
  price: true,
  status: true,
  plateNumber: true,
  inStockSince: true,
  photos: { where: { isMain: true }, take: 1, select: { variants: true, blurDataUrl: true } },
} satisfies Prisma.VehicleSelect;
export type DashboardVehicleRow = Prisma.VehicleGetPayload<{ select: typeof dashboardRowSelect }>;

export async function listDashboardVehicles(tx: Tx, query: DashboardVehicleQuery) {
  const where: Prisma.VehicleWhereInput = {
    AND: [...(query.status ? [{ status: query.status }] : []), ...(query.q ? textWhere(query.q) : [])],
  };
  const total = await tx.vehicle.count({ where });
  const pages = Math.max(1, Math.ceil(total / DASHBOARD_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const items = await tx.vehicle.findMany({
    where,
    orderBy: ORDER[query.sort],
    skip: (page - 1) * DASHBOARD_PAGE_SIZE,
    take: DASHBOARD_PAGE_SIZE,
    select: dashboardRowSelect,
  });
  return { items, total, page, pages };
}

/** Whole days since the car came into stock (0 on its first day). */
export function daysInStock(inStockSince: Date, now: Date = new Date()): number {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.max(0, Math.floor((today - inStockSince.getTime()) / 86_400_000));
}

/** One vehicle with its photos in order and its history, newest first, with who did each step. */
export async function getDashboardVehicle(tx: Tx, vehicleId: string) {
  if (!z.uuid().safeParse(vehicleId).success) throw new NotFound("Vehicle not found");
  const vehicle = await tx.vehicle.findUnique({
    where: { id: vehicleId },
    include: {
      photos: { orderBy: [{ position: "asc" }, { createdAt: "asc" }] },
      events: { orderBy: { createdAt: "desc" }, take: 100 },
    },
  });
  if (!vehicle) throw new NotFound("Vehicle not found");
  const actorIds = [...new Set(vehicle.events.flatMap((event) => (event.actorId ? [event.actorId] : [])))];
  const actors = actorIds.length
    ? await tx.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })
    : [];
  const nameOf = new Map(actors.map((actor) => [actor.id, actor.name]));
  const events = vehicle.events.map((event) => ({
    ...event,
    actorName: event.actorId ? (nameOf.get(event.actorId) ?? null) : null,
  }));
  return { ...vehicle, events };
}
export type DashboardVehicle = Awaited<ReturnType<typeof getDashboardVehicle>>;

export interface DuplicateCheck {
  stockCode?: { id: string; label: string };
  plateNumber?: { id: string; label: string };
}

/** Other cars in this showroom with the same stock code or the same plate (however it was typed). */
export async function findVehicleDuplicates(
  tx: Tx,
  options: { stockCode?: string | null; plateNumber?: string | null; exceptId?: string },
): Promise<DuplicateCheck> {
  const result: DuplicateCheck = {};
  const notThis = options.exceptId ? { id: { not: options.exceptId } } : {};
  const select = { id: true, stockCode: true, brand: true, model: true, year: true } as const;
  const label = (car: { stockCode: string; brand: string; model: string; year: number }) =>
    `${car.stockCode} · ${car.brand} ${car.model} ${car.year}`;
  const stockCode = options.stockCode?.trim();
  if (stockCode) {
    const clash = await tx.vehicle.findFirst({
      where: { stockCode: { equals: stockCode, mode: "insensitive" }, ...notThis },
      select,
    });
    if (clash) result.stockCode = { id: clash.id, label: label(clash) };
  }
  const plate = options.plateNumber ? parsePlate(options.plateNumber) : null;
  if (plate) {
    const clash = await tx.vehicle.findFirst({
      where: { plateNumber: plate.normalized, ...notThis },
      select,
    });
    if (clash) result.plateNumber = { id: clash.id, label: label(clash) };
  }
  return result;
}
