// A showroom's own assistant settings: on or off, and which engine answers (the platform default,
// the local engine, or an LLM provider the platform has a key for). Audited in the caller's
// tenant transaction; read by the assistant on every turn, so a change applies to the next message.
import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { can } from "@/lib/auth/permissions";
import type { StaffContext } from "@/lib/auth/staff-context";
import type { Tx } from "@/lib/core/db/client";
import { Forbidden } from "@/lib/core/errors";
import { AI_PROVIDERS, type AiProviderName, aiSettings } from "@/lib/settings/platform";

export const AssistantSettingsInput = z.object({
  enabled: z.boolean(),
  /** "": the platform default. */
  provider: z.union([z.literal(""), z.enum(AI_PROVIDERS)]),
});

export interface AssistantSettingsView {
  enabled: boolean;
  provider: "" | AiProviderName;
  platformDefault: AiProviderName;
  /** Providers with an API key on the platform; a choice without one answers with the local engine. */
  withKey: AiProviderName[];
}

export async function readAssistantSettings(tx: Tx, tenantId: string): Promise<AssistantSettingsView> {
  const tenant = await tx.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { assistantEnabled: true, aiProvider: true },
  });
  const ai = await aiSettings();
  const stored = z.enum(AI_PROVIDERS).safeParse(tenant.aiProvider);
  return {
    enabled: tenant.assistantEnabled,
    provider: stored.success ? stored.data : "",
    platformDefault: ai.defaultProvider,
    withKey: [
      "local" as const,
      ...(ai.anthropic.apiKey ? ["anthropic" as const] : []),
      ...(ai.openai.apiKey ? ["openai" as const] : []),
    ],
  };
}

export async function updateAssistantSettings(
  context: StaffContext,
  input: z.output<typeof AssistantSettingsInput>,
): Promise<void> {
  if (!can(context.user.role, "settings.manage")) throw new Forbidden();
  const { tx, user, actor } = context;
  const select = { assistantEnabled: true, aiProvider: true } as const;
  const before = await tx.tenant.findUniqueOrThrow({ where: { id: user.tenantId }, select });
  const after = await tx.tenant.update({
    where: { id: user.tenantId },
    data: { assistantEnabled: input.enabled, aiProvider: input.provider || null },
    select,
  });
  await recordAudit(tx, {
    tenantId: user.tenantId,
    actor,
    action: "settings.assistant",
    entity: "tenant",
    entityId: user.tenantId,
    before,
    after,
  });
}
