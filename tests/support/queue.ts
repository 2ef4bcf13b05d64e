// A test file that runs queue workers gets a queue of its own: test files run at the same time on
// one database, and a worker must never take (and fail) another file's jobs. Every queue schema is
// installed once, in the global setup, before any server or worker starts: graphile-worker tells
// every running worker about a schema migration (a database-wide notification), and running
// workers shut down when they hear of one.

import { db } from "@/lib/core/db/client";
import { roleOf } from "@/lib/core/db/migrate";
import { setEnv } from "@/lib/core/env";
import { migrateQueue, queueSchema } from "@/lib/core/queue/queue";

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

/** The waiting jobs of a task whose payload field `field` is `value`, oldest first. */
export async function queuedJobs(
  task: string,
  field: string,
  value: string,
): Promise<{ payload: Record<string, unknown>; runAt: Date; key: string | null }[]> {
  const rows = await db().$queryRawUnsafe<
    { payload: Record<string, unknown>; run_at: Date; key: string | null }[]
  >(
    `SELECT job.payload, job.run_at, job.key FROM ${queueSchema()}._private_jobs job
       JOIN ${queueSchema()}._private_tasks task ON task.id = job.task_id
     WHERE task.identifier = $1 AND job.payload->>$2 = $3 ORDER BY job.id`,
    task,
    field,
    value,
  );
  return rows.map((row) => ({ payload: row.payload, runAt: row.run_at, key: row.key }));
}

/** Takes the waiting jobs `queuedJobs` would list off the queue, as a worker finishing them would. */
export async function takeQueuedJobs(
  task: string,
  field: string,
  value: string,
): Promise<{ payload: Record<string, unknown>; runAt: Date; key: string | null }[]> {
  const rows = await db().$queryRawUnsafe<
    { payload: Record<string, unknown>; run_at: Date; key: string | null }[]
  >(
    `DELETE FROM ${queueSchema()}._private_jobs job USING ${queueSchema()}._private_tasks task
     WHERE task.id = job.task_id AND task.identifier = $1 AND job.payload->>$2 = $3
     RETURNING job.id, job.payload, job.run_at, job.key`,
    task,
    field,
    value,
  );
  return rows
    .sort((a, b) => a.run_at.getTime() - b.run_at.getTime())
    .map((row) => ({ payload: row.payload, runAt: row.run_at, key: row.key }));
}
