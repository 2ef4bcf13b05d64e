// Both LLM providers, through their real SDKs over real HTTP to wire-level fakes, run the same tools the same way.
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createAnthropicProvider } from "@/lib/assistant/llm/providers/anthropic";
import { DEFAULT_PRICES, estimateCostMicroUsd, findModelPrice } from "@/lib/assistant/llm/providers/cost";
import { ProviderError, ToolError } from "@/lib/assistant/llm/providers/errors";
import { createOpenAIProvider } from "@/lib/assistant/llm/providers/openai";
import {
  type AssistantProvider,
  defineTool,
  type ModelRequest,
  type ModelResponse,
  RupiahArg,
  runToolLoop,
  type ToolInvocation,
  toToolSpec,
} from "@/lib/assistant/llm/providers/types";
import { simulateCredit } from "@/lib/core/credit";
import {
  type AnthropicFakeBlock,
  type AnthropicFakeReply,
  type FakeAnthropic,
  startFakeAnthropic,
} from "../fakes/anthropic";
import { type FakeOpenAI, type OpenAIFakeReply, startFakeOpenAI } from "../fakes/openai";
import type { RawReply, ReplyTiming } from "../fakes/scripted-api";

// ---------------------------------------------------------------------------------------------
// A tiny showroom: two tools, three cars.
// ---------------------------------------------------------------------------------------------

const searchVehicles = defineTool({
  name: "search_vehicles",
  description: "Cari mobil yang tersedia di showroom menurut merek dan harga maksimum (Rupiah).",
  input: z.object({
    brand: z.string().min(1).optional(),
    priceMax: RupiahArg.optional(),
  }),
});

const creditSimulation = defineTool({
  name: "credit_simulation",
  description: "Hitung cicilan per bulan untuk harga (Rupiah), uang muka (persen) dan tenor (tahun).",
  input: z.object({
    price: RupiahArg,
    downPaymentPercent: z.number().min(0).max(90),
    tenorYears: z.number().int().min(1).max(5),
  }),
});

const tools = [searchVehicles, creditSimulation] as const;

const STOCK = [
  { slug: "toyota-avanza-2021", brand: "Toyota", name: "Avanza 1.5 G", year: 2021, price: 185_000_000n },
  { slug: "honda-brio-2020", brand: "Honda", name: "Brio Satya E", year: 2020, price: 139_000_000n },
  { slug: "toyota-fortuner-2019", brand: "Toyota", name: "Fortuner VRZ", year: 2019, price: 415_000_000n },
];

const SYSTEM = "Kamu asisten penjualan Showroom Maju Jaya. Jawab singkat dalam Bahasa Indonesia.";

let executed: ToolInvocation<typeof tools>[] = [];

async function executeTool(...call: ToolInvocation<typeof tools>): Promise<unknown> {
  executed.push(call);
  const [name, args] = call;
  if (name === "search_vehicles") {
    const brand = args.brand?.toLowerCase();
    return {
      vehicles: STOCK.filter(
        (car) =>
          (!brand || car.brand.toLowerCase() === brand) &&
          (args.priceMax === undefined || car.price <= args.priceMax),
      ),
    };
  }
  return simulateCredit({
    price: args.price,
    downPaymentPct: args.downPaymentPercent,
    years: args.tenorYears,
    rateBps: 650,
  });
}

// ---------------------------------------------------------------------------------------------
// One scripted model, spoken in each provider's wire format.
// ---------------------------------------------------------------------------------------------

interface ScriptedTurn {
  say?: string;
  call?: { id: string; name: string; args: Record<string, unknown> }[];
  usage?: { input: number; output: number };
  /** Answer with this HTTP error status instead. */
  fail?: number;
  retryAfterMs?: number;
  delayMs?: number;
  /** Answer 200 with this body instead. */
  raw?: string;
}

/** A request as the model would read it: the results of its last tool calls. */
interface SeenRequest {
  toolResults: { id: string; content: unknown; isError: boolean }[];
}

type Script = (seen: SeenRequest, index: number) => ScriptedTurn;

