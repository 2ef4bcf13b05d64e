// Adds a job inside the caller's transaction, so the job exists exactly when the rows it works on
// do: a crash between "stored" and "queued" cannot lose a message or a reply.
import "server-only";
import type { Tx } from "@/lib/core/db/client";
import { type EnqueueOptions, queueSchema } from "@/lib/core/queue/queue";

export async function enqueueInTx(
  tx: Tx,
  task: string,
  payload: Record<string, unknown>,
  options: EnqueueOptions = {},
): Promise<void> {
  await tx.$executeRawUnsafe(
    `SELECT ${queueSchema()}.add_job($1::text, $2::json, queue_name => $3::text, run_at => $4::timestamptz, max_attempts => $5::int, job_key => $6::text)`,
    task,
    JSON.stringify(payload),
    options.queueName ?? null,
    options.runAt ?? null,
    options.maxAttempts ?? 10,
    options.jobKey ?? null,
  );
}
