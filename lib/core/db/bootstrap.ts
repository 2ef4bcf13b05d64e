// Brings a database to a usable state for the app, the CLI and the tests: the embedded server
// when DATABASE_URL is unset, migrations applied, and the connection URLs placed in process.env.
import "server-only";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/core/db/embedded";
import { migrate, roleOf } from "@/lib/core/db/migrate";
import { ensurePlatformGateKey } from "@/lib/core/db/platform-grant";
import { type Env, setEnv } from "@/lib/core/env";
import { migrateQueue } from "@/lib/core/queue/queue";

export interface PreparedDatabase {
  appUrl: string;
  adminUrl: string;
  /** Only for the embedded server: a superuser URL (tests create scratch databases with it). */
  superUrl?: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export interface PrepareOptions {
  env: Env;
  log: (line: string) => void;
  whenRunning?: "reuse" | "restart";
  database?: string;
  /** Cluster folder name under DATA_DIR (tests use their own cluster). */
  cluster?: string;
  port?: number;
}

export async function prepareDatabase(options: PrepareOptions): Promise<PreparedDatabase> {
  const { env, log } = options;
  let prepared: PreparedDatabase;
  if (env.DATABASE_URL) {
    if (!env.DATABASE_ADMIN_URL) {
      throw new Error(
        "DATABASE_URL is set but DATABASE_ADMIN_URL is not. Migrations and seeding run as the table owner: set DATABASE_ADMIN_URL to the owner's connection string.",
      );
    }
    prepared = {
      appUrl: env.DATABASE_URL,
      adminUrl: env.DATABASE_ADMIN_URL,
      embedded: false,
      stop: async () => {},
    };
  } else {
    const server = await startEmbeddedPostgres({
      dir: path.resolve(env.DATA_DIR, options.cluster ?? "postgres"),
      port: options.port ?? env.EMBEDDED_PG_PORT,
      database: options.database ?? "autolumiku",
      log,
      whenRunning: options.whenRunning ?? "restart",
    });
    prepared = { ...server, embedded: true };
  }
  try {
    const { applied } = await migrate({ adminUrl: prepared.adminUrl, appRole: roleOf(prepared.appUrl), log });
    if (applied.length === 0) log("database schema is up to date");
    await migrateQueue(prepared.adminUrl, roleOf(prepared.appUrl));
    // Platform access is signed with a key derived from AUTH_SECRET; the database needs its copy.
    if (env.AUTH_SECRET)
      await ensurePlatformGateKey({ adminUrl: prepared.adminUrl, authSecret: env.AUTH_SECRET });
    else log("AUTH_SECRET is not set: platform access stays closed until the migrations run with it");
  } catch (error) {
    await prepared.stop();
    throw error;
  }
  setEnv({ DATABASE_URL: prepared.appUrl, DATABASE_ADMIN_URL: prepared.adminUrl });
  return prepared;
}