interface ProviderSettings {
  timeoutMs?: number;
  maxRetries?: number;
  apiKey?: string;
}

interface RunningFake {
  provider(settings?: ProviderSettings): AssistantProvider;
  /** The status of every HTTP request that reached the fake (499: the client hung up first). */
  statuses(): number[];
  /** The SDK's retry counter header of every request. */
  retryCounts(): (string | undefined)[];
  close(): Promise<void>;
}

interface Harness {
  name: "anthropic" | "openai";
  model: string;
  start(script: Script): Promise<RunningFake>;
}

const FAST = { timeoutMs: 5_000, maxRetries: 0 } satisfies ProviderSettings;

function parseJsonText(text: unknown): unknown {
  return typeof text === "string" ? JSON.parse(text) : text;
}

const anthropicHarness: Harness = {
  name: "anthropic",
  // Not the env default: SDK 1.14 warns on every call to claude-sonnet-4-5, which it lists as deprecated.
  model: "claude-haiku-4-5",
  async start(script) {
    const fake = await startFakeAnthropic(({ body, index }): AnthropicFakeReply => {
      const last = body.messages.at(-1);
      const toolResults =
        last?.role === "user" && typeof last.content !== "string"
          ? last.content.flatMap((block) =>
              block.type === "tool_result"
                ? [
                    {
                      id: block.tool_use_id,
                      content: parseJsonText(block.content),
                      isError: block.is_error === true,
                    },
                  ]
                : [],
            )
          : [];
      return toAnthropicReply(script({ toolResults }, index));
    });
    return running(fake, createAnthropicProvider, this.model);
  },
};

/** The answers both wire formats give alike: an HTTP error or a raw body, each possibly late. */
function timingOf(turn: ScriptedTurn): ReplyTiming {
  return {
    delayMs: turn.delayMs,
    headers: turn.retryAfterMs === undefined ? undefined : { "retry-after-ms": String(turn.retryAfterMs) },
  };
}

function notAMessage(
  turn: ScriptedTurn,
): (ReplyTiming & ({ kind: "error"; status: number } | RawReply)) | null {
  if (turn.fail !== undefined) return { kind: "error", status: turn.fail, ...timingOf(turn) };
  if (turn.raw !== undefined) return { kind: "raw", status: 200, body: turn.raw, ...timingOf(turn) };
  return null;
}

function toAnthropicReply(turn: ScriptedTurn): AnthropicFakeReply {
  const other = notAMessage(turn);
  if (other) return other;
  const content: AnthropicFakeBlock[] = [
    ...(turn.say ? [{ type: "text" as const, text: turn.say }] : []),
    ...(turn.call ?? []).map((call) => ({
      type: "tool_use" as const,
      id: call.id,
      name: call.name,
      input: call.args,
    })),
  ];
  return {
    kind: "message",
    content,
    usage: turn.usage && { input_tokens: turn.usage.input, output_tokens: turn.usage.output },
    ...timingOf(turn),
  };
}

const openaiHarness: Harness = {
  name: "openai",
  model: "gpt-4.1-mini",
  async start(script) {
    const fake = await startFakeOpenAI(({ body, index }): OpenAIFakeReply => {
      const toolResults: SeenRequest["toolResults"] = [];
      for (const message of body.messages.toReversed()) {
        if (message.role !== "tool") break;
        const content = parseJsonText(message.content);
        // Chat Completions has no error flag on tool messages: the JSON itself says it.
        const isError = typeof content === "object" && content !== null && "error" in content;
        toolResults.unshift({ id: message.tool_call_id, content, isError });
      }
      return toOpenAIReply(script({ toolResults }, index));
    });
    return running(fake, createOpenAIProvider, this.model);
  },
};

function toOpenAIReply(turn: ScriptedTurn): OpenAIFakeReply {
  const other = notAMessage(turn);
  if (other) return other;
  return {
    kind: "message",
    content: turn.say ?? null,
    toolCalls: turn.call?.map((call) => ({ id: call.id, name: call.name, arguments: call.args })),
    usage: turn.usage && { prompt_tokens: turn.usage.input, completion_tokens: turn.usage.output },
    ...timingOf(turn),
  };
}

