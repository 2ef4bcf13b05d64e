import { describe, expect, it } from "vitest";
import { EnvError, isProductionStart, parseEnv } from "@/lib/core/env";

describe("settings", () => {
  it("gives every setting a sensible default for the embedded demo", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      PORT: 3000,
      DATA_DIR: ".data",
      DEFAULT_LOCALE: "id",
      SEED_DEMO: true,
      RATE_LIMIT_SIGNIN_ACCOUNT: { limit: 5, windowSeconds: 15 * 60 },
      ROOT_DOMAIN: "localhost",
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("treats an empty value as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });

  it("names every bad setting in one readable message", () => {
    let error: unknown;
    try {
      parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", DEFAULT_LOCALE: "fr", AUTH_SECRET: "short" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as EnvError).message;
    for (const key of ["PORT", "DATABASE_URL", "DEFAULT_LOCALE", "AUTH_SECRET"])
      expect(message).toContain(key);
    expect(message).toContain("postgresql://");
    expect(message).toContain(".env.example");
  });

  it("accepts a list of encryption keys for rotation, each long enough", () => {
    const key = "k".repeat(32);
    expect(parseEnv({ ENCRYPTION_KEY: `${key},${key.toUpperCase()}` }).ENCRYPTION_KEY).toContain(",");
    expect(() => parseEnv({ ENCRYPTION_KEY: `${key},short` })).toThrow(/ENCRYPTION_KEY: every key/);
  });

  it("reads yes/no style flags", () => {
    expect(parseEnv({ SEED_DEMO: "false" }).SEED_DEMO).toBe(false);
    expect(parseEnv({ SEED_DEMO: "1" }).SEED_DEMO).toBe(true);
  });

  it("seeds demo data by default only on a development start on the embedded database (issue 12)", () => {
    const external = "postgresql://app:secret@db.internal:5432/autolumiku";
    expect(parseEnv({ NODE_ENV: "production" }).SEED_DEMO).toBe(false);
    expect(parseEnv({ DATABASE_URL: external }).SEED_DEMO).toBe(false);
    expect(parseEnv({ NODE_ENV: "development" }).SEED_DEMO).toBe(true);
    // Only an explicit SEED_DEMO=true seeds a production start (and the start warns loudly).
    expect(parseEnv({ NODE_ENV: "production", SEED_DEMO: "true" }).SEED_DEMO).toBe(true);
    expect(parseEnv({ SEED_DEMO: "false" }).SEED_DEMO).toBe(false);
    expect(isProductionStart(parseEnv({ NODE_ENV: "production" }))).toBe(true);
    expect(isProductionStart(parseEnv({ DATABASE_URL: external }))).toBe(true);
    expect(isProductionStart(parseEnv({}))).toBe(false);
  });
});
