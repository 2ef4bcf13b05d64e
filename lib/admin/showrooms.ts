// Showroom lifecycle for platform operators: the list with key figures, creation with a first
// owner, plan limits, suspension, and deletion after a full export. Reads across showrooms go
// through withPlatformAccess, so each leaves an audit row naming the operator.
import "server-only";
import { randomInt } from "node:crypto";
import { z } from "zod";
import { type Actor, recordAudit } from "@/lib/audit/record";
import { createUser } from "@/lib/auth/users";
import type { SuperAdminActor } from "@/lib/core/db/platform";
import { withPlatformAccess } from "@/lib/core/db/platform";
import { withTenant } from "@/lib/core/db/tenant";
import { getEnv } from "@/lib/core/env";
import { Conflict, Invalid, NotFound } from "@/lib/core/errors";
import { type CustomDomainView, listCustomDomains } from "@/lib/settings/custom-domains";
import { createTenant, type TenantInput } from "@/lib/tenancy/tenants";

export const ShowroomSearch = z.object({ q: z.string().trim().max(100).optional() });

export interface ShowroomRow {
  id: string;
  slug: string;
  name: string;
  city: string | null;
  status: "active" | "suspended";
  vehicles: number;
  leads: number;
  conversations: number;
  aiSpendMicroUsd: number;
  aiBudgetMicroUsd: number;
  createdAt: string;
}

function startOfMonth(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/** Every showroom matching the search, with cars, leads, conversations and this month's AI spend. */
export async function listShowrooms(
  actor: SuperAdminActor,
  search: { q?: string } = {},
): Promise<ShowroomRow[]> {
  const q = search.q?.trim();
  return withPlatformAccess(
    { actor, action: "tenant.list", entity: "tenant", details: q ? { q } : undefined },
    async (tx) => {
      const tenants = await tx.tenant.findMany({
        where: q
          ? {
              OR: [
                { name: { contains: q, mode: "insensitive" } },
                { slug: { contains: q.toLowerCase() } },
                { city: { contains: q, mode: "insensitive" } },
              ],
            }
          : {},
        select: {
          id: true,
          slug: true,
          name: true,
          city: true,
          status: true,
          aiMonthlyBudgetMicroUsd: true,
          createdAt: true,
        },
        orderBy: { name: "asc" },
        take: 200,
      });
      const ids = tenants.map((tenant) => tenant.id);
      const [vehicles, leads, conversations, spend] = await Promise.all([
        tx.vehicle.groupBy({ by: ["tenantId"], where: { tenantId: { in: ids } }, _count: { _all: true } }),
        tx.lead.groupBy({ by: ["tenantId"], where: { tenantId: { in: ids } }, _count: { _all: true } }),
        tx.waConversation.groupBy({
          by: ["tenantId"],
          where: { tenantId: { in: ids } },
          _count: { _all: true },
        }),
        tx.llmCall.groupBy({
          by: ["tenantId"],
          where: { tenantId: { in: ids }, createdAt: { gte: startOfMonth() } },
          _sum: { costMicroUsd: true },
        }),
      ]);
      const count = (rows: { tenantId: string; _count: { _all: number } }[], id: string) =>
        rows.find((row) => row.tenantId === id)?._count._all ?? 0;
      return tenants.map((tenant) => ({
        id: tenant.id,
        slug: tenant.slug,
        name: tenant.name,
        city: tenant.city,
        status: tenant.status,
        vehicles: count(vehicles, tenant.id),
        leads: count(leads, tenant.id),
        conversations: count(conversations, tenant.id),
        aiSpendMicroUsd: Number(spend.find((row) => row.tenantId === tenant.id)?._sum.costMicroUsd ?? 0n),
        aiBudgetMicroUsd: Number(tenant.aiMonthlyBudgetMicroUsd),
        createdAt: tenant.createdAt.toISOString(),
      }));
    },
  );
}

export interface ShowroomDetail {
  id: string;
  slug: string;
  name: string;
  status: "active" | "suspended";
  maxVehicles: number;
  maxStaff: number;
  aiMonthlyBudgetUsd: number;
  aiRatePerMinute: number;
  whatsappConfigured: boolean;
  lastExportAt: string | null;
  domains: CustomDomainView[];
}

export async function getShowroom(actor: SuperAdminActor, id: string): Promise<ShowroomDetail> {
  return withPlatformAccess({ actor, action: "tenant.read", entity: "tenant", tenantId: id }, async (tx) => {
    const tenant = await tx.tenant.findUnique({ where: { id } });
    if (!tenant) throw new NotFound("Showroom not found");
    const exported = await lastExport(tx, id);
    return {
      id: tenant.id,
      slug: tenant.slug,
      name: tenant.name,
      status: tenant.status,
      maxVehicles: tenant.maxVehicles,
      maxStaff: tenant.maxStaff,
      aiMonthlyBudgetUsd: Number(tenant.aiMonthlyBudgetMicroUsd) / 1_000_000,
      aiRatePerMinute: tenant.aiRatePerMinute,
      whatsappConfigured: Boolean(tenant.whatsappPhoneNumberId && tenant.whatsappAccessTokenEnc),
      lastExportAt: exported?.toISOString() ?? null,
      domains: await listCustomDomains(tx, id),
    };
  });
}

export const ShowroomCreateInput = z.object({
  name: z.string().trim().min(2).max(120),
  slug: z.string().trim().toLowerCase().min(1).max(63),
  city: z.string().trim().max(80).optional(),
  ownerName: z.string().trim().min(1).max(120),
  ownerEmail: z.email().transform((email) => email.toLowerCase()),
  ownerWhatsapp: z.string().trim().max(30).optional(),
});

export interface CreatedShowroom {
  tenantId: string;
  slug: string;
  ownerEmail: string;
  temporaryPassword: string;
  welcomeMessage: string;
}

/** A readable one-time password: 12 letters and digits, no look-alikes. */
export function temporaryPassword(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
  // randomInt is unbiased, unlike a random byte modulo a 56-letter alphabet.
  return Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]).join("");
}

