// The LLM engine (Anthropic or OpenAI) over the assistant's tools, grounded and metered. It never
// answers with anything doubtful: when the showroom has no LLM, no budget or rate left, the
// provider fails, or the reply fails grounding, it returns `null` (with the calls it recorded) and
// the caller answers with the local engine.
import "server-only";
import { takeBuyerLlmTurn } from "@/lib/assistant/buyer-limits";
import { checkAllowance, notifyAllowanceOnce } from "@/lib/assistant/llm/budget";
import { type CallOutcome, metered, type RecordedCall, recordCall } from "@/lib/assistant/llm/calls";
import { groundingProblem } from "@/lib/assistant/llm/grounding-check";
import { buildSystemPrompt } from "@/lib/assistant/llm/prompt";
import { configuredProvider } from "@/lib/assistant/llm/provider-choice";
import { estimateCostMicroUsd } from "@/lib/assistant/llm/providers/cost";
import { isProviderError } from "@/lib/assistant/llm/providers/errors";
import { runToolLoop, type ToolLoopResult } from "@/lib/assistant/llm/providers/types";
import { ASSISTANT_TOOLS, createToolExecutor } from "@/lib/assistant/llm/tools/registry";
import type { PhotoToSend } from "@/lib/assistant/llm/tools/turn";
import type { BuyerReply, ReplyOptions } from "@/lib/assistant/reply";
import { understandBuyerMessage } from "@/lib/assistant/understand/buyer-message";
import type { Tx } from "@/lib/core/db/client";
import { isListed } from "@/lib/inventory/listing";
import { aiSettings } from "@/lib/settings/platform";

export interface LlmReply extends BuyerReply {
  /** Photos the tools chose when no conversation was given: the caller queues them. */
  photos: PhotoToSend[];
  /** The handoff tool already handed the conversation over; the caller must not repeat it. */
  handoffDone: boolean;
}

const SAVEPOINT = "assistant_llm_turn";

/** The record of a turn that made no request: a limit sent it to the local engine. */
function idleCall(
  configured: { name: RecordedCall["provider"]; model: string },
  outcome: CallOutcome,
): RecordedCall {
  return {
    provider: configured.name,
    model: configured.model,
    inputTokens: 0,
    outputTokens: 0,
    costMicroUsd: 0n,
    latencyMs: 0,
    outcome,
  };
}

/**
 * One buyer message answered by the showroom's LLM, or null for the local engine. What the tools
 * wrote (leads, notes, notifications, queued photos, a handoff) is rolled back to a savepoint when
 * the reply is not sent, so the buyer never gets photos or a booking the reply that went out does
 * not mention. Every call is recorded in `calls`.
 */
export async function composeLlmReply(
  tx: Tx,
  options: ReplyOptions,
  calls: RecordedCall[],
): Promise<LlmReply | null> {
  const tenant = await tx.tenant.findUniqueOrThrow({
    where: { id: options.tenantId },
    select: {
      aiProvider: true,
      aiMonthlyBudgetMicroUsd: true,
      aiRatePerMinute: true,
      creditMinDownPct: true,
      city: true,
    },
  });
  const ai = await aiSettings();
  const configured = configuredProvider(tenant.aiProvider, ai);
  if (!configured) return null;

  const blocked = await checkAllowance(tx, {
    monthlyBudgetMicroUsd: tenant.aiMonthlyBudgetMicroUsd,
    ratePerMinute: tenant.aiRatePerMinute,
  });
  if (blocked !== "ok") {
    calls.push(await recordCall(tx, options.tenantId, idleCall(configured, blocked)));
    await notifyAllowanceOnce(tx, { tenantId: options.tenantId, allowance: blocked });
    return null;
  }
  if (
    options.contactId &&
    !(await takeBuyerLlmTurn(tx, { tenantId: options.tenantId, contactId: options.contactId }))
  ) {
    calls.push(await recordCall(tx, options.tenantId, idleCall(configured, "buyer_limit")));
    return null;
  }

  // Every model in stock, sold ones too: grounding refuses a reply naming a car no tool returned.
  const stock = await tx.vehicle.findMany({
    distinct: ["brand", "model"],
    select: { brand: true, model: true, status: true, city: true },
  });
  const listed = stock.filter((row) => isListed(row.status));
  const understood = understandBuyerMessage(options.text, {
    brands: listed.map(({ brand, model }) => ({ brand, model })),
    cities: [...new Set(listed.flatMap((row) => (row.city ? [row.city] : [])))],
    previous: options.previous,
  });

  const executor = createToolExecutor(tx, {
    tenantId: options.tenantId,
    base: options.base,
    creditRateBps: options.creditRateBps,
    creditMinDownPct: tenant.creditMinDownPct,
    conversation: options.conversation,
  });
  const { provider, meter } = metered(configured);
  const started = performance.now();
  const finish = (outcome: CallOutcome, detail?: string) =>
    recordCall(tx, options.tenantId, {
      provider: provider.name,
      model: meter.model,
      inputTokens: meter.inputTokens,
      outputTokens: meter.outputTokens,
      // An unknown model has no price: recorded as 0 and visible by its model name, never a guess.
      costMicroUsd: BigInt(estimateCostMicroUsd(provider.name, meter.model, meter) ?? 0),
      latencyMs: Math.round(performance.now() - started),
      outcome,
      ...(detail ? { detail } : {}),
    });

  await tx.$executeRawUnsafe(`SAVEPOINT ${SAVEPOINT}`);
  let loop: ToolLoopResult;
  try {
    loop = await runToolLoop(provider, {
      system: buildSystemPrompt({
        showroomName: options.showroomName,
        city: tenant.city,
        base: options.base,
        previous: options.previous,
        creditMinDownPct: tenant.creditMinDownPct,
        now: new Date(),
      }),
      messages: [{ role: "user", text: options.text }],
      tools: ASSISTANT_TOOLS,
      executeTool: executor.execute,
      signal: AbortSignal.timeout(options.deadlineMs ?? Math.min(ai.timeoutMs, 15_000)),
    });
  } catch (error) {
    // A failed statement inside a tool leaves PostgreSQL's transaction aborted; the savepoint brings it back.
    await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
    if (isProviderError(error)) {
      calls.push(await finish(`error:${error.kind}`, error.message));
    } else {
      // A bug in a tool must not leave a buyer unanswered; it is logged and counted, then the local engine answers.
      console.error("assistant: LLM turn failed", error);
      calls.push(await finish("error:internal", error instanceof Error ? error.message : String(error)));
    }
    return null;
  }

  const problem = groundingProblem({
    loop,
    effects: executor.effects,
    buyerText: options.text,
    buyerAmounts: understood.mentionedAmounts,
    base: options.base,
    stockModels: [...new Set(stock.map((row) => row.model))],
  });
  if (problem) {
    await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
    calls.push(await finish("fallback", problem));
    return null;
  }
  await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${SAVEPOINT}`);
  calls.push(await finish("ok"));
  const reply = loop.text.trim();
  const offered = [...executor.effects.links]
    .filter(([link, stockCode]) => reply.includes(link) || reply.includes(stockCode))
    .map(([, stockCode]) => stockCode);
  return {
    reply,
    offered,
    handoff: executor.effects.handoff !== null,
    criteria: understood.criteria,
    photos: executor.effects.photos,
    handoffDone: executor.effects.handoff?.done ?? false,
  };
}