const openFakes: { close(): Promise<void> }[] = [];

type ProviderFactory = typeof createAnthropicProvider | typeof createOpenAIProvider;

/** A provider of the real SDK talking to a fake (closed after the test), fast unless told otherwise. */
function providerOn(
  fake: FakeAnthropic | FakeOpenAI,
  create: ProviderFactory,
  model: string,
  settings: ProviderSettings = {},
): AssistantProvider {
  if (!openFakes.includes(fake)) openFakes.push(fake);
  return create({
    apiKey: settings.apiKey ?? fake.apiKey,
    baseURL: fake.baseURL,
    model,
    timeoutMs: settings.timeoutMs ?? FAST.timeoutMs,
    maxRetries: settings.maxRetries ?? FAST.maxRetries,
  });
}

function running(fake: FakeAnthropic | FakeOpenAI, create: ProviderFactory, model: string): RunningFake {
  openFakes.push(fake);
  return {
    provider: (settings = {}) => providerOn(fake, create, model, settings),
    statuses: () => fake.requests.map((request) => request.status),
    retryCounts: () => fake.requests.map((request) => request.headers["x-stainless-retry-count"]),
    close: () => fake.close(),
  };
}

afterEach(async () => {
  executed = [];
  await Promise.all(openFakes.splice(0).map((fake) => fake.close()));
});

async function providerErrorOf(promise: Promise<unknown>): Promise<ProviderError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
}

const ask = (text: string) => [{ role: "user" as const, text }];

/** One buyer message to the showroom's tiny assistant. */
function askShowroom(
  provider: AssistantProvider,
  text: string,
  options: { signal?: AbortSignal; maxSteps?: number } = {},
) {
  return runToolLoop(provider, { system: SYSTEM, messages: ask(text), tools, executeTool, ...options });
}

// ---------------------------------------------------------------------------------------------
// The same behaviour through both SDKs.
// ---------------------------------------------------------------------------------------------

