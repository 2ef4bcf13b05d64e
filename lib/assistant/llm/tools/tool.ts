// What one assistant tool is: the schema the model sees (defineTool) plus the function that runs it
// inside the turn's tenant transaction. Each tool is one file in this folder; registry.ts lists them.
import "server-only";
import type { z } from "zod";
import { defineTool, type ToolDefinition } from "@/lib/assistant/llm/providers/types";
import type { ListedVehicle, ToolContext, ToolEffects, VehicleSummary } from "@/lib/assistant/llm/tools/turn";
import type { Tx } from "@/lib/core/db/client";

/** The turn a tool runs in: the transaction, who it is for, and what the tools did so far. */
export interface ToolTurn {
  tx: Tx;
  context: ToolContext;
  effects: ToolEffects;
  /** Records a car as shown to the model (its link and model become allowed in the reply). */
  show(vehicle: ListedVehicle): VehicleSummary;
}

export interface AssistantTool<Input extends z.ZodType = z.ZodType, Name extends string = string>
  extends ToolDefinition<Input, Name> {
  execute(args: z.output<Input>, turn: ToolTurn): Promise<unknown>;
}

export function assistantTool<const Name extends string, Input extends z.ZodType>(
  tool: AssistantTool<Input, Name>,
): AssistantTool<Input, Name> {
  return {
    ...defineTool({ name: tool.name, description: tool.description, input: tool.input }),
    execute: tool.execute,
  };
}
