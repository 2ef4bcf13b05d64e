// Browsing a showroom's audit trail: filters from the URL, one page at a time, and a readable
// before -> after diff. Lives here until lib/audit grows a reader (that folder is shared).
import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/core/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export const AUDIT_PAGE_SIZE = 25;

const optionalDay = z.iso.date().optional().catch(undefined);

export const AuditFilters = z.object({
  entity: z
    .string()
    .trim()
    .max(40)
    .regex(/^[a-z_.]*$/)
    .optional()
    .catch(undefined),
  action: z
    .string()
    .trim()
    .max(60)
    .regex(/^[a-zA-Z_.]*$/)
    .optional()
    .catch(undefined),
  user: z.uuid().optional().catch(undefined),
  from: optionalDay,
  to: optionalDay,
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type AuditFilters = z.infer<typeof AuditFilters>;

export interface AuditChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface AuditEntryView {
  id: string;
  createdAt: Date;
  actorEmail: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  ip: string | null;
  changes: AuditChange[];
}

function show(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === "string" ? value : JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Only the fields that changed; a creation lists what was set, a removal what was there. */
export function diffAudit(before: unknown, after: unknown): AuditChange[] {
  const left = isRecord(before) ? before : before === null || before === undefined ? {} : { value: before };
  const right = isRecord(after) ? after : after === null || after === undefined ? {} : { value: after };
  const fields = [...new Set([...Object.keys(left), ...Object.keys(right)])];
  return fields
    .map((field) => ({ field, before: show(left[field]), after: show(right[field]) }))
    .filter((change) => change.before !== change.after);
}

/** Jakarta calendar days: "to" includes the whole day. */
function dateRange(filters: AuditFilters): Prisma.DateTimeFilter | undefined {
  if (!filters.from && !filters.to) return undefined;
  return {
    ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00+07:00`) } : {}),
    ...(filters.to ? { lt: new Date(new Date(`${filters.to}T00:00:00+07:00`).getTime() + 86400_000) } : {}),
  };
}

export async function listAuditEntries(
  tx: Tx,
  filters: AuditFilters,
): Promise<{ entries: AuditEntryView[]; total: number; pages: number }> {
  const where: Prisma.AuditLogWhereInput = {
    ...(filters.entity ? { entity: filters.entity } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.user ? { actorId: filters.user } : {}),
    ...(dateRange(filters) ? { createdAt: dateRange(filters) } : {}),
  };
  const rows = await tx.auditLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (filters.page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
  });
  const total = await tx.auditLog.count({ where });
  return {
    total,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    entries: rows.map((row) => ({
      id: row.id,
      createdAt: row.createdAt,
      actorEmail: row.actorEmail,
      action: row.action,
      entity: row.entity,
      entityId: row.entityId,
      ip: row.ip,
      changes: diffAudit(row.before, row.after),
    })),
  };
}

/** Choices for the filter form: what this showroom's trail actually contains. */
export async function auditFilterChoices(
  tx: Tx,
): Promise<{ entities: string[]; actions: string[]; users: { id: string; name: string; email: string }[] }> {
  const entities = await tx.auditLog.findMany({
    distinct: ["entity"],
    select: { entity: true },
    orderBy: { entity: "asc" },
  });
  const actions = await tx.auditLog.findMany({
    distinct: ["action"],
    select: { action: true },
    orderBy: { action: "asc" },
  });
  const users = await tx.user.findMany({
    select: { id: true, name: true, email: true },
    orderBy: { name: "asc" },
  });
  return { entities: entities.map((row) => row.entity), actions: actions.map((row) => row.action), users };
}
