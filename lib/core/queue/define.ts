// Typed jobs, schedules and events on the PostgreSQL queue (graphile-worker).
//
// - A job is one file: its name, its zod payload and its handler (`defineJob`). Producers enqueue
//   through the definition, so a payload is checked where it is made and again where it runs.
// - A schedule is a job without payload that runs on a crontab line, once across all workers.
// - An event is a fact a domain states ("a lead was created"), with a name and a zod payload but no
//   handler: the domain that causes it emits it inside its own transaction, and whoever cares (a
//   service above it) subscribes in lib/jobs. That is how a lower layer makes a higher one act
//   without importing it.
// The job list that workers run is assembled from these definitions in lib/jobs.
import "server-only";
import { type ParsedCronItem, parseCronItems, type TaskList } from "graphile-worker";
import { z } from "zod";
import type { Tx } from "@/lib/core/db/client";
import { Invalid, issueLines } from "@/lib/core/errors";
import { enqueueInTx } from "@/lib/core/queue/enqueue-in-tx";
import { type EnqueueOptions, enqueue } from "@/lib/core/queue/queue";

export type { EnqueueOptions };

type Payload = z.ZodType<Record<string, unknown>>;

/** What the job list needs of any job, whatever its payload. */
export interface RunnableJob {
  readonly name: string;
  readonly cron?: string;
  run(raw: unknown): Promise<void>;
}

export interface JobDefinition<S extends Payload = Payload> {
  readonly kind: "job";
  readonly name: string;
  readonly payload: S;
  /** Options that follow from the payload (a conversation's queue, a dedupe key), overridable per call. */
  readonly options?: (payload: z.output<S>) => EnqueueOptions;
  readonly handler: (payload: z.output<S>) => Promise<void>;
  /** Adds the job now, in its own statement (for work whose rows are already committed). */
  enqueue(payload: z.input<S>, options?: EnqueueOptions): Promise<void>;
  /** Adds the job inside `tx`: it exists exactly when the rows it works on do. */
  enqueueInTx(tx: Tx, payload: z.input<S>, options?: EnqueueOptions): Promise<void>;
  /** Validates a payload as the worker received it and runs the handler. */
  run(raw: unknown): Promise<void>;
}

// Schedules carry no payload; graphile-worker's crontab adds `_cron` details, which are dropped.
const emptyPayload = z.object({});

export interface ScheduleDefinition extends JobDefinition<typeof emptyPayload> {
  /** A crontab line in UTC ("0 3 * * *"); graphile-worker runs it once across every worker. */
  readonly cron: string;
}

export interface EventDefinition<S extends Payload = Payload> {
  readonly kind: "event";
  readonly name: string;
  readonly payload: S;
  /** States the fact inside the transaction that made it true; subscribers run after it commits. */
  emitInTx(tx: Tx, payload: z.input<S>): Promise<void>;
}

function parsePayload<S extends Payload>(name: string, schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Invalid(`job ${name}: ${issueLines(parsed.error).join("; ")}`);
  return parsed.data;
}

export function defineJob<S extends Payload>(spec: {
  name: string;
  payload: S;
  options?: (payload: z.output<S>) => EnqueueOptions;
  handler: (payload: z.output<S>) => Promise<void>;
}): JobDefinition<S> {
  const optionsFor = (payload: z.output<S>, given?: EnqueueOptions) => ({
    ...spec.options?.(payload),
    ...given,
  });
  return {
    kind: "job",
    ...spec,
    async enqueue(raw, given) {
      const payload = parsePayload(spec.name, spec.payload, raw);
      await enqueue(spec.name, payload, optionsFor(payload, given));
    },
    async enqueueInTx(tx, raw, given) {
      const payload = parsePayload(spec.name, spec.payload, raw);
      await enqueueInTx(tx, spec.name, payload, optionsFor(payload, given));
    },
    async run(raw) {
      await spec.handler(parsePayload(spec.name, spec.payload, raw));
    },
  };
}

export function defineSchedule(spec: {
  name: string;
  cron: string;
  handler: () => Promise<void>;
}): ScheduleDefinition {
  const job = defineJob({
    name: spec.name,
    payload: emptyPayload,
    handler: () => spec.handler(),
  });
  return { ...job, cron: spec.cron };
}

/** The queue job that carries an event to its subscribers. */
export const eventJobName = (eventName: string) => `event:${eventName}`;

export function defineEvent<S extends Payload>(name: string, payload: S): EventDefinition<S> {
  return {
    kind: "event",
    name,
    payload,
    async emitInTx(tx, raw) {
      await enqueueInTx(tx, eventJobName(name), parsePayload(name, payload, raw), { maxAttempts: 10 });
    },
  };
}

/** A service's reaction to an event; it must be safe to run twice (a retried event runs all of them again). */
export interface Subscription {
  readonly event: string;
  readonly name: string;
  handle(raw: unknown): Promise<void>;
}

export function subscribe<S extends Payload>(
  event: EventDefinition<S>,
  name: string,
  handle: (payload: z.output<S>) => Promise<void>,
): Subscription {
  return {
    event: event.name,
    name,
    handle: (raw) => handle(parsePayload(event.name, event.payload, raw)),
  };
}

/**
 * One queue job per declared event, running its subscribers in the order given. An event nobody
 * subscribes to yet still gets its (empty) job, so what domains emit never piles up in the queue.
 */
export function eventJobsOf(
  events: readonly EventDefinition[],
  subscriptions: readonly Subscription[],
): RunnableJob[] {
  const declared = new Set(events.map((event) => event.name));
  for (const subscription of subscriptions)
    if (!declared.has(subscription.event))
      throw new Error(`"${subscription.name}" subscribes to the undeclared event "${subscription.event}"`);
  return events.map((event) => {
    const handlers = subscriptions.filter((subscription) => subscription.event === event.name);
    return {
      name: eventJobName(event.name),
      async run(raw: unknown) {
        for (const handler of handlers) await handler.handle(raw);
      },
    };
  });
}

/** graphile-worker's task list and crontab from the definitions; a name given twice is a mistake. */
export function workerSetupOf(jobs: readonly RunnableJob[]): {
  taskList: TaskList;
  crontab: ParsedCronItem[];
} {
  const taskList: TaskList = {};
  for (const job of jobs) {
    if (taskList[job.name]) throw new Error(`job "${job.name}" is defined twice`);
    taskList[job.name] = (payload) => job.run(payload);
  }
  const crontab = parseCronItems(
    jobs.flatMap((job) =>
      job.cron
        ? [{ task: job.name, match: job.cron, identifier: job.name, options: { backfillPeriod: 0 } }]
        : [],
    ),
  );
  return { taskList, crontab };
}
