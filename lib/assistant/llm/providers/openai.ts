// The OpenAI Chat Completions API (function calling) behind the AssistantProvider contract, through the official SDK.
import OpenAI from "openai";
import type {
  ChatCompletionFunctionTool,
  ChatCompletionMessageParam,
} from "openai/resources/chat/completions";
import { z } from "zod";
import { callSdk, ProviderError } from "./errors";
import {
  type AssistantProvider,
  DEFAULT_MAX_OUTPUT_TOKENS,
  type ModelRequest,
  type ModelResponse,
  type ModelToolCall,
  type ProviderSettings,
  type ToolSpec,
  type TranscriptEntry,
} from "./types";

const OpenAIChatCompletion = z.object({
  model: z.string().min(1),
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.string().nullish(),
          tool_calls: z
            .array(
              z.object({
                id: z.string().min(1),
                // "custom" tool calls exist, but only for custom tools, which we never declare.
                type: z.literal("function"),
                function: z.object({ name: z.string().min(1), arguments: z.string() }),
              }),
            )
            .nullish(),
        }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  // Always present from OpenAI itself; some compatible gateways leave it out, which must not lose the answer.
  usage: z
    .object({
      prompt_tokens: z.number().int().nonnegative(),
      completion_tokens: z.number().int().nonnegative(),
    })
    .nullish(),
});

/** baseURL unset: https://api.openai.com/v1; any OpenAI-compatible gateway works. */
export function createOpenAIProvider(options: ProviderSettings): AssistantProvider {
  const client = new OpenAI({
    apiKey: options.apiKey,
    // null, not undefined: the SDK would read OPENAI_BASE_URL / OPENAI_ORG_ID / OPENAI_PROJECT_ID itself,
    // and lib/core/env.ts is the one reader of settings.
    baseURL: options.baseURL ?? null,
    organization: null,
    project: null,
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries,
  });
  const maxTokens = options.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS;

  return {
    name: "openai",
    model: options.model,
    async generate(request: ModelRequest): Promise<ModelResponse> {
      const completion = await callSdk("openai", OpenAI, () =>
        client.chat.completions.create(
          {
            model: options.model,
            max_completion_tokens: maxTokens,
            messages: toOpenAIMessages(request.system, request.transcript),
            ...(request.tools.length > 0 ? { tools: request.tools.map(toOpenAITool) } : {}),
          },
          { signal: request.signal },
        ),
      );
      return fromChatCompletion(completion);
    },
  };
}

function toOpenAITool(tool: ToolSpec): ChatCompletionFunctionTool {
  return {
    type: "function",
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  };
}

export function toOpenAIMessages(
  system: string,
  transcript: readonly TranscriptEntry[],
): ChatCompletionMessageParam[] {
  const messages: ChatCompletionMessageParam[] = system ? [{ role: "system", content: system }] : [];
  for (const entry of transcript) {
    if (entry.role === "user") {
      if (entry.text.trim()) messages.push({ role: "user", content: entry.text });
    } else if (entry.role === "assistant") {
      if (!entry.text.trim() && entry.toolCalls.length === 0) continue;
      messages.push({
        role: "assistant",
        content: entry.text.trim() ? entry.text : null,
        // The API rejects an empty tool_calls array, so it is left out rather than sent empty.
        ...(entry.toolCalls.length > 0
          ? {
              tool_calls: entry.toolCalls.map((call) => ({
                id: call.id,
                type: "function" as const,
                // Echo what the model wrote, even when it was not JSON, so the transcript stays true.
                function: { name: call.name, arguments: call.argsText ?? JSON.stringify(call.args ?? {}) },
              })),
            }
          : {}),
      });
    } else {
      // One role:"tool" message per call, matched by tool_call_id; there is no error flag, the JSON says it.
      for (const result of entry.results) {
        messages.push({ role: "tool", tool_call_id: result.toolCallId, content: result.content });
      }
    }
  }
  return messages;
}

function readArguments(text: string): Pick<ModelToolCall, "args" | "argsError"> {
  // Models send "" for a tool without parameters.
  if (!text.trim()) return { args: {} };
  try {
    const args: unknown = JSON.parse(text);
    return { args };
  } catch (error) {
    return { args: undefined, argsError: error instanceof Error ? error.message : String(error) };
  }
}

function fromChatCompletion(raw: unknown): ModelResponse {
  const parsed = OpenAIChatCompletion.safeParse(raw);
  if (!parsed.success) {
    throw new ProviderError({
      kind: "bad_response",
      provider: "openai",
      message: `unexpected chat.completion shape: ${z.prettifyError(parsed.error)}`,
      cause: parsed.error,
    });
  }
  const completion = parsed.data;
  // n defaults to 1 and we never ask for more.
  const [choice] = completion.choices;
  if (!choice) throw new ProviderError({ kind: "bad_response", provider: "openai", message: "no choices" });

  const toolCalls: ModelToolCall[] = (choice.message.tool_calls ?? []).map((call) => ({
    id: call.id,
    name: call.function.name,
    argsText: call.function.arguments,
    ...readArguments(call.function.arguments),
  }));
  return {
    text: (choice.message.content ?? "").trim(),
    toolCalls,
    stopReason: toStopReason(choice.finish_reason ?? null),
    usage: {
      inputTokens: completion.usage?.prompt_tokens ?? 0,
      outputTokens: completion.usage?.completion_tokens ?? 0,
    },
    model: completion.model,
  };
}

function toStopReason(reason: string | null): ModelResponse["stopReason"] {
  if (reason === "stop") return "end_turn";
  if (reason === "tool_calls" || reason === "function_call") return "tool_use";
  if (reason === "length") return "max_tokens";
  return "other";
}
