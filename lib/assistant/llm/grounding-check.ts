// The last check on an LLM reply before it goes out: it finished, it is not empty, every amount and
// car link comes from this turn's tools (or the buyer), and it names no car the tools did not show.
import { amountsInToolResult, findInventedAmounts, findWrittenAmounts } from "@/lib/assistant/grounding";
import type { ToolLoopResult } from "@/lib/assistant/llm/providers/types";
import type { ToolEffects } from "@/lib/assistant/llm/tools/turn";

const URL_IN_TEXT = /https?:\/\/[^\s<>()"'\]]+/g;

/** Why an LLM reply may not go out, or null when it is grounded. */
export function groundingProblem(options: {
  loop: Pick<ToolLoopResult, "text" | "finishReason" | "toolCalls">;
  effects: ToolEffects;
  buyerText: string;
  buyerAmounts: readonly bigint[];
  base: string;
  /** Every model the showroom has ever stocked (any status), as spelled in stock. */
  stockModels: readonly string[];
}): string | null {
  const { loop, effects } = options;
  const reply = loop.text.trim();
  if (loop.finishReason !== "stop") return `finish ${loop.finishReason}`;
  if (!reply) return "empty reply";
  const allowed = [
    ...options.buyerAmounts,
    ...findWrittenAmounts(options.buyerText).map((written) => written.amount),
  ];
  for (const call of loop.toolCalls) if (!call.isError) amountsInToolResult(call.result, allowed);
  const invented = findInventedAmounts(reply, allowed);
  if (invented.length > 0) return `invented amount ${invented.join(", ")}`;
  const origin = new URL(options.base).origin;
  for (const match of reply.matchAll(URL_IN_TEXT)) {
    const url = match[0].replace(/[.,;:!?*_]+$/, "");
    if (url.includes("/vehicles/") ? !effects.links.has(url) : !url.startsWith(origin))
      return `link not from a tool ${url}`;
  }
  const buyer = options.buyerText.toLowerCase();
  for (const model of options.stockModels) {
    // Case-sensitive, as stocked: "City" the Honda, not "the city"; "Rush" the Toyota, not "no rush".
    const named = new RegExp(
      `(?<![\\p{L}\\d])${model.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\d])`,
      "u",
    ).test(reply);
    if (named && !effects.models.has(model.toLowerCase()) && !buyer.includes(model.toLowerCase()))
      return `car not from a tool ${model}`;
  }
  return null;
}
