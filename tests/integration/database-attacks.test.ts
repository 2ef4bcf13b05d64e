// Attacks on the database itself, written the way an SQL injection in a showroom's query would try
// them: on the app's own connection and role (db(), and a raw client on DATABASE_URL sending stacked
// statements), inside a showroom's transaction. The app role must not be able to switch platform
// access on, read password hashes or reach the platform gate's key; and the platform's record of a
// deleted showroom must survive the deletion.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "@/lib/admin/audit";
import { exportShowroom } from "@/lib/admin/export";
import { deleteShowroom } from "@/lib/admin/showrooms";
import { authenticate } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { db, type Tx } from "@/lib/core/db/client";
import { withPlatformAccess } from "@/lib/core/db/platform";
import { GRANT_SECONDS, platformGateKey, signPlatformGrant } from "@/lib/core/db/platform-grant";
import { withTenant } from "@/lib/core/db/tenant";
import { makeTenant, makeUser } from "../support/factories";
import { TEST_AUTH_SECRET } from "../support/test-secrets";

const platformTest = {
  actor: { kind: "system", name: "test" },
  action: "test.read",
  entity: "tenant",
} as const;

let a: string;
let b: string;
let ownerOfA: Awaited<ReturnType<typeof makeUser>>;
let ownerOfB: Awaited<ReturnType<typeof makeUser>>;
let injected: pg.Client;

beforeAll(async () => {
  a = (await makeTenant("Showroom A")).id;
  b = (await makeTenant("Showroom B")).id;
  ownerOfA = await makeUser({ tenantId: a, role: "owner" });
  ownerOfB = await makeUser({ tenantId: b, role: "owner" });
  await makeUser({ role: "super_admin" });
  await withPlatformAccess({ ...platformTest, action: "test.setting", entity: "platform_settings" }, (tx) =>
    tx.platformSetting.upsert({ where: { key: "attack-test" }, create: { key: "attack-test" }, update: {} }),
  );
  // The app role, as the app connects (an injected string arrives on such a connection).
  injected = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await injected.connect();
});
afterAll(() => injected.end());

