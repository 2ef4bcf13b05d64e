// Every setting autolumiku reads, parsed once with zod. .env.example documents the same keys.
import { isIP } from "node:net";
import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const WINDOW_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** A rate limit written "count/window" ("5/15m", "50/1d"). */
const rateLimit = z
  .string()
  .regex(/^\d{1,6}\/\d{1,4}[smhd]$/, "must look like 5/15m: a count, a slash and a window in s, m, h or d")
  .transform((value) => {
    const [count = "0", window = "1s"] = value.split("/");
    const unit = window.slice(-1) as keyof typeof WINDOW_SECONDS;
    return { limit: Number(count), windowSeconds: Number(window.slice(0, -1)) * WINDOW_SECONDS[unit] };
  })
  .refine(
    (value) => value.limit >= 1 && value.windowSeconds >= 1,
    "needs a count and a window of at least 1",
  );

export type RateLimitSetting = z.output<typeof rateLimit>;

/** "203.0.113.53", "127.0.0.1:5353", "[2001:db8::53]:53" or a bare IPv6 address. */
function isDnsServer(value: string): boolean {
  const bracketed = value.match(/^\[(.+)\](?::(\d{1,5}))?$/);
  if (bracketed) return isIP(bracketed[1] ?? "") === 6 && Number(bracketed[2] ?? 53) <= 65535;
  if (isIP(value)) return true;
  const [host = "", port = "", ...rest] = value.split(":");
  return rest.length === 0 && isIP(host) === 4 && /^\d{1,5}$/.test(port) && Number(port) <= 65535;
}

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/.+/, "must look like postgresql://user:password@host:5432/database");

export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Public base URL of the platform host; defaults to http://localhost:PORT */
  APP_URL: z.url().optional(),
  /** How the CLI and out-of-process workers reach the running server (cache revalidation); defaults to http://127.0.0.1:PORT */
  INTERNAL_URL: z.url().optional(),
  /** App role connection (not superuser, not table owner). Unset: an embedded PostgreSQL is started. */
  DATABASE_URL: postgresUrl.optional(),
  /** Owner role connection, used only for migrations and seeding. */
  DATABASE_ADMIN_URL: postgresUrl.optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Where the embedded database, uploads and generated secrets live (git-ignored). */
  DATA_DIR: z.string().min(1).default(".data"),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  /** Signs session cookies. Generated and kept in DATA_DIR when unset, on a development start only (scripts/lib/secrets.ts). */
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional(),
  /** Showrooms are served at {slug}.{ROOT_DOMAIN} as well as /{slug}. */
  ROOT_DOMAIN: z.string().min(1).default("localhost"),
  DEFAULT_LOCALE: z.enum(["id", "en"]).default("id"),
  /**
   * DNS servers that check custom domains' TXT records ("1.1.1.1,8.8.8.8", "127.0.0.1:5353").
   * Unset: the system's resolvers.
   */
  DNS_SERVERS: z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().refine(isDnsServer, "must be IP addresses with an optional :port")).min(1))
    .optional(),
  /** How long a verified custom domain keeps serving after its TXT record stops checking out. */
  DOMAIN_GRACE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72),
  /**
   * Seed demo showrooms (with their known demo passwords) when the database has no showroom yet.
   * Unset: only for a development start on the embedded database; a production start
   * (NODE_ENV=production or DATABASE_URL set) seeds nothing unless this says true.
   */
  SEED_DEMO: flag.optional(),
  /**
   * Abuse limits (lib/core/rate-limit.ts), each "count/window" with the window in s, m, h or d.
   * Sign-in: failures per account from one address before each further try waits (1 s, doubling,
   * at most the window); failures per address across accounts (password spraying).
   */
  RATE_LIMIT_SIGNIN_ACCOUNT: rateLimit.prefault("5/15m"),
  RATE_LIMIT_SIGNIN_ADDRESS: rateLimit.prefault("20/15m"),
  /** The catalog's lead form: submissions per address (all showrooms) and per phone per showroom. */
  RATE_LIMIT_LEAD_ADDRESS: rateLimit.prefault("5/10m"),
  RATE_LIMIT_LEAD_PHONE: rateLimit.prefault("3/1h"),
  /** WhatsApp webhook: requests with a bad signature per address. */
  RATE_LIMIT_WEBHOOK_BAD_SIGNATURE: rateLimit.prefault("10/10m"),
  /** The assistant, per buyer: messages answered per window, and LLM turns (then the local engine). */
  RATE_LIMIT_BUYER_MESSAGES: rateLimit.prefault("10/1m"),
  RATE_LIMIT_BUYER_LLM_CALLS: rateLimit.prefault("50/1d"),
  /**
   * Reverse proxies in front of the app that append to X-Forwarded-For (a load balancer, nginx).
   * 0: the header is ignored (a client could write anything there); N: the N-th address from the
   * right is the client, the one the outermost proxy saw.
   */
  TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * Encrypts secrets at rest (WhatsApp tokens, AI keys, TOTP secrets). Generated in DATA_DIR when
   * unset, on a development start only. Rotation: "new,old" (newest first; each key 32+ characters), then
   * `npm run cli -- secrets:rotate`, then drop the old key.
   */
  ENCRYPTION_KEY: z
    .string()
    .min(32, "must be at least 32 characters (try: openssl rand -base64 32)")
    .refine(
      (value) => value.split(",").every((key) => key.trim().length >= 32),
      "every key in the list must be at least 32 characters (try: openssl rand -base64 32)",
    )
    .optional(),

  /** Photos on S3 or any S3-compatible store when S3_BUCKET is set; local disk under DATA_DIR otherwise. */
  S3_BUCKET: z.string().min(3).optional(),
  S3_REGION: z.string().min(1).default("ap-southeast-3"),
  /** For S3-compatible stores (MinIO, R2, Wasabi...). Unset: AWS. */
  S3_ENDPOINT: z.url().optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: flag.default(false),
  /** Public base URL of the bucket (a CDN, say); unset: photos are served through /media. */
  S3_PUBLIC_URL: z.url().optional(),

  /** WhatsApp Cloud API: the Meta app's secret (signs webhooks) and the verify token you chose. */
  WHATSAPP_APP_SECRET: z.string().min(1).optional(),
  WHATSAPP_VERIFY_TOKEN: z.string().min(1).optional(),
  WHATSAPP_GRAPH_API_URL: z.url().default("https://graph.facebook.com"),
  WHATSAPP_API_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/, "must look like v23.0")
    .default("v23.0"),
  /** Run queue workers inside the web process (set false when running `npm run worker` separately). */
  RUN_WORKERS: flag.default(true),
  /** Schema of the job queue in the same database (separate test servers get their own). */
  QUEUE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, "must be a plain lower-case schema name")
    .default("graphile_worker"),

  /** Assistant: local (offline, default), anthropic or openai. */
  AI_PROVIDER: z.enum(["local", "anthropic", "openai"]).default("local"),
  ANTHROPIC_API_KEY: z.string().min(1).optional(),
  ANTHROPIC_BASE_URL: z.url().optional(),
  ANTHROPIC_MODEL: z.string().min(1).default("claude-sonnet-4-5"),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().min(1).default("gpt-4.1-mini"),
  AI_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(20_000),
  AI_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
});

