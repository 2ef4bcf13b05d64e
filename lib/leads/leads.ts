// Leads in the dashboard: who may see which (sales their own, admins all), the pipeline and list,
// a lead's detail with its notes, and every change a salesperson makes to a lead. Each change runs
// in the caller's tenant transaction, re-checks that the lead is the user's to touch, and is audited.
import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import type { StaffUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import type { StaffContext } from "@/lib/auth/staff-context";
import type { Tx } from "@/lib/core/db/client";
import { Forbidden, Invalid, NotFound } from "@/lib/core/errors";
import { normalizePhone } from "@/lib/core/phone";
import type { Prisma } from "@/lib/generated/prisma/client";
import { listedWhere } from "@/lib/inventory/listing";
import { notifyLeadAssigned } from "@/lib/leads/assign";
import { takeInLead } from "@/lib/leads/intake";
import { LEAD_SOURCES, LEAD_STATUSES, type LeadStatus } from "@/lib/leads/vocabulary";

export { LEAD_SOURCES, LEAD_STATUSES, type LeadSource, type LeadStatus } from "@/lib/leads/vocabulary";

/** Sales staff see only leads assigned to them; whoever holds leads.read.all sees every lead. */
export function leadScope(user: Pick<StaffUser, "id" | "role">): Prisma.LeadWhereInput {
  if (can(user.role, "leads.read.all")) return {};
  if (can(user.role, "leads.read.own")) return { assigneeId: user.id };
  throw new Forbidden();
}

export const LeadFilters = z.object({
  status: z.enum(LEAD_STATUSES).optional().catch(undefined),
  source: z.enum(LEAD_SOURCES).optional().catch(undefined),
  q: z.string().trim().max(80).optional().catch(undefined),
});
export type LeadFilters = z.infer<typeof LeadFilters>;

const LIST_SELECT = {
  id: true,
  name: true,
  phone: true,
  source: true,
  status: true,
  followUpAt: true,
  createdAt: true,
  firstResponseAt: true,
  assignee: { select: { id: true, name: true } },
  vehicle: { select: { id: true, brand: true, model: true, year: true, stockCode: true } },
} as const;
export type LeadRow = Prisma.LeadGetPayload<{ select: typeof LIST_SELECT }>;

export async function listLeads(tx: Tx, user: StaffUser, filters: LeadFilters): Promise<LeadRow[]> {
  const search: Prisma.LeadWhereInput = filters.q
    ? {
        OR: [
          { name: { contains: filters.q, mode: "insensitive" } },
          { phone: { contains: filters.q.replace(/\D/g, "") || filters.q } },
        ],
      }
    : {};
  return tx.lead.findMany({
    where: {
      AND: [
        leadScope(user),
        filters.status ? { status: filters.status } : {},
        filters.source ? { source: filters.source } : {},
        search,
      ],
    },
    select: LIST_SELECT,
    orderBy: { createdAt: "desc" },
    take: 300,
  });
}

const DETAIL_SELECT = {
  ...LIST_SELECT,
  message: true,
  budget: true,
  assigneeId: true,
  vehicleId: true,
  leadNotes: {
    select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
  },
} as const;
export type LeadDetail = Prisma.LeadGetPayload<{ select: typeof DETAIL_SELECT }>;

/**
 * The lead if this user may work on it. Another showroom's lead is invisible (RLS) and reads as
 * not found; a colleague's lead is refused for a salesperson.
 */
async function leadForUser(
  tx: Tx,
  user: StaffUser,
  leadId: string,
): Promise<{
  id: string;
  status: LeadStatus;
  assigneeId: string | null;
  firstResponseAt: Date | null;
  followUpAt: Date | null;
  vehicleId: string | null;
  name: string;
}> {
  const lead = await tx.lead.findUnique({
    where: { id: leadId },
    select: {
      id: true,
      status: true,
      assigneeId: true,
      firstResponseAt: true,
      followUpAt: true,
      vehicleId: true,
      name: true,
    },
  });
  if (!lead) throw new NotFound();
  if (!can(user.role, "leads.read.all") && lead.assigneeId !== user.id) throw new Forbidden();
  return lead;
}

export async function getLeadDetail(tx: Tx, user: StaffUser, leadId: string): Promise<LeadDetail | null> {
  const lead = await tx.lead.findFirst({
    where: { AND: [{ id: leadId }, leadScope(user)] },
    select: DETAIL_SELECT,
  });
  return lead;
}

/** Active staff a lead can be given to (the assignment picker). */
export async function listAssignableStaff(tx: Tx): Promise<{ id: string; name: string; role: string }[]> {
  return tx.user.findMany({
    where: { isActive: true, role: { in: ["owner", "admin", "sales"] } },
    select: { id: true, name: true, role: true },
    orderBy: { name: "asc" },
  });
}

/** The first thing a salesperson does with a new lead (a status change or a note) is its first response. */
function firstResponseUpdate(lead: { firstResponseAt: Date | null }): { firstResponseAt?: Date } {
  return lead.firstResponseAt ? {} : { firstResponseAt: new Date() };
}

const leadId = z.uuid();

export const LeadCreateInput = z.object({
  name: z.string().trim().min(2, "leads.error.name").max(80, "leads.error.name"),
  phone: z.string().transform((value, ctx) => {
    const phone = normalizePhone(value);
    if (!phone) ctx.addIssue({ code: "custom", message: "leads.error.phone" });
    return phone ?? "";
  }),
  source: z.enum(["walk_in", "phone", "whatsapp", "web"]),
  message: z
    .string()
    .trim()
    .max(1000)
    .optional()
    .transform((value) => value || null),
});

/** A lead typed in by staff (walk-in, phone call), through the lead intake: a phone with an open lead updates that lead. */
export async function createLead(
  context: StaffContext,
  input: z.output<typeof LeadCreateInput>,
): Promise<{ id: string }> {
  const { tx, user, actor } = context;
  const { lead } = await takeInLead(tx, input, {
    tenantId: user.tenantId,
    actor,
    // A salesperson entering a lead keeps it; an admin's goes round-robin.
    assigneeId: can(user.role, "leads.read.all") ? undefined : user.id,
    enteredBy: user.id,
  });
  return { id: lead.id };
}

export const LeadStatusInput = z.object({ leadId, status: z.enum(LEAD_STATUSES) });

export async function changeLeadStatus(
  context: StaffContext,
  input: z.output<typeof LeadStatusInput>,
): Promise<{ status: LeadStatus }> {
  const { tx, user, actor } = context;
  const lead = await leadForUser(tx, user, input.leadId);
  if (lead.status === input.status) return { status: lead.status };
  const responded = input.status !== "new" ? firstResponseUpdate(lead) : {};
  await tx.lead.update({ where: { id: lead.id }, data: { status: input.status, ...responded } });
  await recordAudit(tx, {
    tenantId: user.tenantId,
    actor,
    action: "lead.status",
    entity: "lead",
    entityId: lead.id,
    before: { status: lead.status },
    after: { status: input.status, ...responded },
  });
  return { status: input.status };
}

export const LeadNoteInput = z.object({
  leadId,
  body: z.string().trim().min(1, "leads.error.note").max(4000, "leads.error.note"),
});

export async function addLeadNote(
  context: StaffContext,
  input: z.output<typeof LeadNoteInput>,
): Promise<{ id: string }> {
  const { tx, user, actor } = context;
  const lead = await leadForUser(tx, user, input.leadId);
  const note = await tx.leadNote.create({
    data: { tenantId: user.tenantId, leadId: lead.id, authorId: user.id, body: input.body },
  });
  const responded = firstResponseUpdate(lead);
  if (responded.firstResponseAt) await tx.lead.update({ where: { id: lead.id }, data: responded });
  await recordAudit(tx, {
    tenantId: user.tenantId,
    actor,
    action: "lead.note",
    entity: "lead",
    entityId: lead.id,
    after: { note: input.body, ...responded },
  });
  return { id: note.id };
}

export const LeadFollowUpInput = z.object({
  leadId,
  /** yyyy-mm-dd from a date input, or empty to clear; stored as 09:00 Jakarta time that day. */
  followUpOn: z.union([z.literal(""), z.iso.date("leads.error.date")]),
});

export async function setLeadFollowUp(
  context: StaffContext,
  input: z.output<typeof LeadFollowUpInput>,
): Promise<{ followUpAt: Date | null }> {
  const { tx, user, actor } = context;
  const lead = await leadForUser(tx, user, input.leadId);
  const followUpAt = input.followUpOn ? new Date(`${input.followUpOn}T09:00:00+07:00`) : null;
  await tx.lead.update({ where: { id: lead.id }, data: { followUpAt } });
  await recordAudit(tx, {
    tenantId: user.tenantId,
    actor,
    action: "lead.followUp",
    entity: "lead",
    entityId: lead.id,
    before: { followUpAt: lead.followUpAt },
    after: { followUpAt },
  });
  return { followUpAt };
}

export const LeadVehicleInput = z.object({ leadId, vehicleId: z.union([z.literal(""), z.uuid()]) });

export async function setLeadVehicle(
  context: StaffContext,
  input: z.output<typeof LeadVehicleInput>,
): Promise<{ vehicleId: string | null }> {
  const { tx, user, actor } = context;
  const lead = await leadForUser(tx, user, input.leadId);
  const vehicleId = input.vehicleId || null;
  // RLS hides other showrooms' cars, so a foreign id is simply not found.
  if (vehicleId && !(await tx.vehicle.findUnique({ where: { id: vehicleId }, select: { id: true } })))
    throw new NotFound();
  await tx.lead.update({ where: { id: lead.id }, data: { vehicleId } });
  await recordAudit(tx, {
    tenantId: user.tenantId,
    actor,
    action: "lead.vehicle",
    entity: "lead",
    entityId: lead.id,
    before: { vehicleId: lead.vehicleId },
    after: { vehicleId },
  });
  return { vehicleId };
}

export const LeadAssignInput = z.object({ leadId, assigneeId: z.uuid() });

export async function assignLead(
  context: StaffContext,
  input: z.output<typeof LeadAssignInput>,
): Promise<{ assigneeId: string }> {
  const { tx, user, actor } = context;
  if (!can(user.role, "leads.assign")) throw new Forbidden();
  const lead = await leadForUser(tx, user, input.leadId);
  const assignee = await tx.user.findFirst({
    where: { id: input.assigneeId, isActive: true, role: { in: ["owner", "admin", "sales"] } },
    select: { id: true, name: true },
  });
  if (!assignee) throw new Invalid("leads.error.assignee");
  if (lead.assigneeId === assignee.id) return { assigneeId: assignee.id };
  await tx.lead.update({ where: { id: lead.id }, data: { assigneeId: assignee.id } });
  if (assignee.id !== user.id)
    await notifyLeadAssigned(tx, {
      tenantId: user.tenantId,
      userId: assignee.id,
      leadId: lead.id,
      leadName: lead.name,
    });
  await recordAudit(tx, {
    tenantId: user.tenantId,
    actor,
    action: "lead.assign",
    entity: "lead",
    entityId: lead.id,
    before: { assigneeId: lead.assigneeId },
    after: { assigneeId: assignee.id },
  });
  return { assigneeId: assignee.id };
}

/** Cars a lead can be about: what is for sale or booked, newest first. */
export async function listLeadVehicleChoices(tx: Tx): Promise<{ id: string; label: string }[]> {
  const cars = await tx.vehicle.findMany({
    where: listedWhere,
    select: { id: true, brand: true, model: true, year: true, stockCode: true },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return cars.map((car) => ({
    id: car.id,
    label: `${car.brand} ${car.model} ${car.year} · ${car.stockCode}`,
  }));
}
