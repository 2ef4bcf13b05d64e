// A wire-level fake of Anthropic's POST /v1/messages on 127.0.0.1, so the real SDK can be tested over real HTTP.
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
// What the fake accepts: the parts of the Messages API request the app uses, checked like the API.
// ---------------------------------------------------------------------------------------------

const TextBlock = z.looseObject({
  type: z.literal("text"),
  text: z.string().min(1, "text content blocks must be non-empty"),
});
const ToolUseBlock = z.looseObject({
  type: z.literal("tool_use"),
  id: z.string().min(1),
  name: z.string().min(1),
  input: z.record(z.string(), z.unknown()),
});
const ToolResultBlock = z.looseObject({
  type: z.literal("tool_result"),
  tool_use_id: z.string().min(1),
  content: z.union([z.string(), z.array(TextBlock)]).optional(),
  is_error: z.boolean().optional(),
});
const ContentBlock = z.discriminatedUnion("type", [TextBlock, ToolUseBlock, ToolResultBlock]);

export const AnthropicMessagesRequest = z.looseObject({
  model: z.string().min(1),
  max_tokens: z.number().int().positive(),
  messages: z
    .array(
      z.object({
        role: z.enum(["user", "assistant"]),
        content: z.union([z.string().min(1), z.array(ContentBlock).min(1)]),
      }),
    )
    .min(1),
  system: z.union([z.string(), z.array(TextBlock)]).optional(),
  tools: z
    .array(
      z.looseObject({
        name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/),
        description: z.string().optional(),
        input_schema: z.looseObject({ type: z.literal("object") }),
      }),
    )
    .optional(),
  stream: z.boolean().optional(),
});
export type AnthropicMessagesRequest = z.infer<typeof AnthropicMessagesRequest>;
export type AnthropicContentBlock = z.infer<typeof ContentBlock>;

// ---------------------------------------------------------------------------------------------
// What a script answers.
// ---------------------------------------------------------------------------------------------

export type AnthropicFakeBlock =
  | { type: "text"; text: string }
  /** id defaults to a fresh toolu_… id. */
  | { type: "tool_use"; id?: string; name: string; input: Record<string, unknown> };

export type AnthropicFakeReply = ReplyTiming &
  (
    | {
        kind: "message";
        content: AnthropicFakeBlock[];
        /** Defaults to "tool_use" when there is a tool_use block, else "end_turn". */
        stopReason?: "end_turn" | "tool_use" | "max_tokens" | "stop_sequence";
        /** Defaults to a rough estimate (4 characters a token). */
        usage?: { input_tokens: number; output_tokens: number };
        /** Defaults to the model asked for. */
        model?: string;
      }
    | { kind: "error"; status: number; type?: string; message?: string }
    | RawReply
  );

export type FakeAnthropic = FakeApi<AnthropicMessagesRequest>;

/** The error type Anthropic uses for each status. */
const errorTypeByStatus: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  403: "permission_error",
  404: "not_found_error",
  413: "request_too_large",
  429: "rate_limit_error",
  500: "api_error",
  529: "overloaded_error",
};

