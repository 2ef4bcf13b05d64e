// Which LLM a showroom's assistant uses: its own choice or the platform default, when that
// provider's key is configured; null means the local engine.
import "server-only";
import { z } from "zod";
import { createAnthropicProvider } from "@/lib/assistant/llm/providers/anthropic";
import { createOpenAIProvider } from "@/lib/assistant/llm/providers/openai";
import type { AssistantProvider } from "@/lib/assistant/llm/providers/types";
import { type Env, getEnv } from "@/lib/core/env";

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
