// A test file that runs queue workers gets a queue of its own: test files run at the same time on
// one database, and a worker must never take (and fail) another file's jobs. Every queue schema is
// installed once, in the global setup, before any server or worker starts: graphile-worker tells
// every running worker about a schema migration (a database-wide notification), and running
// workers shut down when they hear of one.

import { roleOf } from "@/lib/core/db/migrate";
import { setEnv } from "@/lib/core/env";
import { migrateQueue } from "@/lib/core/queue/queue";

export const TEST_QUEUES = {
  webhook: "gw_webhook",
  staff: "gw_staff",
  notify: "gw_notify",
  e2e: "graphile_worker_e2e",
} as const;

export async function prepareTestQueues(adminUrl: string, appUrl: string): Promise<void> {
  for (const schema of Object.values(TEST_QUEUES)) await migrateQueue(adminUrl, roleOf(appUrl), schema);
}

/** Points this test file's enqueueing and workers at its own, already installed, queue. */
export async function useOwnQueue(name: "webhook" | "staff" | "notify"): Promise<void> {
  setEnv({ QUEUE_SCHEMA: TEST_QUEUES[name] });
}
