// The one way a lead comes in, whatever the source (web form, WhatsApp assistant, inbox link,
// manual entry; CSV later): the input is validated, a buyer whose lead is still open (see
// OPEN_LEAD_STATUSES) is updated rather than duplicated (same normalised phone, same showroom; two
// submissions at the same moment are serialised per phone, so they find each other), a
// new lead is assigned (the given assignee, else round-robin among active sales), and exactly one
// audit row is written per lead created or changed, with one `leadCreated` event per created lead,
// all in the caller's tenant transaction.
import "server-only";
import { z } from "zod";
import { type Actor, recordAudit } from "@/lib/audit/record";
import type { Tx } from "@/lib/core/db/client";
import { Invalid } from "@/lib/core/errors";
import { normalizePhone } from "@/lib/core/phone";
import type { Lead, Prisma } from "@/lib/generated/prisma/client";
import { assignRoundRobin, notifyLeadAssigned } from "@/lib/leads/assign";
import { leadCreated } from "@/lib/leads/events";
import { LEAD_SOURCES, OPEN_LEAD_STATUSES } from "@/lib/leads/vocabulary";

export const LeadIntakeInput = z.object({
  source: z.enum(LEAD_SOURCES),
  /** Required for a new lead; on an update, a given name replaces the old one. */
  name: z.string().trim().min(1).max(80).optional(),
  /** Any form a buyer writes ("0812 …", "+62 812-…"); stored as digits, country code first. Absent only for a WhatsApp contact known by username. */
  phone: z
    .string()
    .nullish()
    .transform((value, ctx) => {
      if (!value) return null;
      const phone = normalizePhone(value);
      if (!phone) ctx.addIssue({ code: "custom", message: "phone" });
      return phone;
    }),
  message: z.string().trim().max(4000).nullish(),
  vehicleId: z.uuid().nullish(),
  budget: z.bigint().positive().nullish(),
  followUpAt: z.date().nullish(),
});
export type LeadIntakeInput = z.input<typeof LeadIntakeInput>;

export interface IntakeOptions {
  tenantId: string;
  actor: Actor;
  /**
   * The lead this source already holds (a conversation's lead): it is the one updated, and no
   * other lead is looked up. A source that names a lead may only ever touch that lead.
   */
  leadId?: string | null;
  /** Match an open lead by phone. Off when the phone is only what someone typed and proves nothing. */
  matchByPhone?: boolean;
  /** Who gets a new lead; round-robin among active sales when absent. */
  assigneeId?: string | null;
  /** The user entering the lead is not notified of their own lead. */
  enteredBy?: string | null;
  /** The name of a new lead when the input has none (an update never takes it). */
  defaultName?: string;
}

export interface IntakeResult {
  lead: Lead;
  created: boolean;
  /** An update that changed something (a repeat of what is stored changes nothing and is not audited). */
  changed: boolean;
  /** The same buyer asked about the same car again within REPEAT_WINDOW_MS of the lead's last change. */
  repeated: boolean;
}

/** A buyer asking about the same car again within a day is one request, not a new one. */
export const REPEAT_WINDOW_MS = 24 * 60 * 60 * 1000;

function isRepeat(lead: Lead, vehicleId: string | null | undefined): boolean {
  return (
    Boolean(vehicleId) &&
    lead.vehicleId === vehicleId &&
    Date.now() - lead.updatedAt.getTime() < REPEAT_WINDOW_MS
  );
}

type Changes = Pick<
  Prisma.LeadUncheckedUpdateInput,
  "name" | "vehicleId" | "budget" | "message" | "followUpAt"
>;

function changesFor(lead: Lead, input: z.output<typeof LeadIntakeInput>): Changes {
  const changes: Changes = {};
  if (input.name && input.name !== lead.name) changes.name = input.name;
  if (input.vehicleId && input.vehicleId !== lead.vehicleId) changes.vehicleId = input.vehicleId;
  if (input.budget && input.budget !== lead.budget) changes.budget = input.budget;
  if (input.message && input.message !== lead.message) changes.message = input.message;
  if (input.followUpAt && input.followUpAt.getTime() !== lead.followUpAt?.getTime())
    changes.followUpAt = input.followUpAt;
  return changes;
}

async function existingLead(tx: Tx, phone: string | null, options: IntakeOptions): Promise<Lead | null> {
  if (options.leadId) return tx.lead.findUnique({ where: { id: options.leadId } });
  if (!phone || options.matchByPhone === false) return null;
  // Until this transaction ends, another intake of the same phone waits here and then finds this lead.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`lead-phone:${options.tenantId}:${phone}`}, 0))`;
  // Row-level security keeps this to the showroom of the transaction.
  return tx.lead.findFirst({
    where: { phone, status: { in: [...OPEN_LEAD_STATUSES] } },
    orderBy: { createdAt: "desc" },
  });
}

export async function takeInLead(
  tx: Tx,
  raw: LeadIntakeInput,
  options: IntakeOptions,
): Promise<IntakeResult> {
  const parsed = LeadIntakeInput.safeParse(raw);
  if (!parsed.success)
    throw new Invalid(`lead: ${parsed.error.issues.map((issue) => issue.message).join(", ")}`);
  const input = parsed.data;

  const existing = await existingLead(tx, input.phone, options);
  if (existing) {
    const changes = changesFor(existing, input);
    const fields = Object.keys(changes) as (keyof Changes)[];
    const repeated = isRepeat(existing, input.vehicleId);
    if (fields.length === 0) return { lead: existing, created: false, changed: false, repeated };
    const lead = await tx.lead.update({ where: { id: existing.id }, data: changes });
    await recordAudit(tx, {
      tenantId: options.tenantId,
      actor: options.actor,
      action: "lead.update",
      entity: "lead",
      entityId: lead.id,
      before: Object.fromEntries(fields.map((field) => [field, existing[field]])),
      after: { ...changes, source: input.source },
    });
    return { lead, created: false, changed: true, repeated };
  }

  const name = input.name ?? options.defaultName;
  if (!name) throw new Invalid("lead: name");
  // Same transaction as the lead: a lead never exists without its assignee, and a rolled-back lead stamps nobody.
  const assigneeId =
    options.assigneeId !== undefined ? options.assigneeId : ((await assignRoundRobin(tx))?.id ?? null);
  const lead = await tx.lead.create({
    data: {
      tenantId: options.tenantId,
      name,
      phone: input.phone ?? "",
      source: input.source,
      message: input.message ?? null,
      vehicleId: input.vehicleId ?? null,
      budget: input.budget ?? null,
      followUpAt: input.followUpAt ?? null,
      assigneeId,
    },
  });
  if (assigneeId && assigneeId !== options.enteredBy)
    await notifyLeadAssigned(tx, {
      tenantId: options.tenantId,
      userId: assigneeId,
      leadId: lead.id,
      leadName: lead.name,
    });
  await recordAudit(tx, {
    tenantId: options.tenantId,
    actor: options.actor,
    action: "lead.create",
    entity: "lead",
    entityId: lead.id,
    after: lead,
  });
  await leadCreated.emitInTx(tx, {
    tenantId: options.tenantId,
    leadId: lead.id,
    source: input.source,
    assigneeId,
    enteredBy: options.enteredBy ?? null,
  });
  return { lead, created: true, changed: true, repeated: false };
}
