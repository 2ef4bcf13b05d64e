// A production start on an empty database (issue 12): it used to seed the demo showrooms,
// including a super admin whose password is in the README and who had no second factor yet, so
// whoever signed in first owned the platform. Now it refuses to generate secrets into a folder that
// may not persist, seeds nothing, and the first platform admin comes from `admin:create` with a
// one-time password, the second factor and a new password at the first sign-in.
import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { changePasswordAction } from "@/app/(platform)/account/password/actions";
import { setShowroomStatusAction } from "@/app/(platform)/admin/actions";
import { createPlatformAdmin } from "@/lib/admin/platform-admins";
import { authenticate } from "@/lib/auth/authenticate";
import { makeTenant } from "../support/factories";
import { signInAs } from "../support/framework";
import { runScript } from "../support/run-script";
import { dropScratchDatabases, scratchDatabase } from "../support/scratch-database";
import { verifiedSuperAdmin } from "../support/super-admin";

const superUrl = process.env.TEST_SUPERUSER_URL;

const emptyDatabase = () => scratchDatabase("prodstart");

afterAll(dropScratchDatabases);

/** The environment an operator would give a production start: nothing inherited but the basics. */
async function productionEnv(
  database: { appUrl: string; adminUrl: string },
  extra: Record<string, string> = {},
) {
  return {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    NODE_ENV: "production" as const,
    DATABASE_URL: database.appUrl,
    DATABASE_ADMIN_URL: database.adminUrl,
    // A fresh folder: nothing an earlier development start kept.
    DATA_DIR: await mkdtemp(path.join(tmpdir(), "autolumiku-prod-")),
    ...extra,
  };
}

/** A count as the superuser, past row-level security (the platform flag no longer opens it). */
async function count(superUrl: string, sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: superUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(sql);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

const SECRETS = {
  AUTH_SECRET: "prod-auth-secret-prod-auth-secret-0123456789",
  ENCRYPTION_KEY: "prod-encryption-key-prod-encryption-key-0123",
};

describe.skipIf(!superUrl)("a production start on an empty database (issue 12)", () => {
  it("refuses to generate its secrets, names the settings to set, and touches nothing", async () => {
    const database = await emptyDatabase();
    const started = await runScript("tests/support/prepare-start.ts", [], await productionEnv(database));
    expect(started.code).toBe(3);
    expect(started.stderr).toContain("Refusing to start");
    expect(started.stderr).toContain("AUTH_SECRET");
    expect(started.stderr).toContain("ENCRYPTION_KEY");
    expect(
      await count(database.superUrl, "SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'"),
    ).toBe(0);
  }, 120_000);

  it("migrates, creates no account at all, and says how to create the first platform admin", async () => {
    const database = await emptyDatabase();
    const env = await productionEnv(database, SECRETS);
    const started = await runScript("tests/support/prepare-start.ts", [], env);
    expect(started.code, started.stderr).toBe(0);
    expect(JSON.parse(started.stdout)).toEqual({ production: true, seeded: false });
    expect(started.stderr).toContain("npm run cli -- admin:create");
    expect(await count(database.superUrl, "SELECT count(*) AS n FROM users")).toBe(0);
    expect(await count(database.superUrl, "SELECT count(*) AS n FROM tenants")).toBe(0);

    // The operator's first admin: a one-time password, a forced change, no second factor yet.
    const created = await runScript(
      "scripts/cli.ts",
      ["admin:create", "--email", "ops@example.test", "--json"],
      env,
    );
    expect(created.code, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({
      email: "ops@example.test",
      temporaryPassword: expect.stringMatching(/^[A-Za-z0-9]{12}$/),
    });
    expect(
      await count(
        database.superUrl,
        "SELECT count(*) AS n FROM users WHERE role = 'super_admin' AND must_change_password AND totp_enabled_at IS NULL",
      ),
    ).toBe(1);

    // Nor does the demo seed run by hand without SEED_DEMO=true.
    const seeded = await runScript("scripts/cli.ts", ["db:seed"], env);
    expect(seeded.code).toBe(2);
    expect(seeded.stderr).toContain("SEED_DEMO=true");
    expect(await count(database.superUrl, "SELECT count(*) AS n FROM tenants")).toBe(0);
  }, 180_000);
});

describe("the first platform admin (issue 12)", () => {
  it("must pass the second factor, then choose a new password, before the console does anything", async () => {
    const tenant = await makeTenant();
    const email = `ops-${randomBytes(3).toString("hex")}@example.test`;
    const created = await createPlatformAdmin({ email });
    const admin = {
      id: created.id,
      email,
      password: created.temporaryPassword,
      role: "super_admin" as const,
      tenantId: null,
    };
    expect(await authenticate({ email, password: admin.password, area: "admin" })).toMatchObject({
      ok: true,
    });
    await signInAs(admin);
    expect(await setShowroomStatusAction({ tenantId: tenant.id, status: "suspended" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    await verifiedSuperAdmin(admin);
    expect(await setShowroomStatusAction({ tenantId: tenant.id, status: "suspended" })).toMatchObject({
      ok: false,
      code: "password_change_required",
    });
    expect(
      await changePasswordAction({ currentPassword: admin.password, password: "sandi-operator-1" }),
    ).toMatchObject({ ok: true, data: { next: "/admin" } });
    expect(await setShowroomStatusAction({ tenantId: tenant.id, status: "suspended" })).toMatchObject({
      ok: true,
    });
  });
});
