// A wire-level fake of OpenAI's POST /v1/chat/completions on 127.0.0.1, so the real SDK can be tested over real HTTP.
import { z } from "zod";
import {
  type FakeApi,
  jsonAnswer,
  type RawReply,
  type ReplyTiming,
  rawAnswer,
  type Script,
  startScriptedApi,
  type WireAnswer,
  type WireApi,
} from "./scripted-api";

// ---------------------------------------------------------------------------------------------
// What the fake accepts: the parts of the Chat Completions request the app uses, checked like the API.
// ---------------------------------------------------------------------------------------------

const TextPart = z.looseObject({ type: z.literal("text"), text: z.string() });
const Content = z.union([z.string(), z.array(TextPart)]);
const ToolCall = z.looseObject({
  id: z.string().min(1),
  type: z.literal("function"),
  // The API takes arguments as a string of JSON, never as an object.
  function: z.looseObject({ name: z.string().min(1), arguments: z.string() }),
});

const Message = z.discriminatedUnion("role", [
  z.looseObject({ role: z.literal("system"), content: Content }),
  z.looseObject({ role: z.literal("developer"), content: Content }),
  z.looseObject({ role: z.literal("user"), content: Content }),
  z
    .looseObject({
      role: z.literal("assistant"),
      content: Content.nullish(),
      tool_calls: z.array(ToolCall).min(1, "tool_calls must not be an empty array").optional(),
    })
    .refine((message) => message.content != null || message.tool_calls !== undefined, {
      message: "an assistant message needs content or tool_calls",
    }),
  z.looseObject({ role: z.literal("tool"), tool_call_id: z.string().min(1), content: Content }),
]);

export const OpenAIChatRequest = z.looseObject({
  model: z.string().min(1),
  messages: z.array(Message).min(1),
  tools: z
    .array(
      z.looseObject({
        type: z.literal("function"),
        function: z.looseObject({
          name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/),
          description: z.string().optional(),
          parameters: z.record(z.string(), z.unknown()).optional(),
        }),
      }),
    )
    .min(1, "tools must not be an empty array")
    .optional(),
  max_completion_tokens: z.number().int().positive().optional(),
  max_tokens: z.number().int().positive().optional(),
  n: z.literal(1).optional(),
  stream: z.boolean().optional(),
});
export type OpenAIChatRequest = z.infer<typeof OpenAIChatRequest>;
export type OpenAIChatMessage = z.infer<typeof Message>;

// ---------------------------------------------------------------------------------------------
// What a script answers.
// ---------------------------------------------------------------------------------------------

export interface OpenAIFakeToolCall {
  /** Defaults to a fresh call_… id. */
  id?: string;
  name: string;
  /** An object is sent as JSON text; a string is sent verbatim (so a test can send broken JSON). */
  arguments: Record<string, unknown> | string;
}

export type OpenAIFakeReply = ReplyTiming &
  (
    | {
        kind: "message";
        content?: string | null;
        toolCalls?: OpenAIFakeToolCall[];
        /** Defaults to "tool_calls" when there are tool calls, else "stop". */
        finishReason?: "stop" | "tool_calls" | "length" | "content_filter";
        /** Defaults to a rough estimate (4 characters a token). */
        usage?: { prompt_tokens: number; completion_tokens: number };
        model?: string;
      }
    | { kind: "error"; status: number; type?: string; code?: string | null; message?: string }
    | RawReply
  );

export type FakeOpenAI = FakeApi<OpenAIChatRequest>;

/** The type and code OpenAI sends with each status. */
const errorShapeByStatus: Record<number, { type: string; code: string | null }> = {
  400: { type: "invalid_request_error", code: null },
  401: { type: "invalid_request_error", code: "invalid_api_key" },
  403: { type: "invalid_request_error", code: "unsupported_country_region_territory" },
  404: { type: "invalid_request_error", code: "model_not_found" },
  429: { type: "requests", code: "rate_limit_exceeded" },
  500: { type: "server_error", code: null },
  503: { type: "server_error", code: null },
};

