// How a tool names one car: by the stock code or the slug a search returned.
import { z } from "zod";
import { text } from "@/lib/assistant/llm/tools/turn";

export const VehicleRef = z.object({
  stockCode: text(40).optional().describe("The car's stock code from a search result"),
  slug: text(200).optional().describe("The car's slug from its catalog link"),
});
