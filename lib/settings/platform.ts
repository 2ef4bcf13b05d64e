// The platform settings the running app uses (webhook signature and verify token, Graph API
// version, AI provider, model and key). Precedence, per value: one saved in /admin/settings wins
// over its environment variable; one not saved there falls back to the environment. Saved values
// are read through a short cache (10 s) that the saving process clears at once, so a change takes
// effect without a restart: at once where it was saved, within 10 s in every other process.
import "server-only";
import { z } from "zod";
import { twoFactorKey } from "@/lib/auth/two-factor";
import { decryptSecret } from "@/lib/core/crypto";
import { db } from "@/lib/core/db/client";
import { type Env, getEnv } from "@/lib/core/env";

export const AI_PROVIDERS = ["local", "anthropic", "openai"] as const;
export type AiProviderName = (typeof AI_PROVIDERS)[number];
const Provider = z.enum(AI_PROVIDERS);
const LlmProvider = z.enum(["anthropic", "openai"]);

/** platform_settings.value under "ai". An empty string means "not set here". */
export const StoredAi = z.object({
  provider: z.string().catch(""),
  model: z.string().catch(""),
  /** The provider the saved key belongs to: a key never follows a later change of provider. */
  keyProvider: z.string().catch(""),
});
/** platform_settings.value under "whatsapp". */
export const StoredWhatsApp = z.object({
  appId: z.string().catch(""),
  apiVersion: z.string().catch(""),
  verifyToken: z.string().catch(""),
});

const parseAi = (value: unknown) =>
  StoredAi.partial()
    .catch({})
    .parse(value ?? {});
const parseWhatsApp = (value: unknown) =>
  StoredWhatsApp.partial()
    .catch({})
    .parse(value ?? {});

interface Saved {
  ai: z.infer<typeof StoredAi> & { apiKey: string | null };
  whatsapp: z.infer<typeof StoredWhatsApp> & { appSecret: string | null };
}

export const PLATFORM_SETTINGS_TTL_MS = 10_000;
let cache: { saved: Promise<Saved>; expiresAt: number } | null = null;

/** Forget the cached values: the next read goes to the database (called after a save commits). */
export function invalidatePlatformSettings(): void {
  cache = null;
}

function open(secretEnc: string | null): string | null {
  if (!secretEnc) return null;
  try {
    return decryptSecret(secretEnc, twoFactorKey());
  } catch (error) {
    // A key that no longer opens it (ENCRYPTION_KEY changed): the environment's value applies.
    console.warn(
      `[settings] a saved platform secret cannot be read, using the environment instead: ${error instanceof Error ? error.message : String(error)}`,
    );
    return null;
  }
}

async function loadSaved(): Promise<Saved> {
  const rows = await db().$queryRaw<
    { key: string; value: unknown; secret_enc: string | null }[]
  >`SELECT * FROM app_runtime_platform_settings()`;
  const row = (key: string) => rows.find((entry) => entry.key === key);
  const ai = parseAi(row("ai")?.value);
  const whatsapp = parseWhatsApp(row("whatsapp")?.value);
  return {
    ai: {
      provider: ai.provider ?? "",
      model: ai.model ?? "",
      keyProvider: ai.keyProvider ?? "",
      apiKey: open(row("ai")?.secret_enc ?? null),
    },
    whatsapp: {
      appId: whatsapp.appId ?? "",
      apiVersion: whatsapp.apiVersion ?? "",
      verifyToken: whatsapp.verifyToken ?? "",
      appSecret: open(row("whatsapp")?.secret_enc ?? null),
    },
  };
}

async function saved(): Promise<Saved> {
  const now = Date.now();
  if (!cache || cache.expiresAt <= now) {
    const loading = loadSaved();
    cache = { saved: loading, expiresAt: now + PLATFORM_SETTINGS_TTL_MS };
    // A failed read is not cached: the next caller tries again.
    loading.catch(() => {
      if (cache?.saved === loading) cache = null;
    });
  }
  return cache.saved;
}

/** Where a value in effect comes from, for the console to say so. */
export type SettingSource = "saved" | "environment" | "unset";

function pick<T>(savedValue: T | null | undefined, envValue: T | null | undefined) {
  if (savedValue !== null && savedValue !== undefined && savedValue !== "")
    return { value: savedValue, source: "saved" as SettingSource };
  if (envValue !== null && envValue !== undefined && envValue !== "")
    return { value: envValue, source: "environment" as SettingSource };
  return { value: null, source: "unset" as SettingSource };
}

export interface WhatsAppSettings {
  appSecret: string | null;
  verifyToken: string | null;
  apiVersion: string;
  /** Only from the environment: where the Graph API is (Meta, the offline stand-in, a test fake). */
  graphApiUrl: string;
  appId: string | null;
  sources: { appSecret: SettingSource; verifyToken: SettingSource; apiVersion: SettingSource };
}

export async function whatsappSettings(env: Env = getEnv()): Promise<WhatsAppSettings> {
  const { whatsapp } = await saved();
  const appSecret = pick(whatsapp.appSecret, env.WHATSAPP_APP_SECRET);
  const verifyToken = pick(whatsapp.verifyToken, env.WHATSAPP_VERIFY_TOKEN);
  const apiVersion = pick(whatsapp.apiVersion, env.WHATSAPP_API_VERSION);
  return {
    appSecret: appSecret.value,
    verifyToken: verifyToken.value,
    apiVersion: apiVersion.value ?? env.WHATSAPP_API_VERSION,
    graphApiUrl: env.WHATSAPP_GRAPH_API_URL,
    appId: whatsapp.appId || null,
    sources: { appSecret: appSecret.source, verifyToken: verifyToken.source, apiVersion: apiVersion.source },
  };
}

export interface LlmSettings {
  apiKey: string | null;
  model: string;
  baseURL: string | undefined;
  keySource: SettingSource;
}

export interface AiSettings {
  /** The provider of showrooms that chose none. */
  defaultProvider: AiProviderName;
  defaultProviderSource: SettingSource;
  anthropic: LlmSettings;
  openai: LlmSettings;
  timeoutMs: number;
  maxRetries: number;
}

export async function aiSettings(env: Env = getEnv()): Promise<AiSettings> {
  const { ai } = await saved();
  const savedProvider = Provider.safeParse(ai.provider);
  const keyProvider = LlmProvider.safeParse(ai.keyProvider);
  const llm = (name: "anthropic" | "openai"): LlmSettings => {
    const fromEnv =
      name === "anthropic"
        ? { key: env.ANTHROPIC_API_KEY, model: env.ANTHROPIC_MODEL, baseURL: env.ANTHROPIC_BASE_URL }
        : { key: env.OPENAI_API_KEY, model: env.OPENAI_MODEL, baseURL: env.OPENAI_BASE_URL };
    const apiKey = pick(keyProvider.success && keyProvider.data === name ? ai.apiKey : null, fromEnv.key);
    // The saved model names a model of the saved provider only.
    const model = savedProvider.success && savedProvider.data === name && ai.model ? ai.model : fromEnv.model;
    return { apiKey: apiKey.value, model, baseURL: fromEnv.baseURL, keySource: apiKey.source };
  };
  return {
    defaultProvider: savedProvider.success ? savedProvider.data : env.AI_PROVIDER,
    defaultProviderSource: savedProvider.success ? "saved" : "environment",
    anthropic: llm("anthropic"),
    openai: llm("openai"),
    timeoutMs: env.AI_TIMEOUT_MS,
    maxRetries: env.AI_MAX_RETRIES,
  };
}
