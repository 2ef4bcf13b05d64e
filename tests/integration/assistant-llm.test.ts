// The LLM assistant through both real SDKs against wire-level fakes, on a real PostgreSQL: the same tools, grounding, fallbacks, metering and budget for Anthropic and OpenAI.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type ComposeResult, composeReply } from "@/lib/assistant/compose";
import { estimateCostMicroUsd } from "@/lib/assistant/llm/providers/cost";
import { ToolError } from "@/lib/assistant/llm/providers/errors";
import { createToolExecutor } from "@/lib/assistant/llm/tools/registry";
import { composeLocalReply } from "@/lib/assistant/local/engine";
import { systemActor } from "@/lib/audit/record";
import { withTenant } from "@/lib/core/db/tenant";
import { type AnthropicFakeReply, type FakeAnthropic, startFakeAnthropic } from "../fakes/anthropic";
import { type FakeOpenAI, type OpenAIFakeReply, startFakeOpenAI } from "../fakes/openai";
import { makeTenant, makeUser } from "../support/factories";
import { AVANZA_2018, AVANZA_2020, addVehicle, JAZZ_RS_2019 } from "../support/vehicles";

vi.setConfig({ testTimeout: 60_000 });

/** What the scripted model does on a request, given the results of its last tool calls. */
type Mode = "grounded" | "invent" | "server_error" | "slow" | "handoff" | "photos_then_invent";

interface ScriptedTurn {
  say?: string;
  call?: { id: string; name: string; args: Record<string, unknown> };
  usage: { input: number; output: number };
  fail?: number;
  delayMs?: number;
}

const USAGE_CALL = { input: 100, output: 20 };
const USAGE_ANSWER = { input: 300, output: 50 };

const Summary = (value: unknown): { title: string; priceText: string; link: string } | null => {
  if (typeof value !== "object" || value === null || !("vehicles" in value) || !Array.isArray(value.vehicles))
    return null;
  const first: unknown = value.vehicles[0];
  if (typeof first !== "object" || first === null) return null;
  const pick = (key: string) => (key in first ? String((first as Record<string, unknown>)[key]) : "");
  return { title: pick("title"), priceText: pick("priceText"), link: pick("link") };
};

function decide(mode: Mode, toolResults: unknown[]): ScriptedTurn {
  if (mode === "server_error") return { fail: 500, usage: USAGE_CALL };
  if (mode === "slow") return { delayMs: 3_000, say: "late", usage: USAGE_CALL };
  if (toolResults.length === 0) {
    if (mode === "photos_then_invent")
      return { call: { id: "call_1", name: "send_photos", args: { stockCode: "AV-1" } }, usage: USAGE_CALL };
    return mode === "handoff"
      ? {
          call: { id: "call_1", name: "handoff", args: { reason: "buyer asks for a discount" } },
          usage: USAGE_CALL,
        }
      : {
          call: { id: "call_1", name: "search_vehicles", args: { brand: "Toyota", model: "Avanza" } },
          usage: USAGE_CALL,
        };
  }
  if (mode === "handoff") return { say: "Baik, sales kami akan membalas di chat ini.", usage: USAGE_ANSWER };
  if (mode === "photos_then_invent")
    return { say: "Fotonya sudah saya kirim, harga pas 99 jt.", usage: USAGE_ANSWER };
  const car = Summary(toolResults[0]);
  if (mode === "invent")
    return {
      say: `Ada ${car?.title ?? "Avanza"}, khusus hari ini bisa 170 jt saja! ${car?.link ?? ""}`,
      usage: USAGE_ANSWER,
    };
  return { say: `Ada ${car?.title}, harga ${car?.priceText}. Lihat: ${car?.link}`, usage: USAGE_ANSWER };
}