type ParsedEnv = z.infer<typeof EnvSchema>;
export type Env = Omit<ParsedEnv, "SEED_DEMO"> & { SEED_DEMO: boolean };

/**
 * A start that may face the internet or real data: NODE_ENV=production, or an external database
 * (DATABASE_URL given by the operator rather than the embedded one). Such a start seeds no demo
 * accounts unless told to, and generates no secrets into DATA_DIR, which may not persist.
 * Decide it from the settings as given, before the embedded database's URL is placed in them.
 */
export function isProductionStart(env: Pick<ParsedEnv, "NODE_ENV" | "DATABASE_URL">): boolean {
  return env.NODE_ENV === "production" || env.DATABASE_URL !== undefined;
}

export class EnvError extends Error {
  constructor(public readonly issues: string[]) {
    super(
      `Invalid configuration:\n${issues.map((line) => `  - ${line}`).join("\n")}\nSee .env.example for every setting.`,
    );
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty value in a .env file means "not set", not "set to the empty string".
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => `${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`),
    );
  }
  return { ...result.data, SEED_DEMO: result.data.SEED_DEMO ?? !isProductionStart(result.data) };
}

let cached: Env | undefined;

/** next-auth's own names are accepted for the session secret and the public URL. */
function fromProcess(): Record<string, string | undefined> {
  const source = { ...process.env };
  source.AUTH_SECRET ||= source.NEXTAUTH_SECRET;
  source.APP_URL ||= source.NEXTAUTH_URL;
  return source;
}

export function getEnv(): Env {
  cached ??= parseEnv(fromProcess());
  return cached;
}

/**
 * Settings decided while starting (the embedded database's URLs, generated secrets, a test's own
 * queue): written where child processes inherit them, and read again by this process.
 */
export function setEnv(values: Partial<Record<keyof Env | "NEXTAUTH_SECRET" | "NEXTAUTH_URL", string>>): Env {
  for (const [key, value] of Object.entries(values)) process.env[key] = value;
  cached = undefined;
  return getEnv();
}

export function appUrl(env: Env = getEnv()): string {
  return (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
}
