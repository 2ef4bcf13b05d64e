// Every LLM turn is metered and recorded (llm_calls): tokens, cost, latency and how it ended, also
// when it fell back to the local engine.
import "server-only";
import type { ProviderName } from "@/lib/assistant/llm/providers/errors";
import type { AssistantProvider, ModelRequest } from "@/lib/assistant/llm/providers/types";
import type { Tx } from "@/lib/core/db/client";

export type CallOutcome = "ok" | "fallback" | `error:${string}` | "budget" | "rate_limited" | "buyer_limit";

export interface RecordedCall {
  provider: ProviderName;
  model: string;
  inputTokens: number;
  outputTokens: number;
  costMicroUsd: bigint;
  latencyMs: number;
  outcome: CallOutcome;
  /** Why a reply was refused ("invented amount 180000000"), for logs and tests. */
  detail?: string;
}

export interface Meter {
  inputTokens: number;
  outputTokens: number;
  model: string;
  requests: number;
}

/** Counts tokens per request, so a turn that fails on its second call still records what the first one cost. */
export function metered(provider: AssistantProvider): { provider: AssistantProvider; meter: Meter } {
  const meter: Meter = { inputTokens: 0, outputTokens: 0, model: provider.model, requests: 0 };
  return {
    meter,
    provider: {
      name: provider.name,
      model: provider.model,
      async generate(request: ModelRequest) {
        meter.requests += 1;
        const response = await provider.generate(request);
        meter.inputTokens += response.usage.inputTokens;
        meter.outputTokens += response.usage.outputTokens;
        meter.model = response.model;
        return response;
      },
    },
  };
}

export async function recordCall(tx: Tx, tenantId: string, call: RecordedCall): Promise<RecordedCall> {
  await tx.llmCall.create({
    data: {
      tenantId,
      provider: call.provider,
      model: call.model,
      purpose: "chat",
      inputTokens: call.inputTokens,
      outputTokens: call.outputTokens,
      costMicroUsd: call.costMicroUsd,
      latencyMs: call.latencyMs,
      outcome: call.outcome,
    },
  });
  return call;
}
