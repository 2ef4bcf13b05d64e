// Creating accounts: showroom staff inside their showroom's transaction, super admins through
// the platform path. The e-mail address is unique across the whole platform.
import "server-only";
import { z } from "zod";
import { type Actor, recordAudit } from "@/lib/audit/record";
import { hashPassword, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { withPlatformAccess } from "@/lib/core/db/platform";
import { withTenant } from "@/lib/core/db/tenant";
import { Conflict, Invalid, issueLines } from "@/lib/core/errors";
import { normalizePhone } from "@/lib/core/phone";
import { Prisma } from "@/lib/generated/prisma/client";
import { platformActorOf } from "@/lib/tenancy/tenants";

export const ROLES = ["super_admin", "owner", "admin", "sales"] as const;
export type Role = (typeof ROLES)[number];

export const UserInput = z
  .object({
    email: z.email().transform((email) => email.toLowerCase()),
    password: z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`),
    name: z.string().trim().min(1).max(120),
    role: z.enum(ROLES),
    tenantId: z.uuid().optional(),
    whatsappNumber: z
      .string()
      .transform((value, ctx) => {
        const phone = normalizePhone(value);
        if (!phone) ctx.addIssue({ code: "custom", message: "is not a phone number" });
        return phone ?? value;
      })
      .optional(),
    /** The first sign-in must choose a new password (a password an operator handed over). */
    mustChangePassword: z.boolean().optional(),
  })
  .refine((user) => (user.role === "super_admin") === !user.tenantId, {
    message: "super admins belong to no showroom; every other role belongs to exactly one",
    path: ["tenantId"],
  });
export type UserInput = z.input<typeof UserInput>;

export interface CreatedUser {
  id: string;
  email: string;
  role: Role;
  tenantId: string | null;
}

export async function createUser(input: UserInput, actor: Actor): Promise<CreatedUser> {
  const parsed = UserInput.safeParse(input);
  if (!parsed.success) throw new Invalid(issueLines(parsed.error, "").join("; "));
  const { password, ...data } = parsed.data;
  const passwordHash = await hashPassword(password);
  const select = { id: true, email: true, role: true, tenantId: true } as const;
  try {
    if (data.tenantId) {
      const tenantId = data.tenantId;
      return await withTenant(tenantId, async (tx) => {
        const user = await tx.user.create({ data: { ...data, tenantId, passwordHash }, select });
        await recordAudit(tx, {
          tenantId,
          actor,
          action: "user.create",
          entity: "user",
          entityId: user.id,
          after: user,
        });
        return user;
      });
    }
    return await withPlatformAccess(
      {
        actor: platformActorOf(actor),
        action: "user.create",
        entity: "user",
        details: { email: data.email, role: data.role },
      },
      (tx) => tx.user.create({ data: { ...data, tenantId: null, passwordHash }, select }),
    );
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new Conflict(`The e-mail address ${data.email} is already in use`);
    }
    throw error;
  }
}
