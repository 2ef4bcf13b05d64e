// A test file that runs queue workers gets a queue of its own: test files run at the same time on
// one database, and a worker must never take (and fail) another file's jobs.
import { migrateQueue } from "@/lib/jobs/queue";
import { roleOf } from "@/lib/db/migrate";

export async function useOwnQueue(name: string): Promise<void> {
  const schema = `gw_${name}`;
  process.env.QUEUE_SCHEMA = schema;
  await migrateQueue(process.env.DATABASE_ADMIN_URL ?? "", roleOf(process.env.DATABASE_URL ?? ""), schema);
}
