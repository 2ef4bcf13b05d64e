// "custom-domain-recheck": every hour, one check per verified domain (is its record still there?)
// and per claim touched in the last week (has its record appeared?).
import "server-only";
import { defineSchedule } from "@/lib/core/queue/define";
import { customDomainsToRecheck } from "@/lib/settings/domain-check";
import { checkCustomDomainJob } from "@/lib/settings/jobs/check-custom-domain";

export const recheckCustomDomainsSchedule = defineSchedule({
  name: "custom-domain-recheck",
  cron: "17 * * * *",
  handler: async () => {
    for (const claim of await customDomainsToRecheck())
      await checkCustomDomainJob.enqueue({ tenantId: claim.tenantId, domainId: claim.id, mode: "recheck" });
  },
});
