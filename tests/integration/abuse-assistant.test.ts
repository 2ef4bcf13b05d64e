// Issue 12's finding "no per-buyer AI limit: one number can use up a showroom's rate and monthly
// budget", written as the attack, on the assistant's real turn: one buyer writing faster than
// RATE_LIMIT_BUYER_MESSAGES gets one polite "please wait" and then silence for the window (every
// message stays stored for the inbox), and past RATE_LIMIT_BUYER_LLM_CALLS the local engine
// answers that buyer while other buyers still get the LLM.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runAssistantTurn, type TurnResult } from "@/lib/assistant/turn";
import { withTenant } from "@/lib/core/db/tenant";
import { getEnv, setEnv } from "@/lib/core/env";
import { type FakeAnthropic, startFakeAnthropic } from "../fakes/anthropic";
import { storeBuyerMessage } from "../support/buyer-message";
import { makeTenant, makeUser } from "../support/factories";
import { AVANZA_2020, makeVehicle } from "../support/vehicles";

vi.setConfig({ testTimeout: 90_000 });

const PAUSE =
  "Mohon tunggu sebentar ya, Kak. Pesan-pesan Anda sudah kami terima; kami lanjutkan balasannya sebentar lagi.";
let anthropic: FakeAnthropic;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  anthropic = await startFakeAnthropic(() => ({
    kind: "message",
    content: [{ type: "text", text: "Halo Kak, mobil seperti apa yang dicari?" }],
    usage: { input_tokens: 50, output_tokens: 10 },
  }));
  const settings = {
    ANTHROPIC_API_KEY: anthropic.apiKey,
    ANTHROPIC_BASE_URL: anthropic.baseURL,
    AI_MAX_RETRIES: "0",
  };
  for (const key of [...Object.keys(settings), "RATE_LIMIT_BUYER_MESSAGES", "RATE_LIMIT_BUYER_LLM_CALLS"])
    saved[key] = process.env[key];
  setEnv(settings);
});

afterAll(async () => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  setEnv({});
  await anthropic?.close();
});

async function showroom(aiProvider: "anthropic" | null = null) {
  const tenant = await makeTenant();
  await makeUser({ tenantId: tenant.id, role: "sales" });
  if (aiProvider)
    await withTenant(tenant.id, (tx) => tx.tenant.update({ where: { id: tenant.id }, data: { aiProvider } }));
  await makeVehicle(tenant.id, { ...AVANZA_2020, stockCode: "AV-1", variant: undefined });
  return tenant;
}

/** A buyer's message stored as ingest stores it, and its turn run now. */
async function buyerWrites(tenant: { id: string; slug: string }, waId: string, body: string) {
  const { stored, turn } = await storeBuyerMessage(tenant, { waId, body });
  if (!turn) throw new Error("no turn queued");
  const result = await withTenant(tenant.id, (tx) => runAssistantTurn(tx, turn), { timeout: 60_000 });
  return { conversationId: stored.conversationId ?? "", result };
}

const messagesOf = (tenantId: string, conversationId: string) =>
  withTenant(tenantId, (tx) =>
    tx.waMessage.findMany({ where: { conversationId }, orderBy: { createdAt: "asc" } }),
  );

const engineOf = (result: TurnResult | null) => (result?.kind === "buyer" ? result.engine : result?.kind);

describe("the assistant and one buyer who writes too much (issue 12)", () => {
  it("answers the window's messages, then says 'please wait' once and stays silent, keeping every message", async () => {
    // The default count in a long window, so a slow machine cannot let the window slide mid-test.
    setEnv({ RATE_LIMIT_BUYER_MESSAGES: "10/10m" });
    const tenant = await showroom();
    const limit = getEnv().RATE_LIMIT_BUYER_MESSAGES.limit;
    const results: (TurnResult | null)[] = [];
    let conversationId = "";
    for (let index = 0; index < limit + 3; index += 1) {
      const turn = await buyerWrites(tenant, "6281300000001", `ada avanza? (${index})`);
      conversationId = turn.conversationId;
      results.push(turn.result);
    }
    expect(results.slice(0, limit).every((result) => result?.kind === "buyer")).toBe(true);
    expect(results.slice(limit)).toEqual([
      { kind: "paced", pace: "pause" },
      { kind: "paced", pace: "silent" },
      { kind: "paced", pace: "silent" },
    ]);
    const messages = await messagesOf(tenant.id, conversationId);
    expect(messages.filter((message) => message.direction === "inbound")).toHaveLength(limit + 3);
    const replies = messages.filter((message) => message.direction === "outbound");
    expect(replies).toHaveLength(limit + 1);
    expect(replies.at(-1)?.body).toBe(PAUSE);

    // Another buyer of the same showroom is answered as usual.
    expect((await buyerWrites(tenant, "6281300000002", "ada avanza?")).result?.kind).toBe("buyer");
    setEnv({ RATE_LIMIT_BUYER_MESSAGES: saved.RATE_LIMIT_BUYER_MESSAGES ?? "10/1m" });
  });

  it("answers again once the window has passed", async () => {
    setEnv({ RATE_LIMIT_BUYER_MESSAGES: "2/2s" });
    const tenant = await showroom();
    const kinds = [];
    for (let index = 0; index < 4; index += 1)
      kinds.push((await buyerWrites(tenant, "6281300000003", `halo ${index}`)).result?.kind);
    expect(kinds).toEqual(["buyer", "buyer", "paced", "paced"]);
    await new Promise((resolve) => setTimeout(resolve, 4_200));
    expect((await buyerWrites(tenant, "6281300000003", "halo lagi")).result?.kind).toBe("buyer");
    setEnv({ RATE_LIMIT_BUYER_MESSAGES: saved.RATE_LIMIT_BUYER_MESSAGES ?? "10/1m" });
  });

  it("answers one buyer with the local engine past their LLM turns for the day, and other buyers with the LLM", async () => {
    setEnv({ RATE_LIMIT_BUYER_LLM_CALLS: "2/1d" });
    const tenant = await showroom("anthropic");
    const engines = [];
    for (let index = 0; index < 3; index += 1)
      engines.push(engineOf((await buyerWrites(tenant, "6281300000004", `halo kak ${index}`)).result));
    expect(engines).toEqual(["llm", "llm", "local"]);
    expect(engineOf((await buyerWrites(tenant, "6281300000005", "halo kak")).result)).toBe("llm");
    const outcomes = await withTenant(tenant.id, (tx) =>
      tx.llmCall.findMany({ orderBy: { createdAt: "asc" }, select: { outcome: true, costMicroUsd: true } }),
    );
    expect(outcomes.map((call) => call.outcome)).toEqual(["ok", "ok", "buyer_limit", "ok"]);
    expect(outcomes[2]?.costMicroUsd).toBe(0n);
    setEnv({ RATE_LIMIT_BUYER_LLM_CALLS: saved.RATE_LIMIT_BUYER_LLM_CALLS ?? "50/1d" });
  });
});