describe.each([anthropicHarness, openaiHarness])("$name provider over real HTTP", (harness) => {
  it("runs a two-step tool loop: the model calls a tool, reads its result, answers", async () => {
    const seen: SeenRequest[] = [];
    const fake = await harness.start((request, index) => {
      seen.push(request);
      return index === 0
        ? {
            call: [
              {
                id: "call_search_1",
                name: "search_vehicles",
                args: { brand: "Toyota", priceMax: 200_000_000 },
              },
            ],
          }
        : { say: "Ada Toyota Avanza 1.5 G 2021, Rp 185.000.000. Mau simulasi kredit?" };
    });

    const result = await askShowroom(fake.provider(), "Ada Toyota di bawah 200 juta?");

    expect(result.text).toBe("Ada Toyota Avanza 1.5 G 2021, Rp 185.000.000. Mau simulasi kredit?");
    expect(result).toMatchObject({
      provider: harness.name,
      model: harness.model,
      steps: 2,
      finishReason: "stop",
    });
    // The tool got a bigint; the model got an integer number of Rupiah.
    expect(executed).toEqual([["search_vehicles", { brand: "Toyota", priceMax: 200_000_000n }]]);
    expect(seen[1]?.toolResults).toEqual([
      {
        id: "call_search_1",
        content: {
          vehicles: [
            {
              slug: "toyota-avanza-2021",
              brand: "Toyota",
              name: "Avanza 1.5 G",
              year: 2021,
              price: 185_000_000,
            },
          ],
        },
        isError: false,
      },
    ]);
    expect(result.toolCalls).toEqual([
      {
        id: "call_search_1",
        name: "search_vehicles",
        args: { brand: "Toyota", priceMax: 200_000_000 },
        result: { vehicles: [STOCK[0]] },
        isError: false,
      },
    ]);
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("runs parallel tool calls of one turn in order and answers each by its id", async () => {
    const seen: SeenRequest[] = [];
    const fake = await harness.start((request, index) => {
      seen.push(request);
      return index === 0
        ? {
            say: "Sebentar, saya cek.",
            call: [
              { id: "call_a", name: "search_vehicles", args: { brand: "Honda" } },
              {
                id: "call_b",
                name: "credit_simulation",
                args: { price: 139_000_000, downPaymentPercent: 30, tenorYears: 3 },
              },
            ],
          }
        : { say: "Honda Brio 2020 Rp 139 jt, cicilan sekitar Rp 3,2 jt/bulan." };
    });

    const result = await askShowroom(fake.provider(), "Brio berapa cicilannya?");

    expect(executed.map(([name]) => name)).toEqual(["search_vehicles", "credit_simulation"]);
    const credit = simulateCredit({ price: 139_000_000n, downPaymentPct: 30, years: 3, rateBps: 650 });
    expect(seen[1]?.toolResults).toEqual([
      { id: "call_a", content: { vehicles: [{ ...STOCK[1], price: 139_000_000 }] }, isError: false },
      {
        id: "call_b",
        content: {
          downPayment: Number(credit.downPayment),
          financed: Number(credit.financed),
          monthly: Number(credit.monthly),
          months: 36,
        },
        isError: false,
      },
    ]);
    expect(result.toolCalls.map((call) => call.id)).toEqual(["call_a", "call_b"]);
    expect(result.text).toContain("Brio");
  });

  it("returns invalid arguments to the model as an error result and does not run the tool", async () => {
    const seen: SeenRequest[] = [];
    const fake = await harness.start((request, index) => {
      seen.push(request);
      if (index === 0)
        return {
          call: [
            { id: "call_bad", name: "credit_simulation", args: { price: "murah", downPaymentPercent: 120 } },
          ],
        };
      if (index === 1) {
        return {
          call: [
            {
              id: "call_good",
              name: "credit_simulation",
              args: { price: 185_000_000, downPaymentPercent: 20, tenorYears: 3 },
            },
          ],
        };
      }
      return { say: "Cicilannya Rp 4.913.000 per bulan selama 3 tahun." };
    });

    const result = await askShowroom(fake.provider(), "Kredit Avanza?");

    const [rejected] = seen[1]?.toolResults ?? [];
    expect(rejected).toMatchObject({ id: "call_bad", isError: true });
    expect(JSON.stringify(rejected?.content)).toMatch(
      /Invalid arguments for credit_simulation: .*price.*downPaymentPercent.*tenorYears/,
    );
    expect(executed).toEqual([
      ["credit_simulation", { price: 185_000_000n, downPaymentPercent: 20, tenorYears: 3 }],
    ]);
    expect(result.toolCalls.map((call) => call.isError)).toEqual([true, false]);
    expect(result.toolCalls[0]?.args).toEqual({ price: "murah", downPaymentPercent: 120 });
    expect(result.text).toBe("Cicilannya Rp 4.913.000 per bulan selama 3 tahun.");
  });

  it("tells the model a tool does not exist, listing the ones that do", async () => {
    const seen: SeenRequest[] = [];
    const fake = await harness.start((request, index) => {
      seen.push(request);
      return index === 0
        ? { call: [{ id: "call_x", name: "book_test_drive", args: { slug: "toyota-avanza-2021" } }] }
        : { say: "Untuk test drive, silakan hubungi sales kami." };
    });

    const result = await askShowroom(fake.provider(), "Bisa test drive besok?");

    expect(seen[1]?.toolResults).toEqual([
      {
        id: "call_x",
        content: {
          error: 'Unknown tool "book_test_drive". Available tools: search_vehicles, credit_simulation.',
        },
        isError: true,
      },
    ]);
    expect(executed).toEqual([]);
    expect(result.finishReason).toBe("stop");
  });

  it("adds up token usage over every step, and prices it", async () => {
    const fake = await harness.start((_request, index) =>
      index === 0
        ? { call: [{ id: "call_1", name: "search_vehicles", args: {} }], usage: { input: 1_200, output: 40 } }
        : { say: "Ada tiga mobil.", usage: { input: 1_350, output: 85 } },
    );

    const result = await askShowroom(fake.provider(), "Stok apa saja?");

    expect(result.usage).toEqual({ inputTokens: 2_550, outputTokens: 125 });
    const price = findModelPrice(harness.name, result.model);
    expect(price).not.toBeNull();
    expect(estimateCostMicroUsd(harness.name, result.model, result.usage)).toBe(
      Math.round(2_550 * (price?.inputPerMillion ?? NaN) + 125 * (price?.outputPerMillion ?? NaN)),
    );
  });

  it("lets the SDK retry a 429 (honouring retry-after-ms) and then succeeds", async () => {
    const fake = await harness.start((_request, index) =>
      index === 0 ? { fail: 429, retryAfterMs: 10 } : { say: "Halo, ada yang bisa dibantu?" },
    );

    const result = await askShowroom(fake.provider({ maxRetries: 2 }), "Halo");

    expect(result.text).toBe("Halo, ada yang bisa dibantu?");
    expect(fake.statuses()).toEqual([429, 200]);
    expect(fake.retryCounts()).toEqual(["0", "1"]);
  });

  it("reports ProviderError rate_limit once the retries run out", async () => {
    const fake = await harness.start(() => ({ fail: 429, retryAfterMs: 5 }));

    const error = await providerErrorOf(askShowroom(fake.provider({ maxRetries: 1 }), "Halo"));

    expect(error).toMatchObject({ kind: "rate_limit", provider: harness.name, status: 429 });
    expect(fake.statuses()).toEqual([429, 429]);
  });

  it("turns a slow answer into ProviderError timeout, quickly, retrying once", async () => {
    const fake = await harness.start(() => ({ say: "terlambat", delayMs: 10_000 }));
    const started = performance.now();

    const error = await providerErrorOf(
      askShowroom(fake.provider({ timeoutMs: 150, maxRetries: 1 }), "Halo"),
    );

    expect(error).toMatchObject({ kind: "timeout", provider: harness.name });
    // Two attempts of 150 ms and one backoff of at most 500 ms.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(fake.statuses()).toHaveLength(2);
  });

  it("stops the whole turn at the caller's deadline, whatever the retries", async () => {
    const fake = await harness.start(() => ({ say: "terlambat", delayMs: 10_000 }));
    const started = performance.now();

    const error = await providerErrorOf(
      askShowroom(fake.provider({ timeoutMs: 10_000, maxRetries: 2 }), "Halo", {
        signal: AbortSignal.timeout(150),
      }),
    );

    expect(error.kind).toBe("timeout");
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(fake.statuses()).toHaveLength(1);
  });

  it("reports a wrong key as ProviderError auth without retrying", async () => {
    const fake = await harness.start(() => ({ say: "never" }));

    const error = await providerErrorOf(
      askShowroom(fake.provider({ apiKey: "sk-wrong", maxRetries: 2 }), "Halo"),
    );

    expect(error).toMatchObject({ kind: "auth", provider: harness.name, status: 401 });
    expect(fake.statuses()).toEqual([401]);
  });

  it("reports a server that keeps failing as ProviderError server after retrying", async () => {
    // 529 is Anthropic's "overloaded"; OpenAI says 503.
    const status = harness.name === "anthropic" ? 529 : 503;
    const fake = await harness.start(() => ({ fail: status, retryAfterMs: 5 }));

    const error = await providerErrorOf(askShowroom(fake.provider({ maxRetries: 1 }), "Halo"));

    expect(error).toMatchObject({ kind: "server", status });
    expect(fake.statuses()).toEqual([status, status]);
  });

  it("reports a 200 whose body is not a reply as ProviderError bad_response", async () => {
    const fake = await harness.start(() => ({ raw: JSON.stringify({ hello: "world" }) }));

    const error = await providerErrorOf(askShowroom(fake.provider(), "Halo"));

    expect(error.kind).toBe("bad_response");
  });

  it("stops a model that never stops calling tools at maxSteps", async () => {
    let n = 0;
    const fake = await harness.start(() => ({
      say: "Cek lagi...",
      call: [{ id: `call_${++n}`, name: "search_vehicles", args: {} }],
    }));

    const result = await askShowroom(fake.provider(), "Cari terus", { maxSteps: 3 });

    expect(result).toMatchObject({ steps: 3, finishReason: "max_steps", text: "Cek lagi..." });
    expect(fake.statuses()).toEqual([200, 200, 200]);
    // The third call is not run: no model call is left to read its result.
    expect(result.toolCalls.map((call) => call.id)).toEqual(["call_1", "call_2"]);
    expect(executed).toHaveLength(2);
  });
});

// ---------------------------------------------------------------------------------------------
// Each wire format in detail.
// ---------------------------------------------------------------------------------------------

describe("anthropic wire format", () => {
  it("sends x-api-key, anthropic-version, system, JSON Schema tools, and tool_result blocks with is_error", async () => {
    const fake = await startFakeAnthropic([
      {
        kind: "message",
        content: [{ type: "tool_use", id: "toolu_1", name: "credit_simulation", input: { price: "murah" } }],
      },
      { kind: "message", content: [{ type: "text", text: "Berapa DP yang diinginkan?" }] },
    ]);
    const provider = providerOn(fake, createAnthropicProvider, "claude-haiku-4-5");

    await runToolLoop(provider, {
      system: SYSTEM,
      // Two buyer messages in a row, as WhatsApp delivers them.
      messages: [
        { role: "user", text: "Halo" },
        { role: "user", text: "Avanza bisa kredit?" },
      ],
      tools,
      executeTool,
    });

    const [first, second] = fake.requests;
    expect(first?.headers["x-api-key"]).toBe(fake.apiKey);
    // SDK 1.x also (and on its own, only) sends the key as a bearer token.
    expect(first?.headers.authorization).toBe(`Bearer ${fake.apiKey}`);
    expect(first?.headers["anthropic-version"]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(first?.body).toMatchObject({
      model: "claude-haiku-4-5",
      max_tokens: 1024,
      system: SYSTEM,
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "Halo" },
            { type: "text", text: "Avanza bisa kredit?" },
          ],
        },
      ],
    });
    expect(first?.body?.tools?.[1]).toEqual({
      name: "credit_simulation",
      description: creditSimulation.description,
      input_schema: {
        type: "object",
        properties: {
          price: { type: "integer", exclusiveMinimum: 0, maximum: Number.MAX_SAFE_INTEGER },
          downPaymentPercent: { type: "number", minimum: 0, maximum: 90 },
          tenorYears: { type: "integer", minimum: 1, maximum: 5 },
        },
        required: ["price", "downPaymentPercent", "tenorYears"],
      },
    });
    expect(second?.body?.messages.slice(1)).toEqual([
      {
        role: "assistant",
        content: [{ type: "tool_use", id: "toolu_1", name: "credit_simulation", input: { price: "murah" } }],
      },
      {
        role: "user",
        content: [
          {
            type: "tool_result",
            tool_use_id: "toolu_1",
            content: expect.stringContaining("Invalid arguments"),
            is_error: true,
          },
        ],
      },
    ]);
  });

  it("rejects a tool_use that is not answered, as the API does", async () => {
    const fake = await startFakeAnthropic([]);
    const provider = providerOn(fake, createAnthropicProvider, "claude-haiku-4-5");

    const error = await providerErrorOf(
      provider.generate({
        system: "",
        tools: [toToolSpec(searchVehicles)],
        transcript: [
          { role: "user", text: "Halo" },
          {
            role: "assistant",
            text: "",
            toolCalls: [{ id: "toolu_lost", name: "search_vehicles", args: {} }],
          },
          { role: "user", text: "Halo?" },
        ],
      }),
    );

    expect(error).toMatchObject({ kind: "bad_request", status: 400 });
    expect(error.message).toContain("toolu_lost");
  });
});

