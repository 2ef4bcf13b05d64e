// What `npm start` does before it builds and serves: the secrets, the database, the demo data.
// Safe by default: a production start (NODE_ENV=production or an external DATABASE_URL) refuses
// to generate secrets, seeds no demo accounts (their passwords are in the README) unless
// SEED_DEMO=true says so, and says how to create the first platform admin.
import { hasPlatformAdmin } from "@/lib/admin/platform-admins";
import { type PreparedDatabase, prepareDatabase } from "@/lib/core/db/bootstrap";
import { type Env, isProductionStart, parseEnv } from "@/lib/core/env";
import { seedDemoIfEmpty } from "@/lib/seed/demo";
import { ensureOfflineWhatsApp, ensureServerSecrets } from "./secrets";

export interface StartLog {
  log: (line: string) => void;
  /** Warnings an operator must not miss (stderr). */
  warn: (line: string) => void;
}

export interface PreparedStart {
  database: PreparedDatabase;
  production: boolean;
  seeded: boolean;
  offlineWhatsApp: boolean;
}

const DEMO_IN_PRODUCTION = [
  "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
  "!!! SEED_DEMO=true on a production start: demo showrooms and accounts are created in an",
  "!!! empty database, all with the password printed in the README (a super admin included).",
  "!!! Anyone who reads the README can sign in. Never do this on a server others can reach.",
  "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
];

/** `env` must be parsed from the settings as given (before the embedded database's URL is set). */
export async function prepareStart(
  options: StartLog & { env: Env; selfUrl: string },
): Promise<PreparedStart> {
  const { env, log, warn } = options;
  const production = isProductionStart(env);
  // Before the database is touched: a refused start changes nothing.
  await ensureServerSecrets({ dataDir: env.DATA_DIR, production, missing: "refuse" });
  // The offline simulator signs with a generated secret: a development convenience only.
  const offlineWhatsApp =
    !production && (await ensureOfflineWhatsApp({ dataDir: env.DATA_DIR, selfUrl: options.selfUrl }));

  // Read again: the migrations install the platform gate key derived from AUTH_SECRET, which the
  // development start may just have generated.
  const database = await prepareDatabase({
    env: { ...env, AUTH_SECRET: parseEnv(process.env).AUTH_SECRET },
    log,
  });
  let seeded = false;
  if (env.SEED_DEMO) {
    if (production) for (const line of DEMO_IN_PRODUCTION) warn(line);
    seeded = await seedDemoIfEmpty(log);
  } else if (production) {
    log("production start: no demo data (set SEED_DEMO=true only for a throwaway demo)");
  }
  if (production && !(await hasPlatformAdmin()))
    warn(
      "no platform admin yet: create the first with `npm run cli -- admin:create --email you@example.com`, then sign in at /admin/login",
    );
  return { database, production, seeded, offlineWhatsApp };
}
