// Runs the event jobs one showroom's work queued, the way a worker would (every subscriber of each
// event, in order), and removes them, without starting workers: test files share the default queue,
// and a worker there would take other files' jobs. Used where a test wants what the subscribers do.
import { db } from "@/lib/core/db/client";
import { eventJobsOf } from "@/lib/core/queue/define";
import { queueSchema } from "@/lib/core/queue/queue";
import { EVENTS, SUBSCRIPTIONS } from "@/lib/jobs";

const jobs = new Map(eventJobsOf(EVENTS, SUBSCRIPTIONS).map((job) => [job.name, job]));

/** Delivers every queued event of `tenantId`, oldest first, until none is left; returns how many. */
export async function deliverQueuedEvents(tenantId: string): Promise<number> {
  let delivered = 0;
  for (;;) {
    const rows = await db().$queryRawUnsafe<{ id: string; task: string; payload: unknown }[]>(
      `DELETE FROM ${queueSchema()}._private_jobs job USING ${queueSchema()}._private_tasks task
       WHERE task.id = job.task_id AND task.identifier LIKE 'event:%' AND job.payload->>'tenantId' = $1
       RETURNING job.id::text AS id, task.identifier AS task, job.payload`,
      tenantId,
    );
    if (rows.length === 0) return delivered;
    rows.sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)));
    for (const row of rows) {
      const job = jobs.get(row.task);
      if (!job) throw new Error(`no job for ${row.task}`);
      await job.run(row.payload);
      delivered += 1;
    }
  }
}
