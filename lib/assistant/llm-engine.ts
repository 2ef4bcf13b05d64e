// The assistant's turn with an LLM (Anthropic or OpenAI) over the shared tools, grounded and metered; anything doubtful falls back to the local engine.
import "server-only";
import { z } from "zod";
import { checkAllowance, notifyAllowanceOnce } from "@/lib/assistant/budget";
import { composeBuyerReply, type TurnResult } from "@/lib/assistant/engine";
import { amountsInToolResult, findInventedAmounts, findWrittenAmounts } from "@/lib/assistant/grounding";
import { createAnthropicProvider } from "@/lib/assistant/providers/anthropic";
import { estimateCostMicroUsd } from "@/lib/assistant/providers/cost";
import { isProviderError, type ProviderName } from "@/lib/assistant/providers/errors";
import { createOpenAIProvider } from "@/lib/assistant/providers/openai";
import {
  type AssistantProvider,
  type ModelRequest,
  runToolLoop,
  type ToolLoopResult,
} from "@/lib/assistant/providers/types";
import {
  ASSISTANT_TOOLS,
  createToolExecutor,
  type PhotoToSend,
  type ToolEffects,
} from "@/lib/assistant/tools";
import { type SearchCriteria, understandBuyerMessage } from "@/lib/assistant/understand";
import type { Tx } from "@/lib/core/db/client";
import { type Env, getEnv } from "@/lib/core/env";
import { formatRupiah } from "@/lib/core/money";

/** composeBuyerReply's inputs, plus the conversation when tools may send (photos) and hand off directly. */
export type ComposeOptions = Parameters<typeof composeBuyerReply>[1] & {
  conversation?: { id: string; messageId: string };
  /** The whole turn's deadline; defaults to AI_TIMEOUT_MS capped at 15 s, leaving the tenant transaction time to fall back. */
  deadlineMs?: number;
};

export type CallOutcome = "ok" | "fallback" | `error:${string}` | "budget" | "rate_limited";

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

export interface ComposeResult extends TurnResult {
  /** Which engine wrote the reply. */
  engine: "llm" | "local";
  calls: RecordedCall[];
  /** Photos the tools chose when no conversation was given: the caller queues them. */
  photos: PhotoToSend[];
  /** The handoff tool already put the conversation in human mode and notified; the caller must not repeat it. */
  handoffDone: boolean;
}

const ProviderChoice = z.enum(["local", "anthropic", "openai"]);

/** The provider this showroom uses, when it is an LLM and its key is configured; null means the local engine. */
export function configuredProvider(
  tenantChoice: string | null,
  env: Env = getEnv(),
): AssistantProvider | null {
  // An unknown stored value (a typo in the admin) falls back to the platform default rather than failing turns.
  const parsed = ProviderChoice.safeParse(tenantChoice);
  const name = parsed.success ? parsed.data : env.AI_PROVIDER;
  const common = { timeoutMs: env.AI_TIMEOUT_MS, maxRetries: env.AI_MAX_RETRIES, maxOutputTokens: 700 };
  if (name === "anthropic" && env.ANTHROPIC_API_KEY) {
    return createAnthropicProvider({
      ...common,
      apiKey: env.ANTHROPIC_API_KEY,
      baseURL: env.ANTHROPIC_BASE_URL,
      model: env.ANTHROPIC_MODEL,
    });
  }
  if (name === "openai" && env.OPENAI_API_KEY) {
    return createOpenAIProvider({
      ...common,
      apiKey: env.OPENAI_API_KEY,
      baseURL: env.OPENAI_BASE_URL,
      model: env.OPENAI_MODEL,
    });
  }
  return null;
}

function describeCriteria(criteria: SearchCriteria): string {
  const parts: string[] = [];
  if (criteria.brand || criteria.model)
    parts.push([criteria.brand, criteria.model].filter(Boolean).join(" "));
  if (criteria.yearMin || criteria.yearMax)
    parts.push(`year ${criteria.yearMin ?? "…"}-${criteria.yearMax ?? "…"}`);
  if (criteria.priceMin || criteria.priceMax)
    parts.push(
      `price ${criteria.priceMin ? formatRupiah(criteria.priceMin) : "…"} - ${criteria.priceMax ? formatRupiah(criteria.priceMax) : "…"}`,
    );
  for (const key of ["transmission", "fuel", "bodyType", "color", "city", "stockCode"] as const)
    if (criteria[key]) parts.push(`${key} ${criteria[key]}`);
  return parts.join(", ");
}

