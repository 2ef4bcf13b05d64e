// Platform settings saved in /admin/settings are what the running app uses, with no restart: the
// webhook's signature secret and verify token, and the assistant's provider, model and key; a
// value saved there wins over the environment, a forgotten one falls back to it. Runs in the
// "platform" project (alone, after the other integration tests): these settings apply to every
// showroom at once. Each test restores the settings it changed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { savePlatformSettingsAction } from "@/app/(platform)/admin/actions";
import { updateAssistantAction } from "@/app/(platform)/dashboard/settings/whatsapp/actions";
import { GET as verifyRoute, POST as webhookRoute } from "@/app/api/webhooks/whatsapp/route";
import { readPlatformSettings } from "@/lib/admin/settings";
import { composeReply } from "@/lib/assistant/compose";
import { systemActor } from "@/lib/audit/record";
import { withPlatformAccess } from "@/lib/core/db/platform";
import { withTenant } from "@/lib/core/db/tenant";
import { setEnv } from "@/lib/core/env";
import { createVehicle } from "@/lib/inventory/vehicles";
import { invalidatePlatformSettings } from "@/lib/settings/platform";
import { signWebhookBody } from "@/lib/whatsapp/signature";
import { type FakeAnthropic, startFakeAnthropic } from "../../fakes/anthropic";
import { makeTenant, makeUser } from "../../support/factories";
import { signInAs } from "../../support/framework";
import { superAdminActor as actorOf, verifiedSuperAdmin } from "../../support/super-admin";

const ENV_SECRET = "env-app-secret-0123456789";
const ENV_VERIFY = "env-verify-token";
const EMPTY = {
  aiProvider: "",
  aiModel: "",
  whatsappAppId: "",
  whatsappApiVersion: "",
  whatsappVerifyToken: "",
  rootDomain: "",
} as const;

/** Back to no saved settings: the environment decides again, for the e2e server that runs next. */
afterEach(async () => {
  await withPlatformAccess(
    { actor: { kind: "system", name: "test" }, action: "test.restore", entity: "platform_setting" },
    (tx) => tx.platformSetting.deleteMany({}),
  );
  invalidatePlatformSettings();
});

describe("platform secrets", () => {
  it("stores secrets encrypted and shows them only masked", async () => {
    const { admin } = await verifiedSuperAdmin();
    const saved = await savePlatformSettingsAction({
      aiProvider: "openai",
      aiModel: "gpt-4.1-mini",
      aiApiKey: "sk-very-secret-key-123456",
      whatsappAppId: "123",
      whatsappApiVersion: "v23.0",
      whatsappVerifyToken: "tok",
      whatsappAppSecret: "app-secret-abcdefgh",
      rootDomain: "example.id",
    });
    expect(saved).toMatchObject({ ok: true });
    const view = await readPlatformSettings(actorOf(admin));
    expect(JSON.stringify(view)).not.toContain("sk-very-secret");
    expect(view.aiApiKeyMasked).toBe("••••3456");
    const stored = await withPlatformAccess(
      { actor: { kind: "system", name: "test" }, action: "test.read", entity: "platform_setting" },
      (tx) => tx.platformSetting.findUnique({ where: { key: "ai" } }),
    );
    expect(stored?.secretEnc).toMatch(/^v1:/);
    expect(JSON.stringify(stored?.value)).not.toContain("sk-");
  });

  it("refuses a saved AI key without the provider it is for", async () => {
    await verifiedSuperAdmin();
    const saved = await savePlatformSettingsAction({ ...EMPTY, aiApiKey: "sk-for-nobody-123456" });
    expect(saved).toMatchObject({ ok: false, code: "invalid" });
    expect(JSON.stringify(saved)).toContain("anthropic");
  });
});

describe("the WhatsApp webhook follows /admin/settings", () => {
  const body = JSON.stringify({ object: "whatsapp_business_account", entry: [] });
  const post = (secret: string) =>
    webhookRoute(
      new Request("http://localhost/api/webhooks/whatsapp", {
        method: "POST",
        headers: { "content-type": "application/json", "x-hub-signature-256": signWebhookBody(body, secret) },
        body,
      }),
    );
  const verify = async (token: string) => {
    const response = await verifyRoute(
      new Request(
        `http://localhost/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=ch-42`,
      ),
    );
    return { status: response.status, body: await response.text() };
  };

  beforeAll(() => {
    setEnv({ WHATSAPP_APP_SECRET: ENV_SECRET, WHATSAPP_VERIFY_TOKEN: ENV_VERIFY });
  });

  it("accepts signatures with the saved app secret (and no longer the environment's) without a restart, and falls back when it is forgotten", async () => {
    await verifiedSuperAdmin();
    expect((await post(ENV_SECRET)).status).toBe(200);
    expect(await verify(ENV_VERIFY)).toEqual({ status: 200, body: "ch-42" });

    const saved = await savePlatformSettingsAction({
      ...EMPTY,
      whatsappVerifyToken: "console-verify-token",
      whatsappAppSecret: "console-app-secret-abcdef",
    });
    expect(saved).toMatchObject({ ok: true });
    // The same process, the same imported route: no restart, no cache to wait for.
    expect((await post(ENV_SECRET)).status).toBe(401);
    expect((await post("console-app-secret-abcdef")).status).toBe(200);
    expect(await verify(ENV_VERIFY)).toEqual({ status: 403, body: "Forbidden" });
    expect(await verify("console-verify-token")).toEqual({ status: 200, body: "ch-42" });

    // Forgetting the saved values hands the decision back to the environment.
    expect(await savePlatformSettingsAction({ ...EMPTY, whatsappAppSecretClear: true })).toMatchObject({
      ok: true,
    });
    expect((await post("console-app-secret-abcdef")).status).toBe(401);
    expect((await post(ENV_SECRET)).status).toBe(200);
    expect(await verify(ENV_VERIFY)).toEqual({ status: 200, body: "ch-42" });
  });

  it("says in the console where each value in effect comes from", async () => {
    const { admin } = await verifiedSuperAdmin();
    expect((await readPlatformSettings(actorOf(admin))).inEffect).toMatchObject({
      whatsappAppSecretSource: "environment",
      whatsappVerifyTokenSource: "environment",
    });
    await savePlatformSettingsAction({ ...EMPTY, whatsappAppSecret: "console-app-secret-abcdef" });
    expect((await readPlatformSettings(actorOf(admin))).inEffect).toMatchObject({
      whatsappAppSecretSource: "saved",
      whatsappVerifyTokenSource: "environment",
    });
  });
});