export async function startFakeOpenAI(
  script: Script<OpenAIChatRequest, OpenAIFakeReply>,
  options: { apiKey?: string } = {},
): Promise<FakeOpenAI> {
  const apiKey = options.apiKey ?? "sk-fake-openai-key";
  let ids = 0;

  const api: WireApi<OpenAIChatRequest, OpenAIFakeReply> = {
    accept({ method, url, headers, rawBody }) {
      const refuse = (status: number, message: string, param: string | null = null) => ({
        refused: errorAnswer(status, { message, param }),
      });
      if (method !== "POST" || url.split("?")[0] !== "/v1/chat/completions") {
        return refuse(404, `Invalid URL (${method} ${url})`);
      }
      const authorization = headers.authorization ?? "";
      if (!authorization) {
        return {
          refused: errorAnswer(401, {
            message:
              "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth.",
            code: null,
          }),
        };
      }
      if (authorization !== `Bearer ${apiKey}`) {
        return refuse(
          401,
          `Incorrect API key provided: ${authorization.replace(/^Bearer\s+/, "").slice(0, 6)}****.`,
        );
      }
      if (rawBody === undefined) return refuse(400, "We could not parse the JSON body of your request.");
      const parsed = OpenAIChatRequest.safeParse(rawBody);
      if (!parsed.success)
        return refuse(400, z.prettifyError(parsed.error), parsed.error.issues[0]?.path.join(".") ?? null);
      if (parsed.data.stream) return refuse(400, "this fake speaks the non-streaming API only", "stream");
      const conversationProblem = checkToolConversation(parsed.data.messages);
      if (conversationProblem) return refuse(400, conversationProblem, "messages");
      return { accepted: parsed.data };
    },

    answer(reply, { body, text }) {
      if (reply.kind === "raw") return rawAnswer(reply);
      if (reply.kind === "error") return errorAnswer(reply.status, reply, reply.headers);
      const toolCalls = (reply.toolCalls ?? []).map((call) => ({
        id: call.id ?? `call_fake_${String(++ids).padStart(4, "0")}`,
        type: "function",
        function: {
          name: call.name,
          arguments: typeof call.arguments === "string" ? call.arguments : JSON.stringify(call.arguments),
        },
      }));
      const message = {
        role: "assistant",
        // The API sends null content when the model only calls tools.
        content: reply.content ?? null,
        refusal: null,
        ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
      };
      const usage = reply.usage ?? {
        prompt_tokens: Math.ceil(text.length / 4),
        completion_tokens: Math.ceil(JSON.stringify(message).length / 4),
      };
      const completion = {
        id: `chatcmpl-fake${String(++ids).padStart(4, "0")}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: reply.model ?? body.model,
        choices: [
          {
            index: 0,
            message,
            logprobs: null,
            finish_reason: reply.finishReason ?? (toolCalls.length > 0 ? "tool_calls" : "stop"),
          },
        ],
        usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
      };
      return jsonAnswer(200, completion, { "x-request-id": `req_fake_${ids}`, ...reply.headers });
    },

    failure: (message) => errorAnswer(500, { message }),
  };

  const server = await startScriptedApi(api, script);
  return { baseURL: `${server.origin}/v1`, apiKey, requests: server.requests, close: server.close };
}

/**
 * The API's rules for tool calls that a provider can get wrong: an assistant message with
 * tool_calls is followed by one tool message per call id, and a tool message answers a call.
 */
function checkToolConversation(messages: readonly OpenAIChatMessage[]): string | null {
  let open = new Set<string>();
  for (const [index, message] of messages.entries()) {
    if (message.role === "tool") {
      if (!open.has(message.tool_call_id)) {
        return `Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls' (messages.[${index}], tool_call_id ${message.tool_call_id}).`;
      }
      open.delete(message.tool_call_id);
      continue;
    }
    if (open.size > 0) {
      return `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${[...open].join(", ")}`;
    }
    open = new Set(message.role === "assistant" ? (message.tool_calls ?? []).map((call) => call.id) : []);
  }
  if (open.size > 0) {
    return `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${[...open].join(", ")}`;
  }
  return null;
}

function errorAnswer(
  status: number,
  error: { message?: string; type?: string; code?: string | null; param?: string | null },
  headers: Record<string, string> = {},
): WireAnswer {
  const defaults = errorShapeByStatus[status] ?? {
    type: status >= 500 ? "server_error" : "invalid_request_error",
    code: null,
  };
  return jsonAnswer(
    status,
    {
      error: {
        message: error.message ?? `Fake ${status}`,
        type: error.type ?? defaults.type,
        param: error.param ?? null,
        code: error.code === undefined ? defaults.code : error.code,
      },
    },
    headers,
  );
}
