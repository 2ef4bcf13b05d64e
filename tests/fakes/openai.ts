// A wire-level fake of OpenAI's POST /v1/chat/completions on 127.0.0.1, so the real SDK can be tested over real HTTP.
import http from "node:http";
import { z } from "zod";
import { flattenHeaders, listeningPort, parseJson, readBody } from "./http";

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

interface ReplyTiming {
  /** Wait this long before answering (the fake gives up quietly if the client hangs up first). */
  delayMs?: number;
  headers?: Record<string, string>;
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
    | { kind: "raw"; status: number; body: string; contentType?: string }
  );

export interface OpenAIFakeRequest {
  body: OpenAIChatRequest;
  headers: Record<string, string>;
  /** 0 for the first request the script sees. */
  index: number;
}

export type OpenAIScript =
  | ((request: OpenAIFakeRequest) => OpenAIFakeReply | Promise<OpenAIFakeReply>)
  /** Reply n answers request n; running out is a test bug, reported as a 500 that must not be retried. */
  | readonly OpenAIFakeReply[];

export interface RecordedOpenAIRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  rawBody: unknown;
  /** The body once validated; undefined when the fake rejected the request before the script saw it. */
  body: OpenAIChatRequest | undefined;
  status: number;
}

export interface FakeOpenAI {
  /** Pass as the SDK's baseURL (it ends in /v1, like https://api.openai.com/v1). */
  baseURL: string;
  apiKey: string;
  requests: RecordedOpenAIRequest[];
  close(): Promise<void>;
}

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

export function openaiErrorReply(
  status: number,
  extra: ReplyTiming & { message?: string } = {},
): OpenAIFakeReply {
  return { kind: "error", status, ...extra };
}

export async function startFakeOpenAI(
  script: OpenAIScript,
  options: { apiKey?: string } = {},
): Promise<FakeOpenAI> {
  const apiKey = options.apiKey ?? "sk-fake-openai-key";
  const requests: RecordedOpenAIRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let scriptCalls = 0;
  let ids = 0;

  const nextReply = async (request: OpenAIFakeRequest): Promise<OpenAIFakeReply> => {
    if (typeof script === "function") return script(request);
    const reply = script[request.index];
    if (!reply) throw new Error(`no reply scripted for request #${request.index + 1}`);
    return reply;
  };

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        sendError(
          res,
          500,
          { message: `fake server failed: ${String(error)}` },
          { "x-should-retry": "false" },
        );
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let hungUp = false;
    res.on("close", () => {
      hungUp = true;
    });
    const headers = flattenHeaders(req.headers);
    const text = await readBody(req);
    const rawBody = parseJson(text);
    const record: RecordedOpenAIRequest = {
      method: req.method ?? "",
      path: req.url ?? "",
      headers,
      rawBody,
      body: undefined,
      status: 0,
    };
    requests.push(record);
    const reject = (status: number, message: string, param: string | null = null) => {
      record.status = status;
      sendError(res, status, { message, param });
    };

    if (req.method !== "POST" || (req.url ?? "").split("?")[0] !== "/v1/chat/completions") {
      return reject(404, `Invalid URL (${req.method} ${req.url})`);
    }
    const authorization = headers.authorization ?? "";
    if (!authorization) {
      record.status = 401;
      return sendError(res, 401, {
        message:
          "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth.",
        code: null,
      });
    }
    if (authorization !== `Bearer ${apiKey}`) {
      return reject(
        401,
        `Incorrect API key provided: ${authorization.replace(/^Bearer\s+/, "").slice(0, 6)}****.`,
      );
    }
    if (rawBody === undefined) return reject(400, "We could not parse the JSON body of your request.");
    const parsed = OpenAIChatRequest.safeParse(rawBody);
    if (!parsed.success)
      return reject(400, z.prettifyError(parsed.error), parsed.error.issues[0]?.path.join(".") ?? null);
    if (parsed.data.stream) return reject(400, "this fake speaks the non-streaming API only", "stream");
    const conversationProblem = checkToolConversation(parsed.data.messages);
    if (conversationProblem) return reject(400, conversationProblem, "messages");
    record.body = parsed.data;

    let reply: OpenAIFakeReply;
    try {
      reply = await nextReply({ body: parsed.data, headers, index: scriptCalls++ });
    } catch (error) {
      record.status = 500;
      sendError(res, 500, { message: `fake script failed: ${String(error)}` }, { "x-should-retry": "false" });
      return;
    }

    if (reply.delayMs) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, reply.delayMs);
        timers.add(timer);
        res.once("close", () => {
          clearTimeout(timer);
          timers.delete(timer);
          resolve();
        });
      });
      if (hungUp) {
        record.status = 499;
        return;
      }
    }

    if (reply.kind === "error") {
      record.status = reply.status;
      sendError(
        res,
        reply.status,
        { message: reply.message, type: reply.type, code: reply.code },
        reply.headers,
      );
      return;
    }
    if (reply.kind === "raw") {
      record.status = reply.status;
      res.writeHead(reply.status, {
        "content-type": reply.contentType ?? "application/json",
        ...reply.headers,
      });
      res.end(reply.body);
      return;
    }

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
      model: reply.model ?? parsed.data.model,
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
    record.status = 200;
    res.writeHead(200, {
      "content-type": "application/json",
      "x-request-id": `req_fake_${ids}`,
      ...reply.headers,
    });
    res.end(JSON.stringify(completion));
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = listeningPort(server);

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    apiKey,
    requests,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
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

function sendError(
  res: http.ServerResponse,
  status: number,
  error: { message?: string; type?: string; code?: string | null; param?: string | null },
  headers: Record<string, string> = {},
): void {
  const defaults = errorShapeByStatus[status] ?? {
    type: status >= 500 ? "server_error" : "invalid_request_error",
    code: null,
  };
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(
    JSON.stringify({
      error: {
        message: error.message ?? `Fake ${status}`,
        type: error.type ?? defaults.type,
        param: error.param ?? null,
        code: error.code === undefined ? defaults.code : error.code,
      },
    }),
  );
}
