// What a model call cost, in integer micro-USD, from token usage and an approximate price table.
import type { ProviderName } from "./errors";
import type { TokenUsage } from "./types";

export interface ModelPrice {
  /** USD per million input (prompt) tokens. */
  inputPerMillion: number;
  /** USD per million output (completion) tokens. */
  outputPerMillion: number;
}

export type PriceTable = Partial<Record<ProviderName, Record<string, ModelPrice>>>;

/**
 * Approximate list prices (standard tier, no caching or batch discounts), as published when this
 * was written. Prices change: this is for dashboards and budgets, not invoices. Pass your own
 * table to estimateCostMicroUsd to correct or extend it. Keys are model ids; a dated snapshot
 * ("gpt-4.1-mini-2025-04-14", "claude-haiku-4-5-20251001") prices as the id it snapshots.
 * A model missing here has no estimate rather than a guessed one.
 */
export const DEFAULT_PRICES: PriceTable = {
  anthropic: {
    "claude-opus-4-5": { inputPerMillion: 5, outputPerMillion: 25 },
    "claude-opus-4-1": { inputPerMillion: 15, outputPerMillion: 75 },
    "claude-opus-4": { inputPerMillion: 15, outputPerMillion: 75 },
    "claude-sonnet-4-5": { inputPerMillion: 3, outputPerMillion: 15 },
    "claude-sonnet-4": { inputPerMillion: 3, outputPerMillion: 15 },
    "claude-haiku-4-5": { inputPerMillion: 1, outputPerMillion: 5 },
    "claude-3-7-sonnet": { inputPerMillion: 3, outputPerMillion: 15 },
    "claude-3-5-haiku": { inputPerMillion: 0.8, outputPerMillion: 4 },
  },
  openai: {
    "gpt-5": { inputPerMillion: 1.25, outputPerMillion: 10 },
    "gpt-5-mini": { inputPerMillion: 0.25, outputPerMillion: 2 },
    "gpt-5-nano": { inputPerMillion: 0.05, outputPerMillion: 0.4 },
    "gpt-4.1": { inputPerMillion: 2, outputPerMillion: 8 },
    "gpt-4.1-mini": { inputPerMillion: 0.4, outputPerMillion: 1.6 },
    "gpt-4.1-nano": { inputPerMillion: 0.1, outputPerMillion: 0.4 },
    "gpt-4o": { inputPerMillion: 2.5, outputPerMillion: 10 },
    "gpt-4o-mini": { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  },
};

export function findModelPrice(
  provider: ProviderName,
  model: string,
  prices: PriceTable = DEFAULT_PRICES,
): ModelPrice | null {
  const table = prices[provider];
  if (!table) return null;
  // Only a date may follow the id: "claude-opus-4" must not price "claude-opus-4-6", a newer model at another price.
  const snapshotOf = /^(.+?)-(\d{8}|\d{4}-\d{2}-\d{2})$/.exec(model)?.[1];
  return table[model] ?? (snapshotOf === undefined ? undefined : table[snapshotOf]) ?? null;
}

/**
 * Estimated cost in micro-USD (a whole number; 1 USD = 1,000,000). A price of X USD per million
 * tokens is exactly X micro-USD per token, so no floating point beyond the final rounding.
 * The local engine costs nothing; an unknown model gives null rather than a misleading 0.
 */
export function estimateCostMicroUsd(
  provider: ProviderName,
  model: string,
  usage: TokenUsage,
  prices: PriceTable = DEFAULT_PRICES,
): number | null {
  if (provider === "local") return 0;
  const price = findModelPrice(provider, model, prices);
  if (!price) return null;
  return Math.round(usage.inputTokens * price.inputPerMillion + usage.outputTokens * price.outputPerMillion);
}
