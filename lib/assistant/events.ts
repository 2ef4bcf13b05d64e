// Facts about the assistant that other layers react to (the notification service). Emitted in the
// transaction that makes them true; subscribers are wired in lib/jobs.
import "server-only";
import { z } from "zod";
import { defineEvent } from "@/lib/core/queue/define";

/** The showroom's AI allowance stopped the LLM (once a month for the budget, once an hour for the rate). */
export const aiAllowanceReached = defineEvent(
  "ai-allowance-reached",
  z.object({
    tenantId: z.uuid(),
    allowance: z.enum(["budget", "rate_limited"]),
    /** The notification the managers see in the dashboard. */
    notificationId: z.uuid(),
  }),
);
