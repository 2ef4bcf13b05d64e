// "custom-domain-check": looks up one claim's TXT record and records the outcome; an owner's
// request is tried again on a widening schedule while it fails (lib/settings/domain-check.ts).
import "server-only";
import { defineJob, type JobDefinition } from "@/lib/core/queue/define";
import { checkCustomDomain, DomainCheckRequest } from "@/lib/settings/domain-check";

/** One waiting check per claim and kind: asking again replaces the queued attempt. */
const jobKeyOf = ({ domainId, mode }: DomainCheckRequest) => `custom-domain-${mode}:${domainId}`;

export const checkCustomDomainJob: JobDefinition<typeof DomainCheckRequest> = defineJob({
  name: "custom-domain-check",
  payload: DomainCheckRequest,
  options: (request) => ({ jobKey: jobKeyOf(request), maxAttempts: 5 }),
  handler: (request) =>
    checkCustomDomain(request, {
      scheduleRetry: (tx, next, runAt) => checkCustomDomainJob.enqueueInTx(tx, next, { runAt }),
    }),
});
