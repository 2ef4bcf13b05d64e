// The provider-neutral tool-calling contract, and the loop that runs a conversation turn's tools on any provider.
import { z } from "zod";
import { DomainError } from "@/lib/core/errors";
import { type ProviderName, ToolError } from "./errors";

export type { ProviderName } from "./errors";

/**
 * Money in tool arguments. JSON (and so every model) has no bigint: tools take an integer number
 * of Rupiah as a JSON number, and the parsed arguments hold a bigint like the rest of the app.
 * Safe integers only, so no Rupiah is lost on the way.
 */
export const RupiahArg = z
  .number()
  .int()
  .positive()
  .max(Number.MAX_SAFE_INTEGER)
  .transform((value) => BigInt(value));

/** A tool the model may call. The schema's input side is what the model sees as JSON Schema. */
export interface ToolDefinition<Input extends z.ZodType = z.ZodType, Name extends string = string> {
  name: Name;
  description: string;
  input: Input;
}

export type AnyToolDefinition = ToolDefinition<z.ZodType, string>;

/** Keeps the tool's literal name and schema type, so executeTool can narrow on the name. */
export function defineTool<const Name extends string, Input extends z.ZodType>(
  tool: ToolDefinition<Input, Name>,
): ToolDefinition<Input, Name> {
  return tool;
}

type InvocationOf<Tool> =
  Tool extends ToolDefinition<infer Input, infer Name> ? [name: Name, args: z.output<Input>] : never;

/** `[name, parsedArgs]` for each tool: checking the name narrows the arguments. */
export type ToolInvocation<Tools extends readonly AnyToolDefinition[]> = InvocationOf<Tools[number]>;