describe("openai wire format", () => {
  it("sends Bearer auth, the system message first, function tools, tool_calls with JSON text and role tool messages", async () => {
    const fake = await startFakeOpenAI([
      {
        kind: "message",
        toolCalls: [{ id: "call_1", name: "search_vehicles", arguments: { brand: "Honda" } }],
      },
      { kind: "message", content: "Ada Honda Brio 2020." },
    ]);
    const provider = providerOn(fake, createOpenAIProvider, "gpt-4.1-mini");

    await askShowroom(provider, "Ada Honda?");

    const [first, second] = fake.requests;
    expect(first?.headers.authorization).toBe(`Bearer ${fake.apiKey}`);
    expect(first?.path).toBe("/v1/chat/completions");
    expect(first?.body).toMatchObject({
      model: "gpt-4.1-mini",
      max_completion_tokens: 1024,
      messages: [
        { role: "system", content: SYSTEM },
        { role: "user", content: "Ada Honda?" },
      ],
    });
    expect(first?.body?.tools?.[0]).toEqual({
      type: "function",
      function: {
        name: "search_vehicles",
        description: searchVehicles.description,
        parameters: {
          type: "object",
          properties: {
            brand: { type: "string", minLength: 1 },
            priceMax: { type: "integer", exclusiveMinimum: 0, maximum: Number.MAX_SAFE_INTEGER },
          },
        },
      },
    });
    expect(second?.body?.messages.slice(2)).toEqual([
      {
        role: "assistant",
        content: null,
        tool_calls: [
          {
            id: "call_1",
            type: "function",
            function: { name: "search_vehicles", arguments: '{"brand":"Honda"}' },
          },
        ],
      },
      {
        role: "tool",
        tool_call_id: "call_1",
        content: JSON.stringify({ vehicles: [{ ...STOCK[1], price: 139_000_000 }] }),
      },
    ]);
  });

  it("tells the model its arguments were not JSON, and echoes them back verbatim", async () => {
    const broken = '{"brand": "Toyota"';
    const fake = await startFakeOpenAI([
      { kind: "message", toolCalls: [{ id: "call_1", name: "search_vehicles", arguments: broken }] },
      { kind: "message", content: "Maaf, merek apa yang dicari?" },
    ]);
    const provider = providerOn(fake, createOpenAIProvider, "gpt-4.1-mini");

    const result = await askShowroom(provider, "Toyota?");

    expect(executed).toEqual([]);
    expect(result.toolCalls[0]).toMatchObject({ args: broken, isError: true });
    const messages = fake.requests[1]?.body?.messages ?? [];
    expect(messages[2]).toMatchObject({
      role: "assistant",
      tool_calls: [{ function: { arguments: broken } }],
    });
    expect(messages[3]).toMatchObject({
      role: "tool",
      tool_call_id: "call_1",
      content: expect.stringContaining("not valid JSON"),
    });
  });
});

