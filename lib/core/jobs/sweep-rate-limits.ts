// "rate-limits-sweep": every 15 minutes, deletes rate-limit windows no limit reads any more (each
// row expires two windows after it started), so the table stays the size of current traffic.
import "server-only";
import { defineSchedule } from "@/lib/core/queue/define";
import { sweepRateLimits } from "@/lib/core/rate-limit";

export const sweepRateLimitsSchedule = defineSchedule({
  name: "rate-limits-sweep",
  cron: "*/15 * * * *",
  handler: async () => {
    await sweepRateLimits();
  },
});
