// The Anthropic Messages API (tool use) behind the AssistantProvider contract, through the official SDK.
import Anthropic from "@anthropic-ai/sdk";
import type { ContentBlockParam, Tool, ToolResultBlockParam } from "@anthropic-ai/sdk/resources/messages";
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

// Only what we read from a response is checked; block types we never ask for (thinking, server tools) are skipped.
const AnthropicMessageResponse = z.object({
  model: z.string().min(1),
  content: z.array(z.looseObject({ type: z.string() })),
  stop_reason: z.string().nullable(),
  usage: z.object({
    input_tokens: z.number().int().nonnegative(),
    output_tokens: z.number().int().nonnegative(),
    cache_creation_input_tokens: z.number().int().nonnegative().nullish(),
    cache_read_input_tokens: z.number().int().nonnegative().nullish(),
  }),
});
const AnthropicTextBlock = z.object({ type: z.literal("text"), text: z.string() });
const AnthropicToolUseBlock = z.object({
  type: z.literal("tool_use"),
  id: z.string().min(1),
  name: z.string().min(1),
  input: z.unknown(),
});

type AnthropicMessageInput = { role: "user" | "assistant"; content: ContentBlockParam[] };

export function createAnthropicProvider(options: ProviderSettings): AssistantProvider {
  const client = new Anthropic({
    apiKey: options.apiKey,
    // SDK 1.x sends the key only as "Authorization: Bearer". The documented header is x-api-key, and
    // gateways behind ANTHROPIC_BASE_URL (LiteLLM, corporate proxies) may accept nothing else.
    defaultHeaders: { "x-api-key": options.apiKey },
    // null, not undefined: the SDK would read ANTHROPIC_BASE_URL itself, and lib/core/env.ts is the one reader of settings.
    baseURL: options.baseURL ?? null,
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries,
  });
  const maxTokens = options.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS;

  return {
    name: "anthropic",
    model: options.model,
    async generate(request: ModelRequest): Promise<ModelResponse> {
      const message = await callSdk("anthropic", Anthropic, () =>
        client.messages.create(
          {
            model: options.model,
            max_tokens: maxTokens,
            ...(request.system ? { system: request.system } : {}),
            messages: toAnthropicMessages(request.transcript),
            ...(request.tools.length > 0 ? { tools: request.tools.map(toAnthropicTool) } : {}),
          },
          { signal: request.signal },
        ),
      );
      return fromAnthropicMessage(message);
    },
  };
}

function toAnthropicTool(tool: ToolSpec): Tool {
  return { name: tool.name, description: tool.description, input_schema: tool.parameters };
}

export function toAnthropicMessages(transcript: readonly TranscriptEntry[]): AnthropicMessageInput[] {
  const messages: AnthropicMessageInput[] = [];
  // Consecutive turns of one role become one message (a buyer often sends two WhatsApp messages in a row).
  const append = (role: AnthropicMessageInput["role"], blocks: ContentBlockParam[]) => {
    if (blocks.length === 0) return;
    const last = messages.at(-1);
    if (last && last.role === role) last.content.push(...blocks);
    else messages.push({ role, content: blocks });
  };
  for (const entry of transcript) {
    if (entry.role === "user") {
      // The API rejects empty text blocks.
      append("user", entry.text.trim() ? [{ type: "text", text: entry.text }] : []);
    } else if (entry.role === "assistant") {
      append("assistant", [
        ...(entry.text.trim() ? [{ type: "text" as const, text: entry.text }] : []),
        ...entry.toolCalls.map((call) => ({
          type: "tool_use" as const,
          id: call.id,
          name: call.name,
          input: call.argsError === undefined ? call.args : {},
        })),
      ]);
    } else {
      // Results go back in the next user message, one tool_result per tool_use id; is_error lets the model retry.
      append(
        "user",
        entry.results.map(
          (result): ToolResultBlockParam => ({
            type: "tool_result",
            tool_use_id: result.toolCallId,
            content: result.content,
            ...(result.isError ? { is_error: true } : {}),
          }),
        ),
      );
    }
  }
  return messages;
}

function fromAnthropicMessage(raw: unknown): ModelResponse {
  const parsed = AnthropicMessageResponse.safeParse(raw);
  if (!parsed.success)
    throw badResponse(`unexpected message shape: ${z.prettifyError(parsed.error)}`, parsed.error);
  const message = parsed.data;

  const texts: string[] = [];
  const toolCalls: ModelToolCall[] = [];
  for (const block of message.content) {
    if (block.type === "text") {
      const text = AnthropicTextBlock.safeParse(block);
      if (!text.success) throw badResponse("malformed text block", text.error);
      texts.push(text.data.text);
    } else if (block.type === "tool_use") {
      const call = AnthropicToolUseBlock.safeParse(block);
      if (!call.success) throw badResponse("malformed tool_use block", call.error);
      toolCalls.push({ id: call.data.id, name: call.data.name, args: call.data.input });
    }
  }

  const { usage } = message;
  return {
    text: texts.join("\n").trim(),
    toolCalls,
    stopReason: toStopReason(message.stop_reason),
    usage: {
      // We do not turn prompt caching on; if a gateway does, cached tokens still count as input.
      inputTokens:
        usage.input_tokens + (usage.cache_creation_input_tokens ?? 0) + (usage.cache_read_input_tokens ?? 0),
      outputTokens: usage.output_tokens,
    },
    model: message.model,
  };
}

function toStopReason(reason: string | null): ModelResponse["stopReason"] {
  if (reason === "end_turn" || reason === "stop_sequence") return "end_turn";
  if (reason === "tool_use") return "tool_use";
  if (reason === "max_tokens") return "max_tokens";
  return "other";
}

function badResponse(message: string, cause: unknown): ProviderError {
  return new ProviderError({ kind: "bad_response", provider: "anthropic", message, cause });
}
