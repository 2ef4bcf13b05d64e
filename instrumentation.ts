// Runs once when the Next server starts: a bad setting stops it with a readable message, and the
// queue workers start with the app unless RUN_WORKERS=false (then `npm run worker` runs them).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("./lib/core/env");
  const env = getEnv();
  if (env.RUN_WORKERS && env.DATABASE_URL && process.env.NEXT_PHASE !== "phase-production-build") {
    const { ensureWorkers } = await import("./lib/jobs/workers");
    ensureWorkers().catch((error: unknown) => console.error("[queue] workers did not start:", error));
  }
}
