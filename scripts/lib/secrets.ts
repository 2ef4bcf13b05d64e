// Secrets for a machine that has not set them: AUTH_SECRET signs sessions, ENCRYPTION_KEY encrypts
// tokens and 2FA secrets at rest, the WhatsApp pair signs and verifies the offline simulator's
// webhooks. A development start generates each once and keeps it in DATA_DIR. A production start
// (NODE_ENV=production or an external database) never does: DATA_DIR may not persist (a container's
// disk), and a regenerated key signs everyone out and leaves the stored tokens unreadable.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const FILES = {
  AUTH_SECRET: "auth-secret",
  ENCRYPTION_KEY: "encryption-key",
  WHATSAPP_APP_SECRET: "whatsapp-app-secret",
  WHATSAPP_VERIFY_TOKEN: "whatsapp-verify-token",
} as const;
type SecretName = keyof typeof FILES;

/** The secrets the web server, the worker and the CLI share. */
export const SERVER_SECRETS = ["AUTH_SECRET", "ENCRYPTION_KEY"] as const satisfies readonly SecretName[];

/** A production start without the secrets it would otherwise have to generate. */
export class MissingSecretsError extends Error {
  constructor(
    public readonly names: readonly SecretName[],
    dataDir: string,
  ) {
    const lines = names.map((name) => {
      const file = path.resolve(dataDir, FILES[name]);
      const kept = existsSync(file)
        ? ` (an earlier development start kept one in ${file}: use that value to keep what it protects)`
        : "";
      return `  - ${name}: at least 32 characters, e.g. \`openssl rand -base64 32\`${kept}`;
    });
    super(
      [
        "Refusing to start: a production start (NODE_ENV=production or DATABASE_URL set) does not generate secrets into DATA_DIR, which may not persist.",
        "Set these in the environment (or .env) and keep them safe:",
        ...lines,
      ].join("\n"),
    );
    this.name = "MissingSecretsError";
  }
}

/** The setting from the environment, else from DATA_DIR, generating it there the first time. */
export async function ensureSecret(dataDir: string, name: SecretName): Promise<string> {
  const fromEnv = process.env[name];
  if (fromEnv) return fromEnv;
  const file = path.resolve(dataDir, FILES[name]);
  if (!existsSync(file)) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  const value = (await readFile(file, "utf8")).trim();
  process.env[name] = value;
  return value;
}

/**
 * The server's secrets for this start: generated into DATA_DIR on a development start; on a
 * production start they must come from the environment, and `missing: "refuse"` (server, worker)
 * throws MissingSecretsError naming every one that does not, while `missing: "skip"` (the CLI,
 * whose commands mostly need none) leaves them unset.
 */
export async function ensureServerSecrets(options: {
  dataDir: string;
  production: boolean;
  missing: "refuse" | "skip";
}): Promise<void> {
  if (!options.production) {
    for (const name of SERVER_SECRETS) await ensureSecret(options.dataDir, name);
    return;
  }
  // next-auth's own name for the session secret counts too (lib/core/env.ts reads both).
  const nextAuthSecret = process.env.NEXTAUTH_SECRET;
  if (!process.env.AUTH_SECRET && nextAuthSecret) process.env.AUTH_SECRET = nextAuthSecret;
  const absent = SERVER_SECRETS.filter((name) => !process.env[name]);
  if (absent.length > 0 && options.missing === "refuse")
    throw new MissingSecretsError(absent, options.dataDir);
}

export async function ensureAuthSecret(dataDir: string): Promise<string> {
  return ensureSecret(dataDir, "AUTH_SECRET");
}

/**
 * No WhatsApp settings at all (a newcomer's `npm start`): the app signs its own simulated webhooks
 * and sends to its own Graph API stand-in at {selfUrl}/api/graph-sim, so the assistant works offline.
 * Any WhatsApp setting given means a real Meta app is meant; then nothing is changed.
 */
export async function ensureOfflineWhatsApp(options: { dataDir: string; selfUrl: string }): Promise<boolean> {
  const given = ["WHATSAPP_APP_SECRET", "WHATSAPP_VERIFY_TOKEN", "WHATSAPP_GRAPH_API_URL"].some(
    (name) => process.env[name],
  );
  if (given) return false;
  await ensureSecret(options.dataDir, "WHATSAPP_APP_SECRET");
  await ensureSecret(options.dataDir, "WHATSAPP_VERIFY_TOKEN");
  process.env.WHATSAPP_GRAPH_API_URL = `${options.selfUrl.replace(/\/$/, "")}/api/graph-sim`;
  return true;
}

/** Node 20.12+ reads .env files natively; settings already in the environment win. */
export function loadDotEnv(): void {
  if (existsSync(".env")) process.loadEnvFile(".env");
}
