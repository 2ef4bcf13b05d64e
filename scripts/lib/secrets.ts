// Secrets for a machine that has not set them (embedded mode): AUTH_SECRET signs sessions,
// ENCRYPTION_KEY encrypts tokens at rest, the WhatsApp pair signs and verifies the offline
// simulator's webhooks. Each is generated once and kept in DATA_DIR.
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
