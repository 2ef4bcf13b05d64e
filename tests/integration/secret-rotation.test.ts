// ENCRYPTION_KEY rotation: with "new,old" every secret sealed under the old key still opens (the
// WhatsApp token, a super admin's 2FA), and `secrets:rotate` re-seals every stored secret with the
// newest key, in a database of its own so no other test's secrets change under it.
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { SECRET_COLUMNS } from "@/lib/admin/rotate-secrets";
import { totpCode } from "@/lib/auth/totp";
import { confirmEnrolment, startEnrolment, verifySecondFactor } from "@/lib/auth/two-factor";
import { encryptSecret, openSecret } from "@/lib/core/crypto";
import { migrate, roleOf } from "@/lib/core/db/migrate";
import { withTenant } from "@/lib/core/db/tenant";
import { setEnv } from "@/lib/core/env";
import { encryptAccessToken, graphClientFor } from "@/lib/whatsapp/accounts";
import { makeTenant, makeUser } from "../support/factories";
import { parsePrismaSchema } from "../support/prisma-schema";
import { runScript } from "../support/run-script";
import { dropScratchDatabases, scratchDatabase } from "../support/scratch-database";
import { TEST_ENCRYPTION_KEY } from "../support/test-secrets";

const OLD = "the-old-encryption-key-the-old-encryption-key";
const NEW = "the-new-encryption-key-the-new-encryption-key";
const STEP = 30_000;

afterEach(() => void setEnv({ ENCRYPTION_KEY: TEST_ENCRYPTION_KEY }));
afterAll(() => dropScratchDatabases());

describe('secrets sealed with the old key, after ENCRYPTION_KEY becomes "new,old"', () => {
  it("still open: the WhatsApp token and a super admin's second factor", async () => {
    setEnv({ ENCRYPTION_KEY: OLD });
    const tenant = await makeTenant();
    await withTenant(tenant.id, (tx) =>
      tx.tenant.update({
        where: { id: tenant.id },
        data: {
          whatsappPhoneNumberId: `${Date.now()}`,
          whatsappAccessTokenEnc: encryptAccessToken("EAAG-old"),
        },
      }),
    );
    const admin = await makeUser({ role: "super_admin" });
    const actor = { kind: "super_admin" as const, userId: admin.id, email: admin.email };
    const { secret } = await startEnrolment(actor);
    const now = Date.now();
    expect(await confirmEnrolment(actor, totpCode(secret, now), now)).toMatchObject({ ok: true });

    setEnv({ ENCRYPTION_KEY: `${NEW},${OLD}` });
    expect(await withTenant(tenant.id, (tx) => graphClientFor(tx, tenant.id))).not.toBeNull();
    expect(await verifySecondFactor(actor, totpCode(secret, now + STEP), now + STEP)).toMatchObject({
      ok: true,
    });
    // What is saved from now on uses the new key only.
    expect(openSecret(encryptAccessToken("EAAG-new"), [NEW, OLD]).keyIndex).toBe(0);

    // Without the old key they no longer open: the proof that they were sealed with it.
    setEnv({ ENCRYPTION_KEY: NEW });
    await expect(withTenant(tenant.id, (tx) => graphClientFor(tx, tenant.id))).rejects.toThrow(
      /ENCRYPTION_KEY/,
    );
  });
});

describe("npm run cli -- secrets:rotate", () => {
  it("covers every column that holds a sealed secret", () => {
    const schema = parsePrismaSchema(path.resolve("prisma/schema.prisma"));
    const sealed = schema.models.flatMap((model) =>
      model.fields
        .filter((field) => field.column.endsWith("_enc"))
        .map((field) => `${model.table}.${field.column}`),
    );
    expect(SECRET_COLUMNS.map((target) => `${target.table}.${target.column}`).sort()).toEqual(sealed.sort());
  });

  it("re-seals every stored secret with the newest key, leaves current ones, and is safe to run again", async () => {
    const database = await scratchDatabase("rotate");
    const env = {
      ...process.env,
      DATABASE_URL: database.appUrl,
      DATABASE_ADMIN_URL: database.adminUrl,
      ENCRYPTION_KEY: `${NEW},${OLD}`,
    };
    await migrate({ adminUrl: database.adminUrl, appRole: roleOf(database.appUrl) });

    const rows = new pg.Client({ connectionString: database.superUrl });
    await rows.connect();
    try {
      const oldTenant = randomUUID();
      const currentTenant = randomUUID();
      const admin = randomUUID();
      await rows.query(
        `INSERT INTO tenants (id, slug, name, whatsapp_access_token_enc) VALUES ($1, 'lama', 'Lama', $2), ($3, 'baru', 'Baru', $4)`,
        [oldTenant, encryptSecret("EAAG-lama", OLD), currentTenant, encryptSecret("EAAG-baru", NEW)],
      );
      await rows.query(
        `INSERT INTO users (id, email, password_hash, name, role, totp_secret_enc) VALUES ($1, 'ops@example.test', 'x', 'Ops', 'super_admin', $2)`,
        [admin, encryptSecret("JBSWY3DPEHPK3PXP", OLD)],
      );
      await rows.query(`INSERT INTO platform_settings (key, secret_enc) VALUES ('ai', $1)`, [
        encryptSecret("sk-rahasia", OLD),
      ]);

      const first = await runScript("scripts/cli.ts", ["secrets:rotate", "--json"], env);
      expect(first.code).toBe(0);
      expect(JSON.parse(first.stdout)).toEqual({ resealed: 3, current: 1, unreadable: [] });
      const stored = await rows.query<{ value: string }>(
        `SELECT whatsapp_access_token_enc AS value FROM tenants WHERE id = $1
         UNION ALL SELECT totp_secret_enc FROM users WHERE id = $2
         UNION ALL SELECT secret_enc FROM platform_settings WHERE key = 'ai'`,
        [oldTenant, admin],
      );
      expect(stored.rows.map((row) => openSecret(row.value, NEW).plaintext)).toEqual([
        "EAAG-lama",
        "JBSWY3DPEHPK3PXP",
        "sk-rahasia",
      ]);
      const audit = await rows.query(
        `SELECT 1 FROM audit_logs WHERE action = 'secrets.rotate' AND tenant_id IS NULL`,
      );
      expect(audit.rowCount).toBe(1);

      const again = await runScript("scripts/cli.ts", ["secrets:rotate", "--json"], env);
      expect(JSON.parse(again.stdout)).toEqual({ resealed: 0, current: 4, unreadable: [] });

      // A secret no listed key opens is left alone and makes the command fail, naming it.
      const lost = randomUUID();
      const sealedElsewhere = encryptSecret("EAAG-hilang", "a-key-nobody-listed-a-key-nobody-listed");
      await rows.query(
        `INSERT INTO tenants (id, slug, name, whatsapp_access_token_enc) VALUES ($1, 'hilang', 'Hilang', $2)`,
        [lost, sealedElsewhere],
      );
      const failed = await runScript("scripts/cli.ts", ["secrets:rotate"], env);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain(`tenants ${lost}`);
      const kept = await rows.query(`SELECT whatsapp_access_token_enc AS value FROM tenants WHERE id = $1`, [
        lost,
      ]);
      expect(kept.rows[0]?.value).toBe(sealedElsewhere);
    } finally {
      await rows.end();
    }
  }, 240_000);
});
