// search_vehicles: the showroom's listed cars by any filter, cheapest first, available before booked.
import "server-only";
import { z } from "zod";
import { RupiahArg } from "@/lib/assistant/llm/providers/types";
import { assistantTool } from "@/lib/assistant/llm/tools/tool";
import { LISTED, listedSelect, text } from "@/lib/assistant/llm/tools/turn";
import type { Prisma } from "@/lib/generated/prisma/client";
import { BODY_TYPES, FUELS, TRANSMISSIONS } from "@/lib/inventory/vehicle-input";

const MAX_RESULTS = 5;

const SearchInput = z.object({
  brand: text(60).optional().describe("Brand, e.g. Toyota"),
  model: text(80).optional().describe("Model, e.g. Avanza"),
  yearMin: z.number().int().min(1950).max(2100).optional(),
  yearMax: z.number().int().min(1950).max(2100).optional(),
  priceMin: RupiahArg.optional().describe("Lowest price in Rupiah"),
  priceMax: RupiahArg.optional().describe("Highest price in Rupiah"),
  transmission: z.enum(TRANSMISSIONS).optional(),
  fuel: z.enum(FUELS).optional(),
  bodyType: z.enum(BODY_TYPES).optional(),
  color: text(40).optional().describe("Colour in Indonesian, e.g. hitam, putih"),
  city: text(80).optional(),
  mileageMaxKm: z.number().int().min(0).max(2_000_000).optional(),
});

function searchWhere(args: z.output<typeof SearchInput>): Prisma.VehicleWhereInput {
  const insensitive = (value: string) => ({ equals: value, mode: "insensitive" as const });
  return {
    status: { in: [...LISTED] },
    ...(args.brand ? { brand: insensitive(args.brand) } : {}),
    ...(args.model ? { model: { contains: args.model, mode: "insensitive" as const } } : {}),
    ...(args.yearMin !== undefined || args.yearMax !== undefined
      ? { year: { gte: args.yearMin, lte: args.yearMax } }
      : {}),
    ...(args.priceMin !== undefined || args.priceMax !== undefined
      ? { price: { gte: args.priceMin, lte: args.priceMax } }
      : {}),
    ...(args.transmission ? { transmission: args.transmission } : {}),
    ...(args.fuel ? { fuel: args.fuel } : {}),
    ...(args.bodyType ? { bodyType: args.bodyType } : {}),
    ...(args.color ? { color: { contains: args.color, mode: "insensitive" as const } } : {}),
    ...(args.city ? { city: insensitive(args.city) } : {}),
    ...(args.mileageMaxKm !== undefined ? { mileageKm: { lte: args.mileageMaxKm } } : {}),
  };
}

export const searchVehiclesTool = assistantTool({
  name: "search_vehicles",
  description:
    "Search this showroom's cars for sale. Every filter is optional; prices are integer Rupiah (185 juta = 185000000). Returns at most 5 cars, cheapest first, available before booked, each with its price in Rupiah and its catalog link. Sold cars are never returned.",
  input: SearchInput,
  async execute(args, { tx, show }) {
    const where = searchWhere(args);
    const [vehicles, total] = await Promise.all([
      tx.vehicle.findMany({
        where,
        orderBy: [{ status: "asc" }, { price: "asc" }],
        take: MAX_RESULTS,
        select: listedSelect,
      }),
      tx.vehicle.count({ where }),
    ]);
    return { total, vehicles: vehicles.map(show) };
  },
});