// ---------------------------------------------------------------------------------------------
// The loop and the helpers, without HTTP.
// ---------------------------------------------------------------------------------------------

/** A provider that replays canned responses and keeps what it was asked. */
function scriptedProvider(
  responses: Partial<ModelResponse>[],
): AssistantProvider & { requests: ModelRequest[] } {
  const requests: ModelRequest[] = [];
  return {
    name: "local",
    model: "scripted",
    requests,
    async generate(request) {
      requests.push({ ...request, transcript: [...request.transcript] });
      const response = responses[requests.length - 1] ?? {};
      return {
        text: "",
        toolCalls: [],
        stopReason: "end_turn",
        usage: { inputTokens: 0, outputTokens: 0 },
        model: "scripted",
        ...response,
      };
    },
  };
}

describe("runToolLoop", () => {
  it("shows the model a ToolError's message, and lets any other exception fail the turn", async () => {
    const call = { id: "c1", name: "search_vehicles", args: {} };
    const soldOut = scriptedProvider([
      { toolCalls: [call], stopReason: "tool_use" },
      { text: "Maaf, stok habis." },
    ]);
    const result = await runToolLoop(soldOut, {
      system: SYSTEM,
      messages: ask("Ada mobil?"),
      tools,
      executeTool: async () => {
        throw new ToolError("Stok sedang diperbarui, coba lagi sebentar.");
      },
    });
    expect(result.toolCalls[0]).toMatchObject({
      isError: true,
      result: { error: "Stok sedang diperbarui, coba lagi sebentar." },
    });
    expect(soldOut.requests[1]?.transcript.at(-1)).toEqual({
      role: "tool",
      results: [
        {
          toolCallId: "c1",
          toolName: "search_vehicles",
          content: '{"error":"Stok sedang diperbarui, coba lagi sebentar."}',
          isError: true,
        },
      ],
    });

    const broken = scriptedProvider([{ toolCalls: [call], stopReason: "tool_use" }]);
    await expect(
      runToolLoop(broken, {
        system: SYSTEM,
        messages: ask("Ada mobil?"),
        tools,
        executeTool: async () => {
          throw new TypeError("database is down");
        },
      }),
    ).rejects.toThrow("database is down");
  });

  it("reports an answer cut off by the token limit", async () => {
    const result = await runToolLoop(
      scriptedProvider([{ text: "Avanza 2021 harganya Rp", stopReason: "max_tokens" }]),
      {
        system: SYSTEM,
        messages: ask("Harga?"),
        tools,
        executeTool,
      },
    );
    expect(result.finishReason).toBe("max_tokens");
  });

  it("gives tools a JSON Schema from the zod input side, and refuses a non-object input", () => {
    expect(toToolSpec(creditSimulation).parameters).not.toHaveProperty("$schema");
    expect(toToolSpec(creditSimulation).parameters.required).toEqual([
      "price",
      "downPaymentPercent",
      "tenorYears",
    ]);
    expect(() => toToolSpec(defineTool({ name: "echo", description: "x", input: z.string() }))).toThrow(
      /must be a z.object/,
    );
    // bigint has no JSON Schema: money goes through RupiahArg instead.
    expect(() =>
      toToolSpec(defineTool({ name: "bad_money", description: "x", input: z.object({ price: z.bigint() }) })),
    ).toThrow();
  });
});

