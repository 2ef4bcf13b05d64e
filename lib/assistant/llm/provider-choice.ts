// Which LLM a showroom's assistant uses: its own choice or the platform default, when that
// provider's key is configured; null means the local engine. The default provider, keys and
// models are the platform settings in effect (/admin/settings over the environment).
import "server-only";
import { z } from "zod";
import { createAnthropicProvider } from "@/lib/assistant/llm/providers/anthropic";
import { createOpenAIProvider } from "@/lib/assistant/llm/providers/openai";
import type { AssistantProvider } from "@/lib/assistant/llm/providers/types";
import { AI_PROVIDERS, type AiSettings } from "@/lib/settings/platform";

const ProviderChoice = z.enum(AI_PROVIDERS);

/** The provider this showroom uses, when it is an LLM and its key is configured; null means the local engine. */
export function configuredProvider(tenantChoice: string | null, ai: AiSettings): AssistantProvider | null {
  // An unknown stored value (a typo in the admin) falls back to the platform default rather than failing turns.
  const parsed = ProviderChoice.safeParse(tenantChoice);
  const name = parsed.success ? parsed.data : ai.defaultProvider;
  const common = { timeoutMs: ai.timeoutMs, maxRetries: ai.maxRetries, maxOutputTokens: 700 };
  if (name === "anthropic" && ai.anthropic.apiKey) {
    return createAnthropicProvider({
      ...common,
      apiKey: ai.anthropic.apiKey,
      baseURL: ai.anthropic.baseURL,
      model: ai.anthropic.model,
    });
  }
  if (name === "openai" && ai.openai.apiKey) {
    return createOpenAIProvider({
      ...common,
      apiKey: ai.openai.apiKey,
      baseURL: ai.openai.baseURL,
      model: ai.openai.model,
    });
  }
  return null;
}