function actorForAudit(actor: SuperAdminActor): Actor {
  return { userId: actor.userId, email: actor.email, ip: actor.ip };
}

export async function createShowroom(
  actor: SuperAdminActor,
  input: z.output<typeof ShowroomCreateInput>,
): Promise<CreatedShowroom> {
  const tenantInput: TenantInput = { slug: input.slug, name: input.name, city: input.city || undefined };
  const tenant = await createTenant(tenantInput, actorForAudit(actor));
  const password = temporaryPassword();
  try {
    await createUser(
      {
        email: input.ownerEmail,
        password,
        name: input.ownerName,
        role: "owner",
        tenantId: tenant.id,
        whatsappNumber: input.ownerWhatsapp || undefined,
      },
      actorForAudit(actor),
    );
  } catch (error) {
    // No showroom without its owner: undo the creation so the slug can be used again.
    await withPlatformAccess(
      { actor, action: "tenant.create_rollback", entity: "tenant", tenantId: tenant.id },
      (tx) => tx.tenant.delete({ where: { id: tenant.id } }),
    );
    throw error;
  }
  // Owner must choose their own password at the first sign-in.
  await withTenant(tenant.id, (tx) =>
    tx.user.update({ where: { email: input.ownerEmail }, data: { mustChangePassword: true } }),
  );
  const appUrl = (getEnv().APP_URL ?? "").replace(/\/$/, "");
  const welcomeMessage = [
    `Halo ${input.ownerName}, showroom ${tenant.name} sudah aktif di autolumiku.`,
    `Katalog: ${appUrl}/${tenant.slug}`,
    `Masuk ke dasbor: ${appUrl}/login`,
    `Email: ${input.ownerEmail}`,
    `Kata sandi sementara: ${password} (ganti saat pertama masuk)`,
  ].join("\n");
  return {
    tenantId: tenant.id,
    slug: tenant.slug,
    ownerEmail: input.ownerEmail,
    temporaryPassword: password,
    welcomeMessage,
  };
}

export const ShowroomLimitsInput = z.object({
  tenantId: z.uuid(),
  maxVehicles: z.coerce.number().int().min(0).max(1_000_000),
  maxStaff: z.coerce.number().int().min(0).max(10_000),
  aiMonthlyBudgetUsd: z.coerce.number().min(0).max(1_000_000),
  aiRatePerMinute: z.coerce.number().int().min(0).max(10_000),
});