describe("the assistant follows /admin/settings", () => {
  let anthropic: FakeAnthropic;

  beforeAll(async () => {
    anthropic = await startFakeAnthropic(
      () => ({
        kind: "message",
        content: [{ type: "text", text: "Halo kak, boleh tahu mobil seperti apa yang dicari?" }],
        usage: { input_tokens: 10, output_tokens: 5 },
      }),
      { apiKey: "sk-ant-console-key-0001" },
    );
    // The environment names no key: without /admin/settings no LLM can be used.
    delete process.env.ANTHROPIC_API_KEY;
    delete process.env.OPENAI_API_KEY;
    setEnv({ AI_PROVIDER: "local", ANTHROPIC_BASE_URL: anthropic.baseURL, AI_MAX_RETRIES: "0" });
  });
  afterAll(() => anthropic?.close());

  async function showroom() {
    const tenant = await makeTenant("AI Settings");
    await withTenant(tenant.id, (tx) =>
      createVehicle(tx, {
        tenantId: tenant.id,
        actor: systemActor("test"),
        input: {
          stockCode: "AI-1",
          brand: "Toyota",
          model: "Avanza",
          year: 2020,
          transmission: "automatic",
          mileageKm: 40_000,
          price: 185_000_000n,
          status: "available",
        },
      }),
    );
    return tenant;
  }

  const ask = (tenantId: string) =>
    withTenant(
      tenantId,
      (tx) =>
        composeReply(tx, {
          tenantId,
          text: "halo",
          previous: {},
          showroomName: "Showroom Uji",
          base: "https://showroom.test/t",
          creditRateBps: 650,
          deadlineMs: 10_000,
        }),
      { timeout: 30_000 },
    );

  it("answers with the provider, model and key saved in the console, and locally again once they are forgotten", async () => {
    const tenant = await showroom();
    expect((await ask(tenant.id)).engine).toBe("local");
    expect(anthropic.requests).toHaveLength(0);

    await verifiedSuperAdmin();
    const saved = await savePlatformSettingsAction({
      ...EMPTY,
      aiProvider: "anthropic",
      aiModel: "claude-console-model",
      aiApiKey: anthropic.apiKey,
    });
    expect(saved).toMatchObject({ ok: true });
    expect((await ask(tenant.id)).engine).toBe("llm");
    const [request] = anthropic.requests.slice(-1);
    expect(request?.status).toBe(200);
    expect(request?.headers["x-api-key"] ?? request?.headers.authorization).toContain(anthropic.apiKey);
    expect(request?.body?.model).toBe("claude-console-model");

    // The showroom's own choice wins over the platform default.
    const owner = await makeUser({ tenantId: tenant.id, role: "owner" });
    signInAs(owner);
    expect(await updateAssistantAction({ enabled: true, provider: "local" })).toMatchObject({ ok: true });
    const before = anthropic.requests.length;
    expect((await ask(tenant.id)).engine).toBe("local");
    expect(anthropic.requests).toHaveLength(before);
    expect(await updateAssistantAction({ enabled: true, provider: "" })).toMatchObject({ ok: true });

    await verifiedSuperAdmin();
    await savePlatformSettingsAction({ ...EMPTY, aiProvider: "anthropic", aiApiKeyClear: true });
    expect((await ask(tenant.id)).engine).toBe("local");
    expect(anthropic.requests).toHaveLength(before);
  });

  it("never sends a saved key to another provider after the provider changes", async () => {
    const tenant = await showroom();
    await verifiedSuperAdmin();
    await savePlatformSettingsAction({ ...EMPTY, aiProvider: "anthropic", aiApiKey: anthropic.apiKey });
    // Switched to openai without a key: the anthropic key stays with anthropic.
    await savePlatformSettingsAction({ ...EMPTY, aiProvider: "openai" });
    const before = anthropic.requests.length;
    expect((await ask(tenant.id)).engine).toBe("local");
    expect(anthropic.requests).toHaveLength(before);
    // A showroom that chose anthropic still uses the key saved for it.
    await withTenant(tenant.id, (tx) =>
      tx.tenant.update({ where: { id: tenant.id }, data: { aiProvider: "anthropic" } }),
    );
    expect((await ask(tenant.id)).engine).toBe("llm");
  });
});