export async function startFakeAnthropic(
  script: Script<AnthropicMessagesRequest, AnthropicFakeReply>,
  options: { apiKey?: string } = {},
): Promise<FakeAnthropic> {
  const apiKey = options.apiKey ?? "sk-ant-fake-key";
  let ids = 0;

  const api: WireApi<AnthropicMessagesRequest, AnthropicFakeReply> = {
    accept({ method, url, headers, rawBody }) {
      const refuse = (status: number, message: string) => ({ refused: errorAnswer(status, { message }) });
      if (method !== "POST" || url.split("?")[0] !== "/v1/messages") {
        return refuse(404, `Not found: ${method} ${url}`);
      }
      // The API checks the key before anything else. The classic header is x-api-key; SDK 1.x sends
      // the same key as "Authorization: Bearer". Either is accepted, and every one sent must be right.
      const keyHeader = headers["x-api-key"];
      const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? "")?.[1];
      if (keyHeader === undefined && bearer === undefined) return refuse(401, "x-api-key header is required");
      if ((keyHeader !== undefined && keyHeader !== apiKey) || (bearer !== undefined && bearer !== apiKey)) {
        return refuse(401, "invalid x-api-key");
      }
      if (!/^\d{4}-\d{2}-\d{2}$/.test(headers["anthropic-version"] ?? "")) {
        return refuse(400, "anthropic-version header is required (a date, e.g. 2023-06-01)");
      }
      if (rawBody === undefined) return refuse(400, "The request body is not valid JSON");
      const parsed = AnthropicMessagesRequest.safeParse(rawBody);
      if (!parsed.success) return refuse(400, z.prettifyError(parsed.error));
      if (parsed.data.stream) return refuse(400, "this fake speaks the non-streaming API only");
      const conversationProblem = checkToolConversation(parsed.data);
      if (conversationProblem) return refuse(400, conversationProblem);
      return { accepted: parsed.data };
    },

    answer(reply, { body, text }) {
      if (reply.kind === "raw") return rawAnswer(reply);
      if (reply.kind === "error") return errorAnswer(reply.status, reply, reply.headers);
      const content = reply.content.map((block) =>
        block.type === "tool_use"
          ? { ...block, id: block.id ?? `toolu_fake_${String(++ids).padStart(4, "0")}` }
          : block,
      );
      const message = {
        id: `msg_fake_${String(++ids).padStart(4, "0")}`,
        type: "message",
        role: "assistant",
        model: reply.model ?? body.model,
        content,
        stop_reason:
          reply.stopReason ?? (content.some((block) => block.type === "tool_use") ? "tool_use" : "end_turn"),
        stop_sequence: null,
        usage: reply.usage ?? {
          input_tokens: Math.ceil(text.length / 4),
          output_tokens: Math.ceil(JSON.stringify(content).length / 4),
        },
      };
      return jsonAnswer(200, message, { "request-id": `req_fake_${ids}`, ...reply.headers });
    },

    failure: (message) => errorAnswer(500, { message }),
  };

  const server = await startScriptedApi(api, script);
  return { baseURL: server.origin, apiKey, requests: server.requests, close: server.close };
}

/**
 * The API's rules for tool use that a provider can get wrong: every tool_use is answered by a
 * tool_result in the very next user message, at its start, and nothing answers a call that
 * was not made.
 */
function checkToolConversation(body: AnthropicMessagesRequest): string | null {
  const blocksOf = (content: string | AnthropicContentBlock[]) =>
    typeof content === "string" ? [] : content;
  const usesTools = body.messages.some((message) =>
    blocksOf(message.content).some((block) => block.type === "tool_use" || block.type === "tool_result"),
  );
  if (usesTools && !body.tools?.length)
    return "Requests which include `tool_use` or `tool_result` blocks must define tools.";

  for (const [index, message] of body.messages.entries()) {
    const blocks = blocksOf(message.content);
    if (message.role === "assistant") {
      if (blocks.some((block) => block.type === "tool_result"))
        return `messages.${index}: tool_result blocks belong in user messages`;
      const callIds = blocks.flatMap((block) => (block.type === "tool_use" ? [block.id] : []));
      if (callIds.length === 0) continue;
      const next = body.messages[index + 1];
      const nextBlocks = next ? blocksOf(next.content) : [];
      const answered = new Set(
        nextBlocks.flatMap((block) => (block.type === "tool_result" ? [block.tool_use_id] : [])),
      );
      const missing = callIds.filter((id) => !answered.has(id));
      if (missing.length > 0) {
        return `messages.${index + 1}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(", ")}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`;
      }
      const firstOther = nextBlocks.findIndex((block) => block.type !== "tool_result");
      const lastResult = nextBlocks.findLastIndex((block) => block.type === "tool_result");
      if (firstOther !== -1 && firstOther < lastResult) {
        return `messages.${index + 1}: tool_result blocks must come first in the user message`;
      }
    } else {
      const previous = body.messages[index - 1];
      const calls = new Set(
        previous?.role === "assistant"
          ? blocksOf(previous.content).flatMap((block) => (block.type === "tool_use" ? [block.id] : []))
          : [],
      );
      for (const block of blocks) {
        if (block.type === "tool_result" && !calls.has(block.tool_use_id)) {
          return `messages.${index}: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${block.tool_use_id}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`;
        }
      }
    }
  }
  return null;
}

function errorAnswer(
  status: number,
  error: { type?: string; message?: string },
  headers: Record<string, string> = {},
): WireAnswer {
  const type = error.type ?? errorTypeByStatus[status] ?? "api_error";
  return jsonAnswer(
    status,
    {
      type: "error",
      error: { type, message: error.message ?? `Fake ${status}` },
      request_id: `req_fake_error_${status}`,
    },
    headers,
  );
}