/** The system prompt, per showroom: its own name and facts, no marketing, the rules grounding enforces. */
export function buildSystemPrompt(options: {
  showroomName: string;
  city: string | null;
  base: string;
  previous: SearchCriteria;
  creditMinDownPct: number;
  now: Date;
}): string {
  const today = options.now.toLocaleDateString("en-CA", { timeZone: "Asia/Jakarta" });
  const previous = describeCriteria(options.previous);
  return [
    `You are the virtual sales assistant of ${options.showroomName}${options.city ? `, a used-car showroom in ${options.city}` : ", a used-car showroom"}, chatting with a buyer on WhatsApp. Say you are a virtual assistant when it matters; never pretend to be a person.`,
    "Answer in the buyer's language (Bahasa Indonesia or English, matching their last message), briefly and politely, as plain WhatsApp text.",
    "Every car you mention must come from a tool result in this turn: call search_vehicles or vehicle_details first, and give each car's link exactly as the tool returned it. Never mention a car, a price or a link that no tool returned. If nothing matches, say so and offer what the tools found or the sales team.",
    "Write prices exactly as the tools give them (priceText, downPaymentText, monthlyText). For instalments call credit_simulation; never compute amounts yourself.",
    "Cars marked booked are reserved: say so if you mention them.",
    "Never agree to a discount, a lower price, a trade-in value or any special offer, and do not negotiate: call handoff and tell the buyer a salesperson will reply. Do the same for complaints or when they ask for a person.",
    `When the buyer wants a test drive or a visit, call book_visit with the date they chose (today is ${today}, Asia/Jakarta) and say the team will confirm. When they give their name or ask to be contacted, call create_or_update_lead. The minimum down payment here is ${options.creditMinDownPct}%.`,
    `Catalog: ${options.base}/vehicles`,
    previous ? `Earlier in this chat the buyer was looking for: ${previous}.` : "",
  ]
    .filter(Boolean)
    .join("\n");
}

interface Meter {
  inputTokens: number;
  outputTokens: number;
  model: string;
  requests: number;
}

/** Counts tokens per request, so a turn that fails on its second call still records what the first one cost. */
function metered(provider: AssistantProvider): { provider: AssistantProvider; meter: Meter } {
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

async function record(tx: Tx, tenantId: string, call: RecordedCall): Promise<RecordedCall> {
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

const SAVEPOINT = "assistant_llm_turn";

/**
 * One buyer message, answered by the showroom's LLM when it has one, a key, budget and rate left;
 * by the local engine otherwise or whenever the LLM's reply fails grounding or the provider fails.
 * What the tools wrote (leads, notes, notifications, queued photos, a handoff) is rolled back to a
 * savepoint when the LLM's reply is not sent, so the buyer never gets photos or a booking the reply
 * that went out does not mention.
 */
export async function composeReply(tx: Tx, options: ComposeOptions): Promise<ComposeResult> {
  const calls: RecordedCall[] = [];
  const local = async (): Promise<ComposeResult> => ({
    ...(await composeBuyerReply(tx, options)),
    engine: "local",
    calls,
    photos: [],
    handoffDone: false,
  });

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
  const env = getEnv();
  const configured = configuredProvider(tenant.aiProvider, env);
  if (!configured) return local();

  const blocked = await checkAllowance(tx, {
    monthlyBudgetMicroUsd: tenant.aiMonthlyBudgetMicroUsd,
    ratePerMinute: tenant.aiRatePerMinute,
  });
  if (blocked !== "ok") {
    calls.push(
      await record(tx, options.tenantId, {
        provider: configured.name,
        model: configured.model,
        inputTokens: 0,
        outputTokens: 0,
        costMicroUsd: 0n,
        latencyMs: 0,
        outcome: blocked,
      }),
    );
    await notifyAllowanceOnce(tx, { tenantId: options.tenantId, allowance: blocked });
    return local();
  }

  const stock = await tx.vehicle.findMany({
    distinct: ["brand", "model"],
    select: { brand: true, model: true, status: true, city: true },
  });
  const listed = stock.filter((row) => row.status === "available" || row.status === "booked");
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
    record(tx, options.tenantId, {
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
      signal: AbortSignal.timeout(options.deadlineMs ?? Math.min(env.AI_TIMEOUT_MS, 15_000)),
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
    return local();
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
    return local();
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
    engine: "llm",
    calls,
    photos: executor.effects.photos,
    handoffDone: executor.effects.handoff?.done ?? false,
  };
}