export async function updateShowroomLimits(
  actor: SuperAdminActor,
  input: z.output<typeof ShowroomLimitsInput>,
): Promise<{ ok: true }> {
  const { tenantId, aiMonthlyBudgetUsd, ...rest } = input;
  const data = { ...rest, aiMonthlyBudgetMicroUsd: BigInt(Math.round(aiMonthlyBudgetUsd * 1_000_000)) };
  await withPlatformAccess(
    { actor, action: "tenant.limits", entity: "tenant", tenantId, details: { ...rest, aiMonthlyBudgetUsd } },
    async (tx) => {
      const before = await tx.tenant.findUnique({
        where: { id: tenantId },
        select: { maxVehicles: true, maxStaff: true, aiMonthlyBudgetMicroUsd: true, aiRatePerMinute: true },
      });
      if (!before) throw new NotFound("Showroom not found");
      await tx.tenant.update({ where: { id: tenantId }, data });
      await recordAudit(tx, {
        tenantId,
        actor: actorForAudit(actor),
        action: "tenant.limits",
        entity: "tenant",
        entityId: tenantId,
        before,
        after: data,
      });
    },
  );
  return { ok: true };
}

export const ShowroomStatusInput = z.object({ tenantId: z.uuid(), status: z.enum(["active", "suspended"]) });

/**
 * Suspending closes the catalog ("temporarily unavailable"), refuses staff sign-ins and ends their
 * sessions (loadSessionUser), and stops WhatsApp auto-answers; data and webhooks are kept.
 * The caller revalidates the catalog after this commits.
 */
export async function setShowroomStatus(
  actor: SuperAdminActor,
  input: z.output<typeof ShowroomStatusInput>,
): Promise<{ status: "active" | "suspended" }> {
  return withPlatformAccess(
    {
      actor,
      action: input.status === "suspended" ? "tenant.suspend" : "tenant.reactivate",
      entity: "tenant",
      tenantId: input.tenantId,
    },
    async (tx) => {
      const tenant = await tx.tenant.findUnique({ where: { id: input.tenantId }, select: { status: true } });
      if (!tenant) throw new NotFound("Showroom not found");
      await tx.tenant.update({ where: { id: input.tenantId }, data: { status: input.status } });
      await recordAudit(tx, {
        tenantId: input.tenantId,
        actor: actorForAudit(actor),
        action: input.status === "suspended" ? "tenant.suspend" : "tenant.reactivate",
        entity: "tenant",
        entityId: input.tenantId,
        before: tenant,
        after: { status: input.status },
      });
      return { status: input.status };
    },
  );
}

/** How long an export stays good enough to delete after: the data must not have moved on much. */
export const EXPORT_VALID_HOURS = 24;

type PlatformTx = Parameters<Parameters<typeof withPlatformAccess>[1]>[0];

async function lastExport(tx: PlatformTx, tenantId: string): Promise<Date | null> {
  const row = await tx.auditLog.findFirst({
    where: { tenantId: null, action: "tenant.export", entityId: tenantId },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return row?.createdAt ?? null;
}

export const ShowroomDeleteInput = z.object({ tenantId: z.uuid(), confirmSlug: z.string().trim() });

/**
 * Deletes a showroom and every row it owns (all tenant tables cascade from tenants). Refused
 * unless an export was downloaded in the last day and the operator typed the slug. The platform
 * audit rows (tenant_id null) stay as the record that it existed.
 */
export async function deleteShowroom(
  actor: SuperAdminActor,
  input: z.output<typeof ShowroomDeleteInput>,
): Promise<{ deleted: string }> {
  return withPlatformAccess(
    {
      actor,
      action: "tenant.delete",
      entity: "tenant",
      tenantId: input.tenantId,
      details: { confirmSlug: input.confirmSlug },
    },
    async (tx) => {
      const tenant = await tx.tenant.findUnique({ where: { id: input.tenantId }, select: { slug: true } });
      if (!tenant) throw new NotFound("Showroom not found");
      if (input.confirmSlug !== tenant.slug)
        throw new Invalid(
          "Ketik slug showroom persis untuk mengonfirmasi / Type the showroom's slug exactly to confirm",
        );
      const exported = await lastExport(tx, input.tenantId);
      if (!exported || exported.getTime() < Date.now() - EXPORT_VALID_HOURS * 3600_000) {
        throw new Conflict(
          "Unduh ekspor data lengkap dulu (24 jam terakhir) / Download a full data export first (within 24 hours)",
        );
      }
      await tx.tenant.delete({ where: { id: input.tenantId } });
      return { deleted: tenant.slug };
    },
  );
}
