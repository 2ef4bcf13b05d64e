// Facts about a showroom's settings that other layers react to. Emitted in the transaction that
// makes them true; subscribers are wired in lib/jobs.
import "server-only";
import { z } from "zod";
import { defineEvent } from "@/lib/core/queue/define";

/** A custom domain started or stopped serving the showroom's catalog (verified, or lost it). */
export const customDomainServingChanged = defineEvent(
  "custom-domain-serving-changed",
  z.object({ tenantId: z.uuid(), domainId: z.uuid(), serving: z.boolean() }),
);
