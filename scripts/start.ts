// `npm start`: the whole product on one machine. Uses DATABASE_URL when set; otherwise starts the
// embedded PostgreSQL. Migrates, seeds the demo showrooms into an empty database on a development
// start (scripts/lib/startup.ts: a production start seeds nothing and generates no secrets),
// builds when the sources changed, serves on PORT, and shuts everything down cleanly on Ctrl-C.

import type { PreparedDatabase } from "@/lib/core/db/bootstrap";
import { disconnectDb } from "@/lib/core/db/client";
import { appUrl, EnvError, parseEnv } from "@/lib/core/env";
import { DEMO_LOGINS, DEMO_PASSWORD, DEMO_SHOWROOMS } from "@/lib/seed/demo";
import { buildIfNeeded, startNext, stopChild, waitForHttp } from "./lib/next-server";
import { loadDotEnv, MissingSecretsError } from "./lib/secrets";
import { prepareStart } from "./lib/startup";

const log = (line: string) => console.log(`[autolumiku] ${line}`);

let database: PreparedDatabase | undefined;
let child: ReturnType<typeof startNext> | undefined;
let shuttingDown = false;

async function shutdown(code: number): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  if (child) await stopChild(child);
  await disconnectDb().catch(() => {});
  if (database?.embedded) log("stopping the embedded PostgreSQL");
  await database?.stop().catch(() => {});
  process.exit(code);
}

async function main(): Promise<void> {
  const dev = process.argv.includes("--dev");
  loadDotEnv();
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const env = parseEnv(process.env);
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  // The offline WhatsApp is set before the web server starts, so it signs and sends to itself.
  const selfUrl = env.INTERNAL_URL ?? `http://127.0.0.1:${env.PORT}`;
  const prepared = await prepareStart({
    env,
    selfUrl,
    log,
    warn: (line) => console.warn(`[autolumiku] ${line}`),
  });
  database = prepared.database;
  if (prepared.offlineWhatsApp) log("WhatsApp runs offline: simulator at /dashboard/simulator");
  if (prepared.seeded) log("demo showrooms created");
  if (process.env.AUTH_SECRET) process.env.NEXTAUTH_SECRET = process.env.AUTH_SECRET;
  process.env.NEXTAUTH_URL ??= appUrl(env);
  await disconnectDb();
  if (!dev) await buildIfNeeded(log);

  child = startNext({ mode: dev ? "dev" : "start", port: env.PORT, env: process.env });
  child.on("exit", (code) => {
    if (!shuttingDown) {
      log(`the web server stopped (exit code ${code ?? "signal"})`);
      void shutdown(code ?? 1);
    }
  });
  await waitForHttp(`http://127.0.0.1:${env.PORT}/login`);
  printBanner(appUrl(env), env.SEED_DEMO);
}

function printBanner(base: string, demo: boolean): void {
  const lines = [
    "",
    "autolumiku is running",
    `  Platform home      ${base}/`,
    `  Showroom sign-in   ${base}/login`,
    `  Platform sign-in   ${base}/admin/login`,
  ];
  if (demo) {
    lines.push("", "Demo showrooms");
    for (const showroom of DEMO_SHOWROOMS)
      lines.push(`  ${showroom.name.padEnd(26)} ${base}/${showroom.slug}`);
    lines.push("", `Demo sign-ins (password for all: ${DEMO_PASSWORD})`);
    for (const login of DEMO_LOGINS)
      lines.push(`  ${login.label.padEnd(34)} ${login.email.padEnd(36)} ${base}${login.page}`);
  }
  lines.push("", "Press Ctrl-C to stop.", "");
  console.log(lines.join("\n"));
}

main().catch(async (error: unknown) => {
  if (error instanceof EnvError || error instanceof MissingSecretsError) console.error(error.message);
  else
    console.error(`[autolumiku] could not start: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
