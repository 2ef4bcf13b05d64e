// Short-lived grants for platform-wide access (see prisma/migrations/20261205050000_platform_gate).
// The app signs "transaction <xid> may act platform-wide until <t>" with a key derived from
// AUTH_SECRET; the database verifies it with its own copy of the key, which only the owner can read
// or write. So the app role alone, an SQL injection included, cannot switch platform access on.
import "server-only";
import { createHash, createHmac, hkdfSync } from "node:crypto";
import pg from "pg";

const KEY_INFO = "autolumiku/platform-gate/v1";
const MESSAGE_PREFIX = "autolumiku/platform-grant/";
const BLOCK_BYTES = 64; // SHA-256's block size: HMAC pads the key to it
/** Long enough for withPlatformAccess's 60 s transaction timeout; the database refuses > 5 min. */
export const GRANT_SECONDS = 120;
/** Keys no server has installed for this long are dropped when another one is installed. */
const STALE_KEY_DAYS = 30;

export interface PlatformGateKey {
  id: string;
  key: Buffer;
}

/** The gate key for an AUTH_SECRET: derived, so neither it nor a database copy reveals the secret. */
export function platformGateKey(authSecret: string): PlatformGateKey {
  const key = Buffer.from(hkdfSync("sha256", Buffer.from(authSecret, "utf8"), "autolumiku", KEY_INFO, 32));
  const id = createHash("sha256")
    .update("autolumiku/platform-gate-key-id/")
    .update(key)
    .digest("hex")
    .slice(0, 16);
  return { id, key };
}

/** The grant for one transaction, in the format app_platform_grant_valid() checks. */
export function signPlatformGrant(
  gate: PlatformGateKey,
  transaction: { xid: string; expiresAt: number },
): string {
  const unsigned = ["v1", gate.id, transaction.xid, String(transaction.expiresAt)].join(".");
  const mac = createHmac("sha256", gate.key).update(`${MESSAGE_PREFIX}${unsigned}`).digest("hex");
  return `${unsigned}.${mac}`;
}

function pad(key: Buffer, byte: number): Buffer {
  const padded = Buffer.alloc(BLOCK_BYTES);
  key.copy(padded);
  return Buffer.from(padded.map((value) => value ^ byte));
}

/**
 * Installs (or refreshes) this AUTH_SECRET's gate key, as the owner. Several keys may be live at
 * once (a rolling deploy that changes AUTH_SECRET); keys not installed for 30 days are retired.
 */
export async function installPlatformGateKey(owner: pg.Client, authSecret: string): Promise<string> {
  const gate = platformGateKey(authSecret);
  await owner.query(
    `INSERT INTO platform_gate.keys (id, inner_pad, outer_pad) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET installed_at = now()`,
    [gate.id, pad(gate.key, 0x36), pad(gate.key, 0x5c)],
  );
  await owner.query(
    `DELETE FROM platform_gate.keys WHERE id <> $1 AND installed_at < now() - make_interval(days => $2)`,
    [gate.id, STALE_KEY_DAYS],
  );
  return gate.id;
}

/** Opens an owner connection and installs the key; for start-up and test setup. */
export async function ensurePlatformGateKey(options: {
  adminUrl: string;
  authSecret: string;
}): Promise<string> {
  const owner = new pg.Client({ connectionString: options.adminUrl });
  await owner.connect();
  try {
    return await installPlatformGateKey(owner, options.authSecret);
  } finally {
    await owner.end();
  }
}