const parseJson = (text: unknown): unknown => {
  if (typeof text !== "string") return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

let mode: Mode = "grounded";
let anthropic: FakeAnthropic;
let openai: FakeOpenAI;

function anthropicReply(turn: ScriptedTurn): AnthropicFakeReply {
  if (turn.fail) return { kind: "error", status: turn.fail };
  return {
    kind: "message",
    delayMs: turn.delayMs,
    content: [
      ...(turn.say ? [{ type: "text" as const, text: turn.say }] : []),
      ...(turn.call
        ? [{ type: "tool_use" as const, id: turn.call.id, name: turn.call.name, input: turn.call.args }]
        : []),
    ],
    usage: { input_tokens: turn.usage.input, output_tokens: turn.usage.output },
  };
}

function openaiReply(turn: ScriptedTurn): OpenAIFakeReply {
  if (turn.fail) return { kind: "error", status: turn.fail };
  return {
    kind: "message",
    delayMs: turn.delayMs,
    content: turn.say ?? null,
    toolCalls: turn.call
      ? [{ id: turn.call.id, name: turn.call.name, arguments: turn.call.args }]
      : undefined,
    usage: { prompt_tokens: turn.usage.input, completion_tokens: turn.usage.output },
  };
}

const BASE = "https://showroom.test/t";
const _actor = systemActor("test");

async function seedShowroom(provider: "anthropic" | "openai") {
  const tenant = await makeTenant(`LLM ${provider}`);
  const slugs = await withTenant(tenant.id, async (tx) => {
    await tx.tenant.update({ where: { id: tenant.id }, data: { aiProvider: provider } });
    const inJakarta = { fuel: "petrol", negotiable: true, city: "Jakarta" } as const;
    const avanza = await addVehicle(tx, tenant.id, { ...AVANZA_2020, ...inJakarta, stockCode: "AV-1" });
    await addVehicle(tx, tenant.id, { ...AVANZA_2018, ...inJakarta, stockCode: "AV-2", status: "sold" });
    await addVehicle(tx, tenant.id, {
      ...JAZZ_RS_2019,
      ...inJakarta,
      stockCode: "JZ-1",
      price: 187_500_000n,
      status: "booked",
    });
    await tx.vehiclePhoto.create({
      data: {
        tenantId: tenant.id,
        vehicleId: avanza.id,
        isMain: true,
        storageKey: `tenants/${tenant.id}/vehicles/${avanza.id}/p-1280.webp`,
        width: 1280,
        height: 960,
        bytes: 1000,
        blurDataUrl: "data:,",
        variants: [
          {
            format: "webp",
            width: 1280,
            height: 960,
            key: `tenants/${tenant.id}/vehicles/${avanza.id}/p-1280.webp`,
            bytes: 1000,
          },
        ],
      },
    });
    return { avanza: avanza.slug };
  });
  await makeUser({ tenantId: tenant.id, role: "sales" });
  return { id: tenant.id, name: tenant.name, slugs };
}

function ask(
  tenantId: string,
  text: string,
  extra: { conversation?: { id: string; messageId: string } } = {},
): Promise<ComposeResult> {
  return withTenant(
    tenantId,
    (tx) =>
      composeReply(tx, {
        tenantId,
        text,
        previous: {},
        showroomName: "Showroom Uji",
        base: BASE,
        creditRateBps: 650,
        deadlineMs: 20_000,
        ...extra,
      }),
    { timeout: 45_000 },
  );
}

const callsOf = (tenantId: string) =>
  withTenant(tenantId, (tx) => tx.llmCall.findMany({ orderBy: { createdAt: "asc" } }));

beforeAll(async () => {
  const toolResultsAnthropic = (messages: { role: string; content: unknown }[]) => {
    const last = messages.at(-1);
    if (last?.role !== "user" || !Array.isArray(last.content)) return [];
    return last.content.flatMap((block: unknown) =>
      typeof block === "object" &&
      block !== null &&
      "type" in block &&
      block.type === "tool_result" &&
      "content" in block
        ? [parseJson(block.content)]
        : [],
    );
  };
  anthropic = await startFakeAnthropic(({ body }) =>
    anthropicReply(decide(mode, toolResultsAnthropic(body.messages))),
  );
  openai = await startFakeOpenAI(({ body }) => {
    const results: unknown[] = [];
    for (const message of body.messages.toReversed()) {
      if (message.role !== "tool") break;
      results.unshift(parseJson(message.content));
    }
    return openaiReply(decide(mode, results));
  });
  // Read once by lib/core/env.ts, before anything in this file touches the database.
  Object.assign(process.env, {
    AI_PROVIDER: "local",
    ANTHROPIC_API_KEY: anthropic.apiKey,
    ANTHROPIC_BASE_URL: anthropic.baseURL,
    ANTHROPIC_MODEL: "claude-haiku-4-5",
    OPENAI_API_KEY: openai.apiKey,
    OPENAI_BASE_URL: openai.baseURL,
    OPENAI_MODEL: "gpt-4.1-mini",
    AI_MAX_RETRIES: "0",
    AI_TIMEOUT_MS: "1000",
  });
});

afterAll(async () => {
  await anthropic?.close();
  await openai?.close();
});

describe.each([
  { provider: "anthropic" as const, model: "claude-haiku-4-5", requests: () => anthropic.requests },
  { provider: "openai" as const, model: "gpt-4.1-mini", requests: () => openai.requests },
])("the LLM assistant on $provider", ({ provider, model, requests }) => {
  let showroom: Awaited<ReturnType<typeof seedShowroom>>;
  beforeAll(async () => {
    showroom = await seedShowroom(provider);
  });

  it("answers with the car and price search_vehicles returned, and records tokens and cost", async () => {
    mode = "grounded";
    const before = requests().length;
    const result = await ask(showroom.id, "ada avanza matic?");
    expect(result.engine).toBe("llm");
    expect(result.reply).toContain("Rp 185.000.000");
    expect(result.reply).toContain(`${BASE}/vehicles/${showroom.slugs.avanza}`);
    expect(result.offered).toEqual(["AV-1"]);
    // Two requests: the tool call, then the answer after the tool result.
    const sent = requests().slice(before);
    expect(sent).toHaveLength(2);
    const toolRound = JSON.stringify(sent[1]?.rawBody);
    expect(toolRound).toContain("185000000");
    // The sold Avanza never reaches the model.
    expect(toolRound).not.toContain("AV-2");
    expect(toolRound).not.toContain("139000000");
    const [call] = (await callsOf(showroom.id)).slice(-1);
    const usage = {
      inputTokens: USAGE_CALL.input + USAGE_ANSWER.input,
      outputTokens: USAGE_CALL.output + USAGE_ANSWER.output,
    };
    expect(call).toMatchObject({ provider, model, outcome: "ok", ...usage });
    expect(call?.costMicroUsd).toBe(BigInt(estimateCostMicroUsd(provider, model, usage) ?? -1));
    expect(call?.costMicroUsd).toBeGreaterThan(0n);
  });

  it("rejects an answer that invents a price and lets the local engine answer", async () => {
    mode = "invent";
    const result = await ask(showroom.id, "ada avanza matic?");
    expect(result.engine).toBe("local");
    expect(result.reply).not.toMatch(/170/);
    const localReply = await withTenant(showroom.id, (tx) =>
      composeLocalReply(tx, {
        tenantId: showroom.id,
        text: "ada avanza matic?",
        previous: {},
        showroomName: "Showroom Uji",
        base: BASE,
        creditRateBps: 650,
      }),
    );
    expect(result.reply).toBe(localReply.reply);
    const [call] = (await callsOf(showroom.id)).slice(-1);
    expect(call).toMatchObject({ outcome: "fallback", inputTokens: 400, outputTokens: 70 });
  });

  it("falls back to the local engine on a provider 500", async () => {
    mode = "server_error";
    const result = await ask(showroom.id, "ada avanza?");
    expect(result.engine).toBe("local");
    expect(result.reply).toContain("Rp 185.000.000");
    expect((await callsOf(showroom.id)).at(-1)?.outcome).toBe("error:server");
  });

  it("falls back to the local engine when the provider times out", async () => {
    mode = "slow";
    const result = await ask(showroom.id, "ada avanza?");
    expect(result.engine).toBe("local");
    expect((await callsOf(showroom.id)).at(-1)?.outcome).toBe("error:timeout");
  });

  it("hands the conversation to a salesperson through the handoff tool: mode human, round-robin, one notification", async () => {
    mode = "handoff";
    const conversation = await withTenant(showroom.id, async (tx) => {
      const contact = await tx.waContact.create({
        data: {
          tenantId: showroom.id,
          waId: `62812${Math.floor(Math.random() * 1e7)}`,
          name: "Budi",
          lastInboundAt: new Date(),
        },
      });
      const created = await tx.waConversation.create({
        data: { tenantId: showroom.id, contactId: contact.id },
      });
      const message = await tx.waMessage.create({
        data: {
          tenantId: showroom.id,
          conversationId: created.id,
          direction: "inbound",
          sender: "contact",
          type: "text",
          body: "bisa kurang?",
          status: "received",
        },
      });
      return { id: created.id, messageId: message.id };
    });
    const result = await ask(showroom.id, "harganya bisa kurang?", { conversation });
    expect(result).toMatchObject({ engine: "llm", handoff: true, handoffDone: true });
    const after = await withTenant(showroom.id, async (tx) => ({
      conversation: await tx.waConversation.findUniqueOrThrow({ where: { id: conversation.id } }),
      notifications: await tx.notification.count({
        where: { kind: "conversation.handoff", link: `/dashboard/inbox/${conversation.id}` },
      }),
    }));
    expect(after.conversation.mode).toBe("human");
    expect(after.conversation.assigneeId).not.toBeNull();
    expect(after.notifications).toBe(1);
  });

  it("rolls back what the tools did when the reply is refused: no photos go out", async () => {
    mode = "photos_then_invent";
    const conversation = await withTenant(showroom.id, async (tx) => {
      const contact = await tx.waContact.create({
        data: {
          tenantId: showroom.id,
          waId: `62813${Math.floor(Math.random() * 1e7)}`,
          lastInboundAt: new Date(),
        },
      });
      const created = await tx.waConversation.create({
        data: { tenantId: showroom.id, contactId: contact.id },
      });
      return { id: created.id, messageId: "00000000-0000-4000-8000-000000000002" };
    });
    const result = await ask(showroom.id, "ada fotonya avanza?", { conversation });
    expect(result.engine).toBe("local");
    expect(
      await withTenant(showroom.id, (tx) =>
        tx.waOutbox.count({ where: { conversationId: conversation.id } }),
      ),
    ).toBe(0);
    expect((await callsOf(showroom.id)).at(-1)?.outcome).toBe("fallback");
  });

  it("past the monthly budget makes no LLM request, answers locally and notifies the admins once", async () => {
    mode = "grounded";
    await withTenant(showroom.id, (tx) =>
      tx.tenant.update({ where: { id: showroom.id }, data: { aiMonthlyBudgetMicroUsd: 1n } }),
    );
    const before = requests().length;
    const first = await ask(showroom.id, "ada avanza?");
    const second = await ask(showroom.id, "ada jazz?");
    expect(requests().length).toBe(before);
    expect([first.engine, second.engine]).toEqual(["local", "local"]);
    expect(first.reply).toContain("Rp 185.000.000");
    const { notices, outcomes } = await withTenant(showroom.id, async (tx) => ({
      notices: await tx.notification.findMany({ where: { kind: "ai.budget" } }),
      outcomes: (await tx.llmCall.findMany({ orderBy: { createdAt: "desc" }, take: 2 })).map(
        (call) => call.outcome,
      ),
    }));
    expect(notices).toHaveLength(1);
    expect(notices[0]?.userId).toBeNull();
    expect(outcomes).toEqual(["budget", "budget"]);
  });

  it("above the rate per minute makes no LLM request", async () => {
    await withTenant(showroom.id, (tx) =>
      tx.tenant.update({
        where: { id: showroom.id },
        data: { aiMonthlyBudgetMicroUsd: 20_000_000n, aiRatePerMinute: 1 },
      }),
    );
    const before = requests().length;
    const result = await ask(showroom.id, "ada avanza?");
    expect(result.engine).toBe("local");
    expect(requests().length).toBe(before);
    expect((await callsOf(showroom.id)).at(-1)?.outcome).toBe("rate_limited");
  });
});

describe("the tools", () => {
  let showroom: Awaited<ReturnType<typeof seedShowroom>>;
  beforeAll(async () => {
    showroom = await seedShowroom("openai");
  });

  const context = (tenantId: string, conversation?: { id: string; messageId: string }) => ({
    tenantId,
    base: BASE,
    creditRateBps: 650,
    creditMinDownPct: 20,
    conversation,
  });

  it("never return a sold car: search flags booked ones, details and photos refuse the sold one", async () => {
    await withTenant(showroom.id, async (tx) => {
      const tools = createToolExecutor(tx, context(showroom.id));
      const everything = JSON.stringify(await tools.execute("search_vehicles", {}), (_key, value: unknown) =>
        typeof value === "bigint" ? value.toString() : value,
      );
      expect(everything).toContain("AV-1");
      expect(everything).toMatch(/"stockCode":"JZ-1"[^}]*"booked":true/);
      expect(everything).not.toContain("AV-2");
      await expect(tools.execute("vehicle_details", { stockCode: "AV-2" })).rejects.toBeInstanceOf(ToolError);
      await expect(tools.execute("send_photos", { stockCode: "AV-2" })).rejects.toBeInstanceOf(ToolError);
      await expect(tools.execute("credit_simulation", { stockCode: "AV-2" })).rejects.toBeInstanceOf(
        ToolError,
      );
    });
  });

  it("simulate credit with the showroom's rate and its minimum down payment", async () => {
    const result = await withTenant(showroom.id, (tx) =>
      createToolExecutor(tx, context(showroom.id)).execute("credit_simulation", {
        stockCode: "AV-1",
        downPaymentPercent: 10,
        tenorYears: 3,
      }),
    );
    expect(result).toMatchObject({
      downPaymentPercent: 20,
      downPayment: 37_000_000n,
      tenorYears: 3,
      flatRatePercentPerYear: 6.5,
    });
  });

  it("queue photos by link, save a lead round-robin and book a visit with a note, a follow-up and a notification", async () => {
    const conversation = await withTenant(showroom.id, async (tx) => {
      const contact = await tx.waContact.create({
        data: { tenantId: showroom.id, waId: "6281299990000", name: "Sari", lastInboundAt: new Date() },
      });
      const created = await tx.waConversation.create({
        data: { tenantId: showroom.id, contactId: contact.id },
      });
      return { id: created.id, messageId: "00000000-0000-4000-8000-000000000001" };
    });
    const at = new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString();
    const state = await withTenant(showroom.id, async (tx) => {
      const tools = createToolExecutor(tx, context(showroom.id, conversation));
      const photos = await tools.execute("send_photos", { stockCode: "AV-1" });
      await tools.execute("create_or_update_lead", {
        name: "Sari",
        interestStockCode: "AV-1",
        budget: 190_000_000n,
      });
      await tools.execute("book_visit", { kind: "test_drive", at, stockCode: "AV-1" });
      return {
        photos,
        outbox: await tx.waOutbox.findMany({ where: { conversationId: conversation.id } }),
        lead: await tx.lead.findFirstOrThrow({
          where: { phone: "6281299990000" },
          include: { leadNotes: true },
        }),
        conversation: await tx.waConversation.findUniqueOrThrow({ where: { id: conversation.id } }),
        visits: await tx.notification.count({ where: { kind: "lead.visit" } }),
      };
    });
    expect(state.photos).toMatchObject({ sent: 1, stockCode: "AV-1" });
    expect(state.outbox).toHaveLength(1);
    expect(JSON.stringify(state.outbox[0]?.request)).toMatch(
      /"type":"image".*"link":"https?:\/\/[^"]+p-1280\.webp"/,
    );
    expect(state.lead).toMatchObject({
      name: "Sari",
      source: "whatsapp",
      budget: 190_000_000n,
      followUpAt: new Date(at),
    });
    expect(state.lead.assigneeId).not.toBeNull();
    expect(state.lead.leadNotes[0]?.body).toContain("Test drive");
    expect(state.conversation.leadId).toBe(state.lead.id);
    expect(state.visits).toBe(1);
  });
});
