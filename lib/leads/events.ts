// Facts about leads that other layers react to (the notification service, follow-ups). Emitted in
// the transaction that makes them true; subscribers are wired in lib/jobs.
import "server-only";
import { z } from "zod";
import { defineEvent } from "@/lib/core/queue/define";
import { LEAD_SOURCES } from "@/lib/leads/vocabulary";

/** A new lead, from any source (emitted by the lead intake only). */
export const leadCreated = defineEvent(
  "lead-created",
  z.object({
    tenantId: z.uuid(),
    leadId: z.uuid(),
    source: z.enum(LEAD_SOURCES),
    assigneeId: z.uuid().nullable(),
    /** The staff member who typed it in (not told of their own lead); null for buyers and the assistant. */
    enteredBy: z.uuid().nullable().default(null),
  }),
);

/** A lead was given to a salesperson other than the person who gave it (new or reassigned). */
export const leadAssigned = defineEvent(
  "lead-assigned",
  z.object({ tenantId: z.uuid(), leadId: z.uuid(), assigneeId: z.uuid() }),
);

/** A buyer asked for a test drive or a visit at a time they chose; the team confirms. */
export const visitBooked = defineEvent(
  "visit-booked",
  z.object({
    tenantId: z.uuid(),
    leadId: z.uuid(),
    assigneeId: z.uuid().nullable(),
    kind: z.enum(["test_drive", "visit"]),
    at: z.iso.datetime({ offset: true }),
  }),
);
