// The database, not our WHERE clauses, keeps showrooms apart: for every tenant table, showroom A
// can neither read, update, delete nor insert showroom B's rows, and no tenant means no rows.
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "@/lib/core/db/client";
import { db } from "@/lib/core/db/client";
import { withPlatformAccess } from "@/lib/core/db/platform";
import { withTenant } from "@/lib/core/db/tenant";
import { makeTenant, makeUser } from "../support/factories";
import { parsePrismaSchema } from "../support/prisma-schema";

const schema = parsePrismaSchema(path.resolve("prisma/schema.prisma"));
/** Every table that belongs to a showroom: those with tenant_id, and the showroom table itself. */
const TENANT_TABLES = schema.models
  .filter((model) => model.table === "tenants" || model.fields.some((field) => field.column === "tenant_id"))
  .map((model) => model.table);
const tenantColumn = (table: string) => (table === "tenants" ? "id" : "tenant_id");
/** Platform-level tables: no showroom owns their rows; only the audited platform path and narrow functions reach them (ended_sessions: app_end_session and app_session_user). */
const PLATFORM_TABLES = [
  "platform_settings",
  "webhook_events",
  "webhook_dead_letters",
  "rate_limits",
  "ended_sessions",
];

async function fillEveryTable(tenantId: string): Promise<void> {
  const owner = await makeUser({ tenantId, role: "owner" });
  await withTenant(tenantId, async (tx: Tx) => {
    await tx.tenantDomain.create({ data: { tenantId, domain: `${randomUUID().slice(0, 8)}.example.test` } });
    const vehicle = await tx.vehicle.create({
      data: {
        tenantId,
        stockCode: "ISO-1",
        slug: "toyota-avanza-2019",
        brand: "Toyota",
        model: "Avanza",
        year: 2019,
        transmission: "manual",
        mileageKm: 50_000,
        price: 150_000_000n,
      },
    });
    await tx.vehiclePhoto.create({
      data: {
        tenantId,
        vehicleId: vehicle.id,
        storageKey: "k",
        width: 10,
        height: 10,
        bytes: 10,
        blurDataUrl: "data:,",
      },
    });
    await tx.vehicleEvent.create({
      data: { tenantId, vehicleId: vehicle.id, type: "created", toStatus: "available" },
    });
    const lead = await tx.lead.create({
      data: {
        tenantId,
        name: "Budi",
        phone: "6281234567890",
        source: "web",
        vehicleId: vehicle.id,
        assigneeId: owner.id,
      },
    });
    await tx.vehicleView.create({
      data: { tenantId, vehicleId: vehicle.id, day: new Date("2026-11-01"), count: 3 },
    });
    await tx.leadNote.create({
      data: { tenantId, leadId: lead.id, authorId: owner.id, body: "Minta foto interior" },
    });
    await tx.notification.create({
      data: { tenantId, userId: owner.id, kind: "lead.new", title: "Prospek baru" },
    });
    const contact = await tx.waContact.create({ data: { tenantId, waId: "6281234567890", name: "Budi" } });
    const conversation = await tx.waConversation.create({
      data: { tenantId, contactId: contact.id, leadId: lead.id },
    });
    const message = await tx.waMessage.create({
      data: {
        tenantId,
        conversationId: conversation.id,
        direction: "outbound",
        sender: "assistant",
        type: "text",
        body: "Halo",
        status: "queued",
      },
    });
    await tx.waOutbox.create({
      data: {
        tenantId,
        conversationId: conversation.id,
        messageId: message.id,
        idempotencyKey: "k1",
        recipient: "6281234567890",
        request: { type: "text" },
      },
    });
    await tx.llmCall.create({
      data: { tenantId, provider: "local", model: "local", latencyMs: 3, outcome: "ok" },
    });
    await tx.waConnection.create({
      data: {
        tenantId,
        displayPhoneNumber: "+62 811-0000-0001",
        verifiedName: "Showroom",
        checkedAt: new Date(),
      },
    });
  });
}

let a: string;
let b: string;
let superClient: pg.Client;

/** Counted through the audited platform path, which sees every showroom. */
async function countOf(table: string, tenantId: string): Promise<number> {
  const rows = await withPlatformAccess(
    { actor: { kind: "system", name: "test" }, action: "test.count", entity: table },
    (tx) =>
      tx.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${table}" WHERE "${tenantColumn(table)}" = $1::uuid`,
        tenantId,
      ),
  );
  return rows[0]?.n ?? 0;
}

beforeAll(async () => {
  a = (await makeTenant("Showroom A")).id;
  b = (await makeTenant("Showroom B")).id;
  await fillEveryTable(a);
  await fillEveryTable(b);
  superClient = new pg.Client({ connectionString: process.env.DATABASE_ADMIN_URL });
  await superClient.connect();
});
afterAll(() => superClient.end());

