// Every setting autolumiku reads, parsed once with zod. .env.example documents the same keys.
import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/.+/, "must look like postgresql://user:password@host:5432/database");

export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Public base URL of the platform host; defaults to http://localhost:PORT */
  APP_URL: z.url().optional(),
  /** App role connection (not superuser, not table owner). Unset: an embedded PostgreSQL is started. */
  DATABASE_URL: postgresUrl.optional(),
  /** Owner role connection, used only for migrations and seeding. */
  DATABASE_ADMIN_URL: postgresUrl.optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Where the embedded database, uploads and generated secrets live (git-ignored). */
  DATA_DIR: z.string().min(1).default(".data"),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  /** Signs session cookies. Generated and kept in DATA_DIR when unset (embedded mode only). */
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional(),
  /** Showrooms are served at {slug}.{ROOT_DOMAIN} as well as /{slug}. */
  ROOT_DOMAIN: z.string().min(1).default("localhost"),
  DEFAULT_LOCALE: z.enum(["id", "en"]).default("id"),
  /** Seed demo showrooms when the database has no showroom yet. */
  SEED_DEMO: flag.default(true),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
});

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  constructor(public readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((line) => `  - ${line}`).join("\n")}\nSee .env.example for every setting.`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty value in a .env file means "not set", not "set to the empty string".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`));
  }
  return result.data;
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function appUrl(env: Env = getEnv()): string {
  return (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
}
