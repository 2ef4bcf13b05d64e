// Platform defaults editable in the console (AI provider and model, WhatsApp app settings, root
// domain). Secrets are write-only: sealed with encryptSecret, shown only masked, never returned.
import "server-only";
import { z } from "zod";
import { twoFactorKey } from "@/lib/auth/two-factor";
import { decryptSecret, encryptSecret, maskSecret } from "@/lib/core/crypto";
import type { SuperAdminActor } from "@/lib/core/db/platform";
import { withPlatformAccess } from "@/lib/core/db/platform";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Plain settings and the secrets that go with each group. */
const GROUPS = {
  ai: { plain: ["provider", "model"], secret: "apiKey" },
  whatsapp: { plain: ["appId", "apiVersion", "verifyToken"], secret: "appSecret" },
  platform: { plain: ["rootDomain"], secret: null },
} as const;

export const PlatformSettingsInput = z.object({
  aiProvider: z.enum(["local", "anthropic", "openai"]),
  aiModel: z.string().trim().max(100),
  aiApiKey: z.string().trim().max(500).optional(),
  whatsappAppId: z.string().trim().max(50),
  whatsappApiVersion: z.union([z.literal(""), z.string().regex(/^v\d+\.\d+$/)]),
  whatsappVerifyToken: z.string().trim().max(200),
  whatsappAppSecret: z.string().trim().max(500).optional(),
  rootDomain: z.union([
    z.literal(""),
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9.-]+(:\d+)?$/),
  ]),
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
    return {
      aiProvider: values("ai").provider ?? "local",
      aiModel: values("ai").model ?? "",
      aiApiKeyMasked: masked(of("ai")?.secretEnc ?? null),
      whatsappAppId: values("whatsapp").appId ?? "",
      whatsappApiVersion: values("whatsapp").apiVersion ?? "",
      whatsappVerifyToken: values("whatsapp").verifyToken ?? "",
      whatsappAppSecretMasked: masked(of("whatsapp")?.secretEnc ?? null),
      rootDomain: values("platform").rootDomain ?? "",
    };
  });
}

/** Saves every group; an empty secret field keeps the stored secret. */
export async function savePlatformSettings(
  actor: SuperAdminActor,
  input: z.output<typeof PlatformSettingsInput>,
): Promise<{ ok: true }> {
  const groups: { key: keyof typeof GROUPS; value: Record<string, string>; secret?: string }[] = [
    { key: "ai", value: { provider: input.aiProvider, model: input.aiModel }, secret: input.aiApiKey },
    {
      key: "whatsapp",
      value: {
        appId: input.whatsappAppId,
        apiVersion: input.whatsappApiVersion,
        verifyToken: input.whatsappVerifyToken,
      },
      secret: input.whatsappAppSecret,
    },
    { key: "platform", value: { rootDomain: input.rootDomain } },
  ];
  const changedSecrets = groups.filter((group) => group.secret).map((group) => group.key);
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
      },
    },
    async (tx) => {
      for (const group of groups) {
        const secretEnc = group.secret ? encryptSecret(group.secret, twoFactorKey()) : undefined;
        const value = group.value as Prisma.InputJsonValue;
        await tx.platformSetting.upsert({
          where: { key: group.key },
          create: { key: group.key, value, secretEnc: secretEnc ?? null, updatedBy: actor.email },
          update: { value, ...(secretEnc ? { secretEnc } : {}), updatedBy: actor.email },
        });
      }
    },
  );
  return { ok: true };
}
