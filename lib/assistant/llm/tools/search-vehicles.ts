// search_vehicles: the showroom's listed cars by any filter, cheapest first, available before booked.
import "server-only";
import { z } from "zod";
import { RupiahArg } from "@/lib/assistant/llm/providers/types";
import { assistantTool } from "@/lib/assistant/llm/tools/tool";
import { text } from "@/lib/assistant/llm/tools/turn";
import { findListedVehicles } from "@/lib/inventory/criteria";
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

export const searchVehiclesTool = assistantTool({
  name: "search_vehicles",
  description:
    "Search this showroom's cars for sale. Every filter is optional; prices are integer Rupiah (185 juta = 185000000). Returns at most 5 cars, cheapest first, available before booked, each with its price in Rupiah and its catalog link. Sold cars are never returned.",
  input: SearchInput,
  async execute(args, { tx, show }) {
    // The catalog's own search (same words, same cars as the site), available first, cheapest first.
    const { mileageMaxKm, ...criteria } = args;
    const { total, vehicles } = await findListedVehicles(
      tx,
      { ...criteria, mileageMax: mileageMaxKm },
      { sort: "available_first", limit: MAX_RESULTS },
    );
    return { total, vehicles: vehicles.map(show) };
  },
});
