// Platform defaults editable in the console (AI provider and model, WhatsApp app settings, root
// domain). Secrets are write-only: sealed with encryptSecret, shown only masked, never returned.
// What the running app does with them, and their precedence over the environment, is
// lib/settings/platform.ts; a save clears its cache, so the change applies without a restart.
import "server-only";
import { z } from "zod";
import { twoFactorKey } from "@/lib/auth/two-factor";
import { decryptSecret, encryptSecret, maskSecret } from "@/lib/core/crypto";
import type { SuperAdminActor } from "@/lib/core/db/platform";
import { withPlatformAccess } from "@/lib/core/db/platform";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  AI_PROVIDERS,
  aiSettings,
  invalidatePlatformSettings,
  type SettingSource,
  StoredAi,
  whatsappSettings,
} from "@/lib/settings/platform";

/** Plain settings and the secrets that go with each group. */
const GROUPS = {
  ai: { plain: ["provider", "model"], secret: "apiKey" },
  whatsapp: { plain: ["appId", "apiVersion", "verifyToken"], secret: "appSecret" },
  platform: { plain: ["rootDomain"], secret: null },
} as const;

export const PlatformSettingsInput = z
  .object({
    /** "": not set here, the environment's AI_PROVIDER applies. */
    aiProvider: z.union([z.literal(""), z.enum(AI_PROVIDERS)]),
    aiModel: z.string().trim().max(100),
    aiApiKey: z.string().trim().max(500).optional(),
    /** Forget the saved key: the environment's key applies again. */
    aiApiKeyClear: z.boolean().optional(),
    whatsappAppId: z.string().trim().max(50),
    whatsappApiVersion: z.union([z.literal(""), z.string().regex(/^v\d+\.\d+$/)]),
    whatsappVerifyToken: z.string().trim().max(200),
    whatsappAppSecret: z.string().trim().max(500).optional(),
    /** Forget the saved app secret: the environment's WHATSAPP_APP_SECRET applies again. */
    whatsappAppSecretClear: z.boolean().optional(),
    rootDomain: z.union([
      z.literal(""),
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[a-z0-9.-]+(:\d+)?$/),
    ]),
  })
  .refine((input) => !input.aiApiKey || input.aiProvider === "anthropic" || input.aiProvider === "openai", {
    message: "platformSettings.error.keyNeedsProvider",
    path: ["aiApiKey"],
  });

export interface PlatformSettingsView {
  aiProvider: string;
  aiModel: string;
  aiApiKeyMasked: string;
  whatsappAppId: string;
  whatsappApiVersion: string;
  whatsappVerifyToken: string;
  whatsappAppSecretMasked: string;
  rootDomain: string;
  /** What the running app uses now, and where each value comes from (saved here, environment, unset). */
  inEffect: {
    aiProvider: string;
    aiProviderSource: SettingSource;
    aiApiKeySource: SettingSource;
    whatsappAppSecretSource: SettingSource;
    whatsappVerifyTokenSource: SettingSource;
    whatsappApiVersion: string;
  };
}

const Values = z.record(z.string(), z.string());

function masked(secretEnc: string | null): string {
  if (!secretEnc) return "";
  try {
    return maskSecret(decryptSecret(secretEnc, twoFactorKey()));
  } catch {
    return "••••";
  }
}