describe("tenant isolation", () => {
  it("covers every table in the database, each with row-level security enabled and forced", async () => {
    const { rows } = await superClient.query<{
      relname: string;
      relrowsecurity: boolean;
      relforcerowsecurity: boolean;
    }>(
      "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relname <> '_prisma_migrations'",
    );
    expect(rows.map((row) => row.relname).sort()).toEqual([...TENANT_TABLES, ...PLATFORM_TABLES].sort());
    for (const row of rows)
      expect({ table: row.relname, enabled: row.relrowsecurity, forced: row.relforcerowsecurity }).toEqual({
        table: row.relname,
        enabled: true,
        forced: true,
      });
  });

  it("connects as a role that is neither superuser, table owner, nor allowed to bypass RLS", async () => {
    const [role] = await db().$queryRaw<{ rolsuper: boolean; rolbypassrls: boolean; owns: bigint }[]>`
      SELECT r.rolsuper, r.rolbypassrls, (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid AND c.relnamespace = 'public'::regnamespace) AS owns
      FROM pg_roles r WHERE r.rolname = current_user`;
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, owns: 0n });
  });

  for (const table of TENANT_TABLES) {
    describe(table, () => {
      const column = tenantColumn(table);

      it("shows a showroom its own rows and none of another showroom's", async () => {
        const counts = await withTenant(a, async (tx) => {
          const own = await tx.$queryRawUnsafe<{ n: bigint }[]>(
            `SELECT count(*) AS n FROM "${table}" WHERE "${column}" = $1::uuid`,
            a,
          );
          const foreign = await tx.$queryRawUnsafe<{ n: bigint }[]>(
            `SELECT count(*) AS n FROM "${table}" WHERE "${column}" = $1::uuid`,
            b,
          );
          const all = await tx.$queryRawUnsafe<{ n: bigint }[]>(
            `SELECT count(*) AS n FROM "${table}" WHERE "${column}" <> $1::uuid`,
            a,
          );
          return { own: own[0]?.n, foreign: foreign[0]?.n, other: all[0]?.n };
        });
        expect(counts.own).toBeGreaterThan(0n);
        expect({ foreign: counts.foreign, other: counts.other }).toEqual({ foreign: 0n, other: 0n });
      });

      it("cannot update or delete another showroom's rows", async () => {
        const before = await countOf(table, b);
        if (table === "audit_logs") {
          // The audit trail is append-only for the app role: no showroom may change any entry.
          await expect(
            withTenant(a, (tx) =>
              tx.$executeRawUnsafe(`UPDATE "${table}" SET action = action WHERE tenant_id = $1::uuid`, b),
            ),
          ).rejects.toThrow(/permission denied/);
          await expect(
            withTenant(a, (tx) =>
              tx.$executeRawUnsafe(`DELETE FROM "${table}" WHERE tenant_id = $1::uuid`, b),
            ),
          ).rejects.toThrow(/permission denied/);
        } else {
          const changed = await withTenant(a, async (tx) => {
            const updated = await tx.$executeRawUnsafe(
              `UPDATE "${table}" SET "${column}" = "${column}" WHERE "${column}" = $1::uuid`,
              b,
            );
            const deleted = await tx.$executeRawUnsafe(
              `DELETE FROM "${table}" WHERE "${column}" = $1::uuid`,
              b,
            );
            return { updated, deleted };
          });
          expect(changed).toEqual({ updated: 0, deleted: 0 });
        }
        expect(before).toBeGreaterThan(0);
        expect(await countOf(table, b)).toBe(before);
      });

      it("cannot insert a row into another showroom", async () => {
        const attempt = withTenant(a, async (tx) => {
          // Copied from the columns the app role may read (it cannot read password hashes).
          const readable = await tx.$queryRawUnsafe<{ name: string }[]>(
            `SELECT quote_ident(column_name) AS name FROM information_schema.columns
              WHERE table_schema = 'public' AND table_name = $1
                AND has_column_privilege(quote_ident(table_name), column_name, 'SELECT')`,
            table,
          );
          const [row] = await tx.$queryRawUnsafe<{ row: Record<string, unknown> }[]>(
            `SELECT to_jsonb(t) AS row FROM (SELECT ${readable.map((c) => c.name).join(", ")} FROM "${table}") t LIMIT 1`,
          );
          const copy = { ...row?.row, id: randomUUID(), [column]: b };
          if (table === "tenants") copy.slug = `x-${randomUUID().slice(0, 8)}`;
          if (table === "users")
            Object.assign(copy, { email: `${randomUUID()}@example.test`, password_hash: "x" });
          if (table === "tenant_domains") copy.domain = `${randomUUID()}.example.test`;
          if (table === "vehicles") Object.assign(copy, { stock_code: randomUUID(), slug: randomUUID() });
          await tx.$executeRawUnsafe(
            `INSERT INTO "${table}" SELECT * FROM jsonb_populate_record(NULL::"${table}", $1::jsonb)`,
            JSON.stringify(copy),
          );
        });
        await expect(attempt).rejects.toThrow(/row-level security/);
      });

      it("returns nothing when no showroom is set", async () => {
        const [outside] = await db().$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}"`);
        expect(outside?.n).toBe(0n);
        const inEmptyTransaction = await db().$transaction((tx) =>
          tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}"`),
        );
        expect(inEmptyTransaction[0]?.n).toBe(0n);
      });
    });
  }

  it("keeps platform tables out of every showroom's reach", async () => {
    await db().$queryRaw`SELECT app_store_webhook_event('{"object":"whatsapp_business_account","entry":[]}')`;
    await withPlatformAccess(
      { actor: { kind: "system", name: "test" }, action: "test.setting", entity: "platform_settings" },
      (tx) =>
        tx.platformSetting.upsert({
          where: { key: "test" },
          create: { key: "test", value: { a: 1 } },
          update: {},
        }),
    );
    for (const table of PLATFORM_TABLES) {
      const seen = await withTenant(a, (tx) =>
        tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}"`),
      );
      expect({ table, n: seen[0]?.n }).toEqual({ table, n: 0n });
      const [outside] = await db().$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}"`);
      expect({ table, n: outside?.n }).toEqual({ table, n: 0n });
    }
    await expect(
      withTenant(a, (tx) =>
        tx.$executeRawUnsafe(`INSERT INTO "platform_settings" ("key") VALUES ('sneaky')`),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it("does not carry a showroom over to the next transaction on the same pooled connection", async () => {
    await withTenant(a, (tx) => tx.vehicle.count());
    const counts = await Promise.all(Array.from({ length: 20 }, () => db().vehicle.count()));
    expect(counts.every((count) => count === 0)).toBe(true);
  });
});
