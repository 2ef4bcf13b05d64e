// Creating and reading showrooms. Creation is a platform action (CLI, seed, super admin).
import "server-only";
import { z } from "zod";
import { type Actor, recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/core/db/client";
import { type PlatformActor, withPlatformAccess } from "@/lib/core/db/platform";
import { Conflict, Invalid, issueLines } from "@/lib/core/errors";
import { normalizePhone } from "@/lib/core/phone";
import type { Prisma, Tenant } from "@/lib/generated/prisma/client";
import { checkSlug } from "@/lib/tenancy/slug";

export const TenantInput = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .superRefine((slug, ctx) => {
      const problem = checkSlug(slug);
      if (problem === "format")
        ctx.addIssue({ code: "custom", message: "use 1-63 lower-case letters, digits and hyphens" });
      if (problem === "reserved")
        ctx.addIssue({ code: "custom", message: `"${slug}" is reserved by the platform` });
    }),
  name: z.string().trim().min(2).max(120),
  city: z.string().trim().max(80).optional(),
  address: z.string().trim().max(300).optional(),
  phone: z.string().trim().optional(),
  whatsappNumber: z
    .string()
    .trim()
    .transform((value, ctx) => {
      const phone = normalizePhone(value);
      if (!phone) ctx.addIssue({ code: "custom", message: "is not a phone number" });
      return phone ?? value;
    })
    .optional(),
  email: z.email().optional(),
  tagline: z.string().trim().max(160).optional(),
  theme: z.record(z.string(), z.unknown()).optional(),
  openingHours: z
    .array(z.object({ day: z.number().int().min(0).max(6), open: z.string(), close: z.string() }))
    .optional(),
});
export type TenantInput = z.input<typeof TenantInput>;

export function platformActorOf(actor: Actor): PlatformActor {
  if (actor.userId) return { kind: "super_admin", userId: actor.userId, email: actor.email, ip: actor.ip };
  const name = actor.email.replace(/^system:/, "");
  return { kind: "system", name: name === "seed" || name === "test" ? name : "cli" };
}

export async function createTenant(input: TenantInput, actor: Actor): Promise<Tenant> {
  const parsed = TenantInput.safeParse(input);
  if (!parsed.success) {
    throw new Invalid(issueLines(parsed.error, "").join("; "));
  }
  const data = parsed.data;
  return withPlatformAccess(
    {
      actor: platformActorOf(actor),
      action: "tenant.create",
      entity: "tenant",
      details: { slug: data.slug },
    },
    async (tx) => {
      const existing = await tx.tenant.findUnique({ where: { slug: data.slug }, select: { id: true } });
      if (existing) throw new Conflict(`A showroom with slug "${data.slug}" already exists`);
      const tenant = await tx.tenant.create({
        data: {
          ...data,
          theme: (data.theme ?? {}) as Prisma.InputJsonValue,
          openingHours: data.openingHours ?? defaultOpeningHours(),
        },
      });
      await recordAudit(tx, {
        tenantId: tenant.id,
        actor,
        action: "tenant.create",
        entity: "tenant",
        entityId: tenant.id,
        after: tenant,
      });
      return tenant;
    },
  );
}

export function defaultOpeningHours(): { day: number; open: string; close: string }[] {
  // Monday to Saturday 08:30-17:30, Sunday 10:00-15:00: typical for an Indonesian showroom.
  return [0, 1, 2, 3, 4, 5, 6].map((day) =>
    day === 0 ? { day, open: "10:00", close: "15:00" } : { day, open: "08:30", close: "17:30" },
  );
}

/** Resolves a slug to its showroom id without a tenant context (narrow security-definer lookup). */
export async function findTenantIdBySlug(
  tx: Tx,
  slug: string,
): Promise<{ id: string; slug: string; status: "active" | "suspended" } | null> {
  const rows = await tx.$queryRaw<
    { id: string; slug: string; status: "active" | "suspended" }[]
  >`SELECT * FROM app_find_tenant(${slug}, NULL)`;
  return rows[0] ?? null;
}
