// Facts about leads that other layers react to (a notification service, follow-ups). Emitted by
// the lead intake in the transaction that creates the lead; subscribers are wired in lib/jobs.
import "server-only";
import { z } from "zod";
import { defineEvent } from "@/lib/core/queue/define";
import { LEAD_SOURCES } from "@/lib/leads/vocabulary";

export const leadCreated = defineEvent(
  "lead-created",
  z.object({
    tenantId: z.uuid(),
    leadId: z.uuid(),
    source: z.enum(LEAD_SOURCES),
    assigneeId: z.uuid().nullable(),
  }),
);