/** For the settings page: plain values and masked secrets only. */
export async function readPlatformSettings(actor: SuperAdminActor): Promise<PlatformSettingsView> {
  return withPlatformAccess({ actor, action: "settings.read", entity: "platform_setting" }, async (tx) => {
    const rows = await tx.platformSetting.findMany({ where: { key: { in: Object.keys(GROUPS) } } });
    const of = (key: keyof typeof GROUPS) => rows.find((row) => row.key === key);
    const values = (key: keyof typeof GROUPS) => Values.catch({}).parse(of(key)?.value ?? {});
    const [ai, whatsapp] = await Promise.all([aiSettings(), whatsappSettings()]);
    const keyOf = ai.defaultProvider === "anthropic" ? ai.anthropic : ai.openai;
    return {
      aiProvider: values("ai").provider ?? "",
      aiModel: values("ai").model ?? "",
      aiApiKeyMasked: masked(of("ai")?.secretEnc ?? null),
      whatsappAppId: values("whatsapp").appId ?? "",
      whatsappApiVersion: values("whatsapp").apiVersion ?? "",
      whatsappVerifyToken: values("whatsapp").verifyToken ?? "",
      whatsappAppSecretMasked: masked(of("whatsapp")?.secretEnc ?? null),
      rootDomain: values("platform").rootDomain ?? "",
      inEffect: {
        aiProvider: ai.defaultProvider,
        aiProviderSource: ai.defaultProviderSource,
        aiApiKeySource: ai.defaultProvider === "local" ? "unset" : keyOf.keySource,
        whatsappAppSecretSource: whatsapp.sources.appSecret,
        whatsappVerifyTokenSource: whatsapp.sources.verifyToken,
        whatsappApiVersion: whatsapp.apiVersion,
      },
    };
  });
}

/**
 * Saves every group; an empty secret field keeps the stored secret, a clear flag forgets it. The
 * saved AI key remembers the provider it was entered for, so a later change of provider never
 * sends it to another company.
 */
export async function savePlatformSettings(
  actor: SuperAdminActor,
  input: z.output<typeof PlatformSettingsInput>,
): Promise<{ ok: true }> {
  const aiValue: Record<string, string> = { provider: input.aiProvider, model: input.aiModel };
  const groups: {
    key: keyof typeof GROUPS;
    value: Record<string, string>;
    secret?: string;
    clear?: boolean;
  }[] = [
    { key: "ai", value: aiValue, secret: input.aiApiKey, clear: input.aiApiKeyClear },
    {
      key: "whatsapp",
      value: {
        appId: input.whatsappAppId,
        apiVersion: input.whatsappApiVersion,
        verifyToken: input.whatsappVerifyToken,
      },
      secret: input.whatsappAppSecret,
      clear: input.whatsappAppSecretClear,
    },
    { key: "platform", value: { rootDomain: input.rootDomain } },
  ];
  const changedSecrets = groups.filter((group) => group.secret).map((group) => group.key);
  const clearedSecrets = groups.filter((group) => !group.secret && group.clear).map((group) => group.key);
  // The audit row names which secrets changed, never their values.
  await withPlatformAccess(
    {
      actor,
      action: "settings.update",
      entity: "platform_setting",
      details: {
        ai: groups[0].value,
        whatsapp: groups[1].value,
        platform: groups[2].value,
        secretsChanged: changedSecrets,
        secretsCleared: clearedSecrets,
      },
    },
    async (tx) => {
      const storedAi = await tx.platformSetting.findUnique({ where: { key: "ai" } });
      const keptFor =
        StoredAi.partial()
          .catch({})
          .parse(storedAi?.value ?? {}).keyProvider ?? "";
      aiValue.keyProvider = input.aiApiKey ? input.aiProvider : input.aiApiKeyClear ? "" : keptFor;
      for (const group of groups) {
        const sealed = group.secret ? encryptSecret(group.secret, twoFactorKey()) : undefined;
        // undefined keeps the stored secret; null forgets it.
        const secretEnc = sealed ?? (group.clear ? null : undefined);
        const value = group.value as Prisma.InputJsonValue;
        await tx.platformSetting.upsert({
          where: { key: group.key },
          create: { key: group.key, value, secretEnc: secretEnc ?? null, updatedBy: actor.email },
          update: { value, ...(secretEnc !== undefined ? { secretEnc } : {}), updatedBy: actor.email },
        });
      }
    },
  );
  // Committed: this process reads the new values at once, every other one within the cache's 10 s.
  invalidatePlatformSettings();
  return { ok: true };
}
