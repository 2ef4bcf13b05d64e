// Showroom staff accounts: list, create (with a chosen or generated password), change role,
// deactivate and reactivate. Runs inside the caller's tenant transaction, so another showroom's
// users are invisible (row-level security) and every change is audited with it.
import "server-only";
import { randomInt } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { can } from "@/lib/auth/permissions";
import type { StaffContext } from "@/lib/auth/staff-context";
import type { Tx } from "@/lib/core/db/client";
import { lockPlanLimit, PlanLimitReached, refusingOverLimit } from "@/lib/core/db/plan-limits";
import { Conflict, Forbidden, Invalid, NotFound } from "@/lib/core/errors";
import { normalizePhone } from "@/lib/core/phone";
import { Prisma } from "@/lib/generated/prisma/client";

export const STAFF_ROLES = ["owner", "admin", "sales"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

const optionalPhone = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (!value) return null;
    const phone = normalizePhone(value);
    if (!phone) ctx.addIssue({ code: "custom", message: "staff.error.phone" });
    return phone;
  });

export const StaffCreateInput = z.object({
  name: z.string().trim().min(1, "staff.error.name").max(120, "staff.error.name"),
  email: z
    .email("staff.error.email")
    .trim()
    .transform((email) => email.toLowerCase()),
  role: z.enum(["admin", "sales"]),
  whatsappNumber: optionalPhone.optional().transform((value) => value ?? null),
  /** Empty: the server generates one and shows it once. */
  password: z
    .string()
    .optional()
    .transform((value) => value || null)
    .refine((value) => value === null || value.length >= MIN_PASSWORD_LENGTH, "staff.error.password"),
});

export const StaffRoleInput = z.object({ userId: z.uuid(), role: z.enum(STAFF_ROLES) });
export const StaffActiveInput = z.object({ userId: z.uuid(), active: z.boolean() });

export interface StaffMember {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  whatsappNumber: string | null;
  isActive: boolean;
  lastLoginAt: Date | null;
}

const STAFF_SELECT = {
  id: true,
  name: true,
  email: true,
  role: true,
  whatsappNumber: true,
  isActive: true,
  lastLoginAt: true,
} as const;

function asStaff(row: { role: string } & Omit<StaffMember, "role">): StaffMember {
  const role = STAFF_ROLES.find((candidate) => candidate === row.role);
  if (!role) throw new NotFound();
  return { ...row, role };
}

export async function listStaff(tx: Tx): Promise<StaffMember[]> {
  const rows = await tx.user.findMany({
    where: { role: { in: [...STAFF_ROLES] } },
    select: STAFF_SELECT,
    orderBy: [{ isActive: "desc" }, { name: "asc" }],
  });
  return rows.map(asStaff);
}

/** Twelve letters and digits without look-alikes (0/O, 1/l), easy to read out over the phone. */
export function generatePassword(length = 12): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join("");
}

/** Admins and owners are the showroom's keys: only an owner hands them out or takes them away. */
function requireOwnerFor(context: StaffContext, ...roles: StaffRole[]): void {
  const touchesPower = roles.some((role) => role === "owner" || role === "admin");
  if (touchesPower && !can(context.user.role, "tenant.ownership"))
    throw new Forbidden("Only the owner can manage admins and owners");
}

function requireStaffManager(context: StaffContext): void {
  if (!can(context.user.role, "staff.manage")) throw new Forbidden();
}

/**
 * Deactivated accounts do not take a seat: the plan limit counts active staff. Counted under the
 * limit's lock (held until the transaction ends), so two owners adding the last seat at once get
 * one seat between them; the database trigger refuses anything else that gets past.
 */
async function assertSeatFree(tx: Tx, tenantId: string): Promise<void> {
  await lockPlanLimit(tx, "staff_within_plan", tenantId);
  // One connection per transaction: queries run one after another, never in parallel.
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { maxStaff: true } });
  const active = await tx.user.count({ where: { isActive: true, role: { in: [...STAFF_ROLES] } } });
  if (active >= tenant.maxStaff) throw new PlanLimitReached("staff_within_plan", tenant.maxStaff);
}

async function findStaff(tx: Tx, userId: string): Promise<StaffMember> {
  const row = await tx.user.findFirst({
    where: { id: userId, role: { in: [...STAFF_ROLES] } },
    select: STAFF_SELECT,
  });
  if (!row) throw new NotFound();
  return asStaff(row);
}

export async function createStaff(
  context: StaffContext,
  input: z.output<typeof StaffCreateInput>,
): Promise<{ user: StaffMember; generatedPassword: string | null }> {
  requireStaffManager(context);
  requireOwnerFor(context, input.role);
  const { tx, user: me, actor } = context;
  await assertSeatFree(tx, me.tenantId);
  const generatedPassword = input.password ? null : generatePassword();
  const passwordHash = await hashPassword(input.password ?? generatedPassword ?? "");
  try {
    const created = await refusingOverLimit(
      tx.user.create({
        data: {
          tenantId: me.tenantId,
          name: input.name,
          email: input.email,
          role: input.role,
          whatsappNumber: input.whatsappNumber,
          passwordHash,
        },
        select: STAFF_SELECT,
      }),
    );
    const user = asStaff(created);
    await recordAudit(tx, {
      tenantId: me.tenantId,
      actor,
      action: "user.create",
      entity: "user",
      entityId: user.id,
      after: {
        name: user.name,
        email: user.email,
        role: user.role,
        whatsappNumber: user.whatsappNumber,
        isActive: true,
      },
    });
    return { user, generatedPassword };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new Conflict("staff.error.emailTaken");
    throw error;
  }
}

export async function changeStaffRole(
  context: StaffContext,
  input: z.output<typeof StaffRoleInput>,
): Promise<StaffMember> {
  requireStaffManager(context);
  const { tx, user: me, actor } = context;
  const target = await findStaff(tx, input.userId);
  if (target.id === me.id) throw new Invalid("staff.error.self");
  requireOwnerFor(context, target.role, input.role);
  if (target.role === input.role) return target;
  const updated = asStaff(
    await tx.user.update({ where: { id: target.id }, data: { role: input.role }, select: STAFF_SELECT }),
  );
  await recordAudit(tx, {
    tenantId: me.tenantId,
    actor,
    action: "user.role",
    entity: "user",
    entityId: target.id,
    before: { role: target.role },
    after: { role: updated.role },
  });
  return updated;
}

/**
 * Deactivation takes effect on the user's next request: lib/auth/session.ts re-reads is_active on
 * every request and sign-in refuses inactive accounts, so nothing else needs revoking.
 */
export async function setStaffActive(
  context: StaffContext,
  input: z.output<typeof StaffActiveInput>,
): Promise<StaffMember> {
  requireStaffManager(context);
  const { tx, user: me, actor } = context;
  const target = await findStaff(tx, input.userId);
  if (target.id === me.id) throw new Invalid("staff.error.self");
  requireOwnerFor(context, target.role);
  if (target.isActive === input.active) return target;
  if (input.active) await assertSeatFree(tx, me.tenantId);
  const updated = asStaff(
    await refusingOverLimit(
      tx.user.update({
        where: { id: target.id },
        data: { isActive: input.active },
        select: STAFF_SELECT,
      }),
    ),
  );
  await recordAudit(tx, {
    tenantId: me.tenantId,
    actor,
    action: input.active ? "user.reactivate" : "user.deactivate",
    entity: "user",
    entityId: target.id,
    before: { isActive: target.isActive },
    after: { isActive: updated.isActive },
  });
  return updated;
}
