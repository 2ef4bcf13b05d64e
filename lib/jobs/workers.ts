// Starts the queue workers once per process (the web server's instrumentation, or `npm run worker`).
import type { Runner } from "graphile-worker";
import { startWorkers } from "@/lib/core/queue/queue";
import { workerSetup } from "@/lib/jobs";

const holder = globalThis as { autolumikuWorkers?: Promise<Runner> };

export function ensureWorkers(): Promise<Runner> {
  holder.autolumikuWorkers ??= startWorkers(workerSetup());
  return holder.autolumikuWorkers;
}

export async function stopWorkers(): Promise<void> {
  const running = holder.autolumikuWorkers;
  holder.autolumikuWorkers = undefined;
  if (running) await (await running).stop();
}
