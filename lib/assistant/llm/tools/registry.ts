// The assistant's tools, the same for every LLM provider, and the executor that binds them to one
// turn (one tenant transaction, one showroom, maybe one conversation). A new tool is one file in
// this folder (assistantTool: name, zod input, execute) plus its line in ASSISTANT_TOOLS and EXECUTE.
import "server-only";
import type { ToolInvocation } from "@/lib/assistant/llm/providers/types";
import { bookVisitTool } from "@/lib/assistant/llm/tools/book-visit";
import { createOrUpdateLeadTool } from "@/lib/assistant/llm/tools/create-or-update-lead";
import { creditSimulationTool } from "@/lib/assistant/llm/tools/credit-simulation";
import { handoffTool } from "@/lib/assistant/llm/tools/handoff";
import { searchVehiclesTool } from "@/lib/assistant/llm/tools/search-vehicles";
import { sendPhotosTool } from "@/lib/assistant/llm/tools/send-photos";
import type { ToolTurn } from "@/lib/assistant/llm/tools/tool";
import {
  emptyEffects,
  type ListedVehicle,
  summarize,
  type ToolContext,
  type ToolEffects,
} from "@/lib/assistant/llm/tools/turn";
import { vehicleDetailsTool } from "@/lib/assistant/llm/tools/vehicle-details";
import type { Tx } from "@/lib/core/db/client";

export type { PhotoToSend, ToolContext, ToolEffects, VehicleSummary } from "@/lib/assistant/llm/tools/turn";
export { vehicleLink } from "@/lib/assistant/llm/tools/turn";

export const ASSISTANT_TOOLS = [
  searchVehiclesTool,
  vehicleDetailsTool,
  sendPhotosTool,
  creditSimulationTool,
  createOrUpdateLeadTool,
  bookVisitTool,
  handoffTool,
] as const;

export type AssistantToolCall = ToolInvocation<typeof ASSISTANT_TOOLS>;
type ToolName = AssistantToolCall[0];
type ArgsOf = { [Call in AssistantToolCall as Call[0]]: Call[1] };
type Executors = { [Name in ToolName]: (args: ArgsOf[Name], turn: ToolTurn) => Promise<unknown> };

/** Each tool's execute by name: the compiler checks every tool of ASSISTANT_TOOLS is here. */
const EXECUTE: Executors = {
  search_vehicles: searchVehiclesTool.execute,
  vehicle_details: vehicleDetailsTool.execute,
  send_photos: sendPhotosTool.execute,
  credit_simulation: creditSimulationTool.execute,
  create_or_update_lead: createOrUpdateLeadTool.execute,
  book_visit: bookVisitTool.execute,
  handoff: handoffTool.execute,
};

function run<Name extends ToolName>(name: Name, args: ArgsOf[Name], turn: ToolTurn): Promise<unknown> {
  return EXECUTE[name](args, turn);
}

export interface ToolExecutor {
  effects: ToolEffects;
  execute(...call: AssistantToolCall): Promise<unknown>;
}

/** Binds the tools to one turn: one tenant transaction, one showroom, maybe one conversation. */
export function createToolExecutor(tx: Tx, context: ToolContext): ToolExecutor {
  const effects = emptyEffects();
  const show = (vehicle: ListedVehicle) => {
    const summary = summarize(vehicle, context.base);
    effects.shown.add(vehicle.stockCode);
    effects.links.set(summary.link, vehicle.stockCode);
    effects.models.add(vehicle.brand.toLowerCase()).add(vehicle.model.toLowerCase());
    return summary;
  };
  const turn: ToolTurn = { tx, context, effects, show };
  return { effects, execute: (...[name, args]) => run(name, args, turn) };
}