describe("estimateCostMicroUsd", () => {
  it("prices a dated snapshot as the model it snapshots, and a newer version as unknown", () => {
    expect(findModelPrice("openai", "gpt-4.1-mini-2025-04-14")).toEqual(
      DEFAULT_PRICES.openai?.["gpt-4.1-mini"],
    );
    expect(findModelPrice("openai", "gpt-4.1-2025-04-14")).toEqual(DEFAULT_PRICES.openai?.["gpt-4.1"]);
    expect(findModelPrice("anthropic", "claude-sonnet-4-5-20250929")).toEqual(
      DEFAULT_PRICES.anthropic?.["claude-sonnet-4-5"],
    );
    expect(findModelPrice("anthropic", "claude-opus-4-6")).toBeNull();
  });

  it("counts integer micro-USD, nothing for the local engine, and null for a model it does not know", () => {
    // 3 USD and 15 USD per million tokens: 3 and 15 micro-USD per token.
    expect(
      estimateCostMicroUsd("anthropic", "claude-sonnet-4-5", { inputTokens: 1_000, outputTokens: 200 }),
    ).toBe(6_000);
    expect(estimateCostMicroUsd("openai", "gpt-4.1-mini", { inputTokens: 3, outputTokens: 1 })).toBe(3);
    expect(estimateCostMicroUsd("local", "rules", { inputTokens: 1_000, outputTokens: 1_000 })).toBe(0);
    expect(estimateCostMicroUsd("openai", "some-new-model", { inputTokens: 1, outputTokens: 1 })).toBeNull();
    expect(
      estimateCostMicroUsd(
        "openai",
        "my-finetune",
        { inputTokens: 10, outputTokens: 10 },
        {
          openai: { "my-finetune": { inputPerMillion: 1, outputPerMillion: 2 } },
        },
      ),
    ).toBe(30);
  });
});
