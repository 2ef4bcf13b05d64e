// Secrets at start (issue 12): a development start generates them into DATA_DIR and keeps them; a
// production start never generates one (DATA_DIR may not persist) and names each missing setting.
import { existsSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureServerSecrets, MissingSecretsError } from "../../scripts/lib/secrets";

const NAMES = ["AUTH_SECRET", "NEXTAUTH_SECRET", "ENCRYPTION_KEY"] as const;
let saved: Record<string, string | undefined>;
let dataDir: string;

beforeEach(async () => {
  saved = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));
  for (const name of NAMES) delete process.env[name];
  dataDir = await mkdtemp(path.join(tmpdir(), "secrets-"));
});
afterEach(() => {
  for (const name of NAMES) {
    const value = saved[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("server secrets", () => {
  it("are generated once into DATA_DIR on a development start", async () => {
    await ensureServerSecrets({ dataDir, production: false, missing: "refuse" });
    const first = process.env.AUTH_SECRET;
    expect(first?.length).toBeGreaterThanOrEqual(32);
    expect(existsSync(path.join(dataDir, "encryption-key"))).toBe(true);
    delete process.env.AUTH_SECRET;
    await ensureServerSecrets({ dataDir, production: false, missing: "refuse" });
    expect(process.env.AUTH_SECRET).toBe(first);
  });

  it("are never generated on a production start: each missing one is named, with how to make it", async () => {
    // Even a value an earlier development start kept is not taken silently; the message points at it.
    await writeFile(path.join(dataDir, "auth-secret"), "kept-from-development-kept-from-dev");
    const refused = ensureServerSecrets({ dataDir, production: true, missing: "refuse" });
    await expect(refused).rejects.toBeInstanceOf(MissingSecretsError);
    await expect(refused).rejects.toThrow(/AUTH_SECRET.*openssl rand -base64 32.*auth-secret/);
    await expect(refused).rejects.toThrow(/ENCRYPTION_KEY/);
    expect(existsSync(path.join(dataDir, "encryption-key"))).toBe(false);
    expect(process.env.AUTH_SECRET).toBeUndefined();
  });

  it("come from the environment on a production start (next-auth's name for the session secret too)", async () => {
    process.env.NEXTAUTH_SECRET = "from-the-environment-from-the-environment";
    process.env.ENCRYPTION_KEY = "key-from-the-environment-key-from-the-env";
    await ensureServerSecrets({ dataDir, production: true, missing: "refuse" });
    expect(process.env.AUTH_SECRET).toBe("from-the-environment-from-the-environment");
    // The CLI skips what is missing instead of refusing: most commands need no secret.
    delete process.env.ENCRYPTION_KEY;
    await expect(
      ensureServerSecrets({ dataDir, production: true, missing: "skip" }),
    ).resolves.toBeUndefined();
  });
});