/** What a showroom's transaction can see of other showrooms and of the platform. */
async function reach(tx: Tx) {
  const count = async (sql: string, ...values: unknown[]) =>
    Number((await tx.$queryRawUnsafe<{ n: bigint }[]>(sql, ...values))[0]?.n ?? -1n);
  return {
    tenants: (await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text AS id FROM tenants`)).map(
      (t) => t.id,
    ),
    otherUsers: await count(`SELECT count(*) AS n FROM users WHERE tenant_id IS DISTINCT FROM $1::uuid`, a),
    platformAudit: await count(`SELECT count(*) AS n FROM audit_logs WHERE tenant_id IS NULL`),
    platformSettings: await count(`SELECT count(*) AS n FROM platform_settings`),
  };
}

const ownShowroomOnly = () => ({ tenants: [a], otherUsers: 0, platformAudit: 0, platformSettings: 0 });

/** The current transaction's id, as an attacker's statement can read it. */
async function xidOf(tx: Tx): Promise<string> {
  const [row] = await tx.$queryRawUnsafe<{ xid: string }[]>(`SELECT pg_current_xact_id()::text AS xid`);
  return row?.xid ?? "";
}

describe("the app role switching platform access on by itself", () => {
  it("sets the old platform flag inside a showroom's transaction and still sees only that showroom", async () => {
    const seen = await withTenant(a, async (tx) => {
      await tx.$queryRawUnsafe(`SELECT set_config('app.platform_admin', 'on', true)`);
      return reach(tx);
    });
    expect(seen).toEqual(ownShowroomOnly());
  });

  it("stacks the flag and a read in one injected string and gets nothing, then is refused a write", async () => {
    const results = (await injected.query(
      `BEGIN; SELECT set_config('app.platform_admin', 'on', true); SET LOCAL app.platform_admin = 'on';
       SELECT count(*)::int AS n FROM tenants; SELECT count(*)::int AS n FROM users; COMMIT;`,
    )) as unknown as pg.QueryResult<{ n: number }>[];
    expect(results.map((result) => result.rows[0]?.n).filter((n) => n !== undefined)).toEqual([0, 0]);
    await expect(
      injected.query(
        `BEGIN; SET LOCAL app.platform_admin = 'on'; INSERT INTO platform_settings (key) VALUES ('sneaky'); COMMIT;`,
      ),
    ).rejects.toThrow(/row-level security/);
    await injected.query("ROLLBACK");
  });

  it("presents a grant signed with a guessed key and is refused", async () => {
    const guessed = platformGateKey("a-guess-at-the-auth-secret-0123456789");
    await expect(
      withTenant(a, async (tx) => {
        const [now] = await tx.$queryRawUnsafe<{ s: number }[]>(`SELECT extract(epoch FROM now())::int AS s`);
        const forged = signPlatformGrant(guessed, { xid: await xidOf(tx), expiresAt: (now?.s ?? 0) + 60 });
        await tx.$executeRawUnsafe(`SELECT app_platform_enter($1)`, forged);
      }),
    ).rejects.toThrow(/platform access refused/);
    // Set directly, the forged grant opens nothing either.
    const seen = await withTenant(a, async (tx) => {
      const forged = signPlatformGrant(guessed, { xid: await xidOf(tx), expiresAt: Date.now() / 1000 + 60 });
      await tx.$queryRawUnsafe(`SELECT set_config('app.platform_grant', $1, true)`, forged);
      return reach(tx);
    });
    expect(seen).toEqual(ownShowroomOnly());
  });

  it("replays a real grant from another transaction and gets nothing", async () => {
    // Even with the real key (as if a grant had leaked into a log), a grant names its transaction.
    const real = platformGateKey(TEST_AUTH_SECRET);
    const leaked = await db().$transaction(async (tx) =>
      signPlatformGrant(real, { xid: await xidOf(tx), expiresAt: Math.floor(Date.now() / 1000) + 60 }),
    );
    await expect(
      withTenant(a, (tx) => tx.$executeRawUnsafe(`SELECT app_platform_enter($1)`, leaked)),
    ).rejects.toThrow(/platform access refused/);
    const seen = await withTenant(a, async (tx) => {
      await xidOf(tx);
      await tx.$queryRawUnsafe(`SELECT set_config('app.platform_grant', $1, true)`, leaked);
      return reach(tx);
    });
    expect(seen).toEqual(ownShowroomOnly());
  });

  it("refuses an expired grant and one that claims to last an hour", async () => {
    const real = platformGateKey(TEST_AUTH_SECRET);
    for (const lifetime of [-5, 3600]) {
      await expect(
        withTenant(a, async (tx) => {
          const [now] = await tx.$queryRawUnsafe<{ s: number }[]>(
            `SELECT extract(epoch FROM clock_timestamp())::int AS s`,
          );
          const grant = signPlatformGrant(real, {
            xid: await xidOf(tx),
            expiresAt: (now?.s ?? 0) + lifetime,
          });
          await tx.$executeRawUnsafe(`SELECT app_platform_enter($1)`, grant);
        }),
      ).rejects.toThrow(/platform access refused/);
    }
  });

  it("cannot read or replace the gate's key, nor become the owner", async () => {
    const [owner] = await db().$queryRawUnsafe<{ name: string }[]>(
      `SELECT quote_ident(tableowner) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename = 'users'`,
    );
    for (const statement of [
      `SELECT * FROM platform_gate.keys`,
      `INSERT INTO platform_gate.keys (id, inner_pad, outer_pad) VALUES ('mine', '\\x00', '\\x00')`,
      `DELETE FROM platform_gate.keys`,
      `SET ROLE ${owner?.name}`,
    ])
      await expect(
        withTenant(a, (tx) => tx.$executeRawUnsafe(statement)),
        statement,
      ).rejects.toThrow(/permission denied/);
  });

  it("leaves the audited platform path working: it sees every showroom", async () => {
    const seen = await withPlatformAccess(platformTest, async (tx) => ({
      ...(await reach(tx)),
      grantLifetime: GRANT_SECONDS,
    }));
    expect(seen.tenants).toEqual(expect.arrayContaining([a, b]));
    expect(seen.otherUsers).toBeGreaterThan(0);
    expect(seen.platformAudit).toBeGreaterThan(0);
    expect(seen.platformSettings).toBeGreaterThan(0);
  });

  it("has no policy left that trusts the old flag", async () => {
    const rows = await db().$queryRawUnsafe<{ table: string; policy: string }[]>(
      `SELECT tablename AS table, policyname AS policy FROM pg_policies
        WHERE schemaname = 'public' AND (coalesce(qual, '') || coalesce(with_check, '')) LIKE '%platform_admin%'`,
    );
    expect(rows).toEqual([]);
  });
});

describe("password hashes", () => {
  it("cannot be selected by the app role, in a showroom's transaction or on a bare connection", async () => {
    await expect(
      withTenant(a, (tx) =>
        tx.$queryRawUnsafe(`SELECT password_hash FROM users WHERE id = $1::uuid`, ownerOfA.id),
      ),
    ).rejects.toThrow(/permission denied/);
    for (const statement of [
      `SELECT password_hash FROM users`,
      `SELECT * FROM users`,
      `SELECT to_jsonb(u) FROM users u`,
      `SELECT count(*) FROM users WHERE password_hash LIKE '$2%'`,
    ])
      await expect(injected.query(statement), statement).rejects.toThrow(/permission denied/);
  });

  it("are not returned by the sign-in lookup, and the salt it hands out is not the hash", async () => {
    const [row] = await db().$queryRaw<
      Record<string, unknown>[]
    >`SELECT * FROM app_auth_user(${ownerOfA.email})`;
    expect(row).toMatchObject({ id: ownerOfA.id });
    expect(Object.keys(row ?? {})).not.toContain("password_hash");
    expect(JSON.stringify(row)).not.toMatch(/\$2[aby]\$/);
    const [salt] = await db().$queryRaw<
      { salt: string }[]
    >`SELECT app_password_salt(${ownerOfA.id}::uuid) AS salt`;
    expect(salt?.salt).toMatch(/^\$2[aby]\$\d\d\$[./A-Za-z0-9]{22}$/);
  });

  it("still decide sign-in, and a new password can still be set", async () => {
    expect(
      await authenticate({ email: ownerOfB.email, password: ownerOfB.password, area: "dashboard" }),
    ).toMatchObject({ ok: true });
    expect(
      await authenticate({ email: ownerOfB.email, password: "not-the-password", area: "dashboard" }),
    ).toEqual({ ok: false, reason: "invalid_credentials" });
    const next = `baru-${randomUUID().slice(0, 8)}`;
    const passwordHash = await hashPassword(next);
    await withTenant(b, (tx) => tx.user.update({ where: { id: ownerOfB.id }, data: { passwordHash } }));
    expect(await authenticate({ email: ownerOfB.email, password: next, area: "dashboard" })).toMatchObject({
      ok: true,
    });
  });
});

describe("the platform's audit of a deleted showroom", () => {
  it("keeps the deletion record, still found by the showroom's slug after it is gone", async () => {
    const admin = await makeUser({ role: "super_admin" });
    const actor = { kind: "super_admin" as const, userId: admin.id, email: admin.email };
    const doomed = await makeTenant("Doomed");
    await makeUser({ tenantId: doomed.id, role: "sales" });
    await exportShowroom(actor, doomed.id);
    expect(await deleteShowroom(actor, { tenantId: doomed.id, confirmSlug: doomed.slug })).toEqual({
      deleted: doomed.slug,
    });

    const rows = await listAudit(actor, { tenant: doomed.slug });
    expect(rows.map((row) => row.action)).toEqual(expect.arrayContaining(["tenant.delete", "tenant.export"]));
    const deletion = await withPlatformAccess(platformTest, (tx) =>
      tx.auditLog.findMany({ where: { action: "tenant.delete", subjectTenantId: doomed.id } }),
    );
    expect(deletion).toHaveLength(1);
    expect(deletion[0]).toMatchObject({
      tenantId: null,
      actorId: admin.id,
      subjectTenantSlug: doomed.slug,
      entityId: doomed.id,
    });
    // The showroom's own log went with it.
    const own = await withPlatformAccess(platformTest, (tx) =>
      tx.auditLog.count({ where: { tenantId: doomed.id } }),
    );
    expect(own).toBe(0);
  });
});
