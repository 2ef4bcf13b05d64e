// The durable job queue: graphile-worker on the app's own PostgreSQL (LISTEN/NOTIFY, so a buyer's
// message is picked up in milliseconds). Its schema is installed by the owner role during
// migrations; the app role only adds and works jobs.
import "server-only";

import {
  Logger,
  makeWorkerUtils,
  type ParsedCronItem,
  type Runner,
  run,
  runMigrations,
  type TaskList,
  type WorkerUtils,
} from "graphile-worker";
import pg from "pg";
import { getEnv } from "@/lib/core/env";

/**
 * The queue's schema. One per app deployment normally; separate test servers sharing a database
 * (the e2e server next to the integration tests) each get their own, so no worker takes another's jobs.
 */
export function queueSchema(): string {
  return getEnv().QUEUE_SCHEMA;
}

// graphile-worker logs every job at info level; only warnings and errors are worth a line here.
const quietLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.error(`[queue] ${level}: ${message}`);
});

/** Installs or upgrades the queue's schema as the owner, then lets the app role use it. */
export async function migrateQueue(
  adminUrl: string,
  appRole: string,
  schema: string = queueSchema(),
): Promise<void> {
  await runMigrations({ connectionString: adminUrl, schema, logger: quietLogger });
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const role = client.escapeIdentifier(appRole);
    const QUEUE_SCHEMA = client.escapeIdentifier(schema);
    await client.query(`GRANT USAGE ON SCHEMA ${QUEUE_SCHEMA} TO ${role}`);
    await client.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${QUEUE_SCHEMA} TO ${role}`,
    );
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${QUEUE_SCHEMA} TO ${role}`);
    await client.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${QUEUE_SCHEMA} TO ${role}`);
    // graphile-worker enables row-level security on its private tables (so that API layers cannot
    // expose them); the app role works the queue, so it gets an explicit policy on each.
    const { rows } = await client.query<{ table: string }>(
      `SELECT c.relname AS table FROM pg_class c WHERE c.relnamespace = $1::regnamespace AND c.relkind = 'r' AND c.relrowsecurity`,
      [schema],
    );
    for (const { table } of rows) {
      const name = `${QUEUE_SCHEMA}.${client.escapeIdentifier(table)}`;
      await client.query(`DROP POLICY IF EXISTS autolumiku_app_queue ON ${name}`);
      await client.query(
        `CREATE POLICY autolumiku_app_queue ON ${name} TO ${role} USING (true) WITH CHECK (true)`,
      );
    }
  } finally {
    await client.end();
  }
}

const holder = globalThis as { autolumikuQueue?: Promise<WorkerUtils> };

function connectionString(): string {
  const url = getEnv().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  return url;
}

function utils(): Promise<WorkerUtils> {
  holder.autolumikuQueue ??= makeWorkerUtils({
    connectionString: connectionString(),
    schema: queueSchema(),
    logger: quietLogger,
  });
  return holder.autolumikuQueue;
}

export interface EnqueueOptions {
  /** Jobs with the same queue name run one at a time, in order (one assistant turn per conversation). */
  queueName?: string;
  /** A second job with the same key replaces the waiting one instead of adding another. */
  jobKey?: string;
  maxAttempts?: number;
  runAt?: Date;
}

export async function enqueue(
  task: string,
  payload: Record<string, unknown>,
  options: EnqueueOptions = {},
): Promise<void> {
  await (await utils()).addJob(task, payload, { maxAttempts: 10, ...options });
}

export async function releaseQueue(): Promise<void> {
  const pending = holder.autolumikuQueue;
  holder.autolumikuQueue = undefined;
  if (pending) await (await pending).release();
}

export async function startWorkers(
  setup: { taskList: TaskList; crontab?: ParsedCronItem[] },
  options: { concurrency?: number } = {},
): Promise<Runner> {
  return run({
    connectionString: connectionString(),
    schema: queueSchema(),
    taskList: setup.taskList,
    parsedCronItems: setup.crontab ?? [],
    concurrency: options.concurrency ?? 4,
    noHandleSignals: true,
    pollInterval: 1000,
    logger: quietLogger,
  });
}

/** Jobs waiting and the age of the oldest, for the health page. */
export async function queueDepth(client: {
  $queryRawUnsafe<T>(query: string): Promise<T>;
}): Promise<{ waiting: number; oldestSeconds: number | null }> {
  const rows = await client.$queryRawUnsafe<{ waiting: bigint; oldest: number | null }[]>(
    `SELECT count(*) AS waiting, EXTRACT(EPOCH FROM (now() - min(run_at)))::float8 AS oldest FROM ${queueSchema()}.jobs WHERE locked_at IS NULL AND attempts < max_attempts`,
  );
  return { waiting: Number(rows[0]?.waiting ?? 0n), oldestSeconds: rows[0]?.oldest ?? null };
}