/** A message of the conversation so far, as the buyer and the assistant wrote it. */
export interface ChatTurn {
  role: "user" | "assistant";
  text: string;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

// ---------------------------------------------------------------------------------------------
// What a provider implements. Stateless on purpose: each call gets the whole transcript, so a
// provider is a pure translation to and from one wire format, and the offline engine can be one.
// ---------------------------------------------------------------------------------------------

/** JSON Schema for a tool's arguments; both APIs want an object at the top. */
export interface JsonObjectSchema {
  type: "object";
  properties: Record<string, unknown>;
  required?: string[];
  [keyword: string]: unknown;
}

export interface ToolSpec {
  name: string;
  description: string;
  parameters: JsonObjectSchema;
}

export interface ModelToolCall {
  /** The provider's id for the call; results are matched to calls by it. */
  id: string;
  name: string;
  /** Parsed JSON arguments; undefined when they could not be read (see argsError). */
  args: unknown;
  /** Why the arguments were not readable JSON (OpenAI sends them as text the model wrote). */
  argsError?: string;
  /** The arguments exactly as the model wrote them, when the wire carries text; sent back verbatim. */
  argsText?: string;
}

export interface ToolResultEntry {
  toolCallId: string;
  toolName: string;
  /** The result as JSON text. */
  content: string;
  isError: boolean;
}

export type TranscriptEntry =
  | { role: "user"; text: string }
  | { role: "assistant"; text: string; toolCalls: readonly ModelToolCall[] }
  /** The answers to every call of the assistant entry just before, in the same order. */
  | { role: "tool"; results: readonly ToolResultEntry[] };

export interface ModelRequest {
  system: string;
  transcript: readonly TranscriptEntry[];
  tools: readonly ToolSpec[];
  /** Aborts the request (and the SDK's retries); surfaces as ProviderError("timeout"). */
  signal?: AbortSignal;
}

export interface ModelResponse {
  text: string;
  toolCalls: ModelToolCall[];
  stopReason: "end_turn" | "tool_use" | "max_tokens" | "other";
  usage: TokenUsage;
  /** The model that answered, as the API reports it (may be a dated snapshot of the one asked for). */
  model: string;
}

export interface AssistantProvider {
  readonly name: ProviderName;
  /** The model asked for. */
  readonly model: string;
  /** One model call. Throws ProviderError for anything the engine should fall back on. */
  generate(request: ModelRequest): Promise<ModelResponse>;
}

/** How to reach a model: the same settings for every SDK adapter. */
export interface ProviderSettings {
  apiKey: string;
  /** Unset: the API's own host. For OpenAI-compatible gateways, /chat/completions is appended. */
  baseURL?: string;
  model: string;
  /** Per HTTP attempt; the SDK retries timeouts too. */
  timeoutMs: number;
  /** Retries of 408/409/429/5xx (529 at Anthropic) and connection errors, with the SDK's backoff (or the server's retry-after). */
  maxRetries: number;
  /** A cap on each reply; WhatsApp answers are short, and Anthropic requires a cap. Default 1024. */
  maxOutputTokens?: number;
}

export const DEFAULT_MAX_OUTPUT_TOKENS = 1024;

// ---------------------------------------------------------------------------------------------
// The loop.
// ---------------------------------------------------------------------------------------------

export interface ToolCallRecord {
  id: string;
  name: string;
  /** The arguments as the model sent them, before validation (JSON, so it can be logged as is). */
  args: unknown;
  /** What the tool returned, or `{ error }` as the model was shown it. */
  result: unknown;
  isError: boolean;
}

export interface ToolLoopOptions<Tools extends readonly AnyToolDefinition[]> {
  system: string;
  messages: readonly ChatTurn[];
  tools: Tools;
  /**
   * Runs one tool with arguments already validated by its schema; returns a JSON-serialisable
   * result (bigint is written as a number of Rupiah). Throw ToolError or a DomainError to show
   * the model a message; anything else fails the turn.
   */
  executeTool(...call: ToolInvocation<Tools>): Promise<unknown>;
  /** Model calls at most, tool rounds included. */
  maxSteps?: number;
  /** A deadline for the whole turn, e.g. AbortSignal.timeout(ms). */
  signal?: AbortSignal;
}

export interface ToolLoopResult {
  /** The model's last text: the reply to send, unless finishReason says otherwise. */
  text: string;
  toolCalls: ToolCallRecord[];
  /** Summed over every model call of the turn. */
  usage: TokenUsage;
  model: string;
  provider: ProviderName;
  latencyMs: number;
  steps: number;
  /** stop: the model answered. max_steps: it still wanted tools when we stopped it. max_tokens: its answer was cut off. */
  finishReason: "stop" | "max_steps" | "max_tokens";
}

const DEFAULT_MAX_STEPS = 6;

export function runToolLoop<const Tools extends readonly AnyToolDefinition[]>(
  provider: AssistantProvider,
  options: ToolLoopOptions<Tools>,
): Promise<ToolLoopResult> {
  // executeTool is declared as a method, so the typed callback is accepted where any name may come:
  // the loop only calls it with a name it found in `tools` and arguments that tool's schema produced.
  return runLoop(provider, options);
}

type ExecuteAnyTool = (name: string, args: unknown) => Promise<unknown>;

async function runLoop(
  provider: AssistantProvider,
  options: ToolLoopOptions<readonly AnyToolDefinition[]>,
): Promise<ToolLoopResult> {
  const started = performance.now();
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  if (!Number.isInteger(maxSteps) || maxSteps < 1)
    throw new RangeError(`maxSteps must be a positive integer, got ${maxSteps}`);

  const toolsByName = new Map(options.tools.map((tool) => [tool.name, tool]));
  const specs = options.tools.map(toToolSpec);
  const execute: ExecuteAnyTool = (name, args) => options.executeTool(name, args);
  const transcript: TranscriptEntry[] = options.messages.map((turn) =>
    turn.role === "user"
      ? { role: "user", text: turn.text }
      : { role: "assistant", text: turn.text, toolCalls: [] },
  );
  const toolCalls: ToolCallRecord[] = [];
  const usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };

  for (let step = 1; ; step++) {
    const response = await provider.generate({
      system: options.system,
      transcript,
      tools: specs,
      signal: options.signal,
    });
    usage.inputTokens += response.usage.inputTokens;
    usage.outputTokens += response.usage.outputTokens;

    // Tool calls decide, not the stop reason: some gateways report "stop" alongside tool calls.
    const wantsTools = response.toolCalls.length > 0;
    if (!wantsTools || step >= maxSteps) {
      return {
        text: response.text,
        toolCalls,
        usage,
        model: response.model,
        provider: provider.name,
        latencyMs: Math.round(performance.now() - started),
        steps: step,
        // On the last step the calls are left unrun: nobody would read their results.
        finishReason: wantsTools ? "max_steps" : response.stopReason === "max_tokens" ? "max_tokens" : "stop",
      };
    }

    transcript.push({ role: "assistant", text: response.text, toolCalls: response.toolCalls });
    const results: ToolResultEntry[] = [];
    // One at a time, in the model's order: tools share the turn's tenant transaction, and a
    // write (a lead) after a read must see the read's world.
    for (const call of response.toolCalls) {
      const outcome = await runOneTool(call, toolsByName, execute);
      toolCalls.push({
        id: call.id,
        name: call.name,
        args: call.argsError === undefined ? call.args : call.argsText,
        result: outcome.result,
        isError: outcome.isError,
      });
      results.push({
        toolCallId: call.id,
        toolName: call.name,
        content: toJsonText(outcome.result),
        isError: outcome.isError,
      });
    }
    transcript.push({ role: "tool", results });
  }
}

interface ToolOutcome {
  result: unknown;
  isError: boolean;
}

function toolError(message: string): ToolOutcome {
  return { result: { error: message }, isError: true };
}

async function runOneTool(
  call: ModelToolCall,
  toolsByName: ReadonlyMap<string, AnyToolDefinition>,
  execute: ExecuteAnyTool,
): Promise<ToolOutcome> {
  const tool = toolsByName.get(call.name);
  // Mistakes the model made are told to the model, which usually corrects itself on the next step.
  if (!tool) {
    return toolError(`Unknown tool "${call.name}". Available tools: ${[...toolsByName.keys()].join(", ")}.`);
  }
  if (call.argsError !== undefined) {
    return toolError(
      `The arguments for ${tool.name} are not valid JSON (${call.argsError}). Call it again with a JSON object.`,
    );
  }
  const parsed = tool.input.safeParse(call.args);
  if (!parsed.success) {
    return toolError(
      `Invalid arguments for ${tool.name}: ${describeIssues(parsed.error)}. Fix them and call it again.`,
    );
  }
  try {
    return { result: await execute(tool.name, parsed.data), isError: false };
  } catch (error) {
    if (error instanceof ToolError || error instanceof DomainError) return toolError(error.message);
    throw error;
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

/** Tool results as JSON text; bigint Rupiah become numbers (strings past 2^53, which no price reaches). */
export function toJsonText(value: unknown): string {
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item !== "bigint") return item;
    return item <= BigInt(Number.MAX_SAFE_INTEGER) && item >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(item)
      : item.toString();
  });
  // JSON.stringify(undefined) is undefined: a tool that returns nothing still answers the call.
  return text ?? "null";
}

const specCache = new WeakMap<AnyToolDefinition, ToolSpec>();

/** The JSON Schema both APIs are given for a tool, from the input side of its zod schema. */
export function toToolSpec(tool: AnyToolDefinition): ToolSpec {
  const cached = specCache.get(tool);
  if (cached) return cached;
  // io "input": the model writes what the schema accepts (a number of Rupiah), not what it produces (a bigint).
  const { $schema: _dialect, ...schema } = z.toJSONSchema(tool.input, { io: "input" });
  if (schema.type !== "object") {
    throw new TypeError(
      `Tool ${tool.name}: its input must be a z.object, because both APIs take an object of arguments`,
    );
  }
  const spec: ToolSpec = {
    name: tool.name,
    description: tool.description,
    parameters: { ...schema, type: "object", properties: schema.properties ?? {} },
  };
  specCache.set(tool, spec);
  return spec;
}
