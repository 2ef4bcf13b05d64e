// Proves prisma/schema.prisma and the hand-applied SQL migrations describe the same database.
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedColumnType, parsePrismaSchema } from "../support/prisma-schema";

const schema = parsePrismaSchema(path.resolve("prisma/schema.prisma"));
let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_ADMIN_URL });
  await client.connect();
});
afterAll(() => client.end());

async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await client.query(sql, params)).rows as T[];
}

describe("schema.prisma agrees with the migrations", () => {
  it("has exactly the tables of the schema's models", async () => {
    const tables = await rows<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'",
    );
    expect(tables.map((row) => row.table_name).sort()).toEqual(
      schema.models.map((model) => model.table).sort(),
    );
  });

  it("has every enum with the same values in the same order", async () => {
    const found = await rows<{ typname: string; labels: string[] }>(
      "SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname",
    );
    const actual = Object.fromEntries(found.map((row) => [row.typname, row.labels]));
    const expected = Object.fromEntries([...schema.enums.values()].map((item) => [item.dbName, item.values]));
    expect(actual).toEqual(expected);
  });

  for (const model of schema.models) {
    it(`gives ${model.table} the columns, types and nullability of model ${model.name}`, async () => {
      const columns = await rows<{ column_name: string; udt_name: string; is_nullable: "YES" | "NO" }>(
        "SELECT column_name, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1",
        [model.table],
      );
      const actual = Object.fromEntries(
        columns.map((column) => [
          column.column_name,
          `${column.udt_name}${column.is_nullable === "YES" ? "?" : ""}`,
        ]),
      );
      const expected = Object.fromEntries(
        model.fields
          .filter((field) => !field.isRelation)
          // Prisma creates scalar-list columns without NOT NULL.
          .map((field) => [
            field.column,
            `${expectedColumnType(field, schema.enums)}${field.optional || field.list ? "?" : ""}`,
          ]),
      );
      expect(actual).toEqual(expected);
    });

    it(`gives ${model.table} the unique constraints, indexes and foreign keys of model ${model.name}`, async () => {
      const columnOf = (name: string) => model.fields.find((field) => field.name === name)?.column ?? name;
      const indexes = await rows<{ columns: string[]; is_unique: boolean; is_primary: boolean }>(
        `SELECT array_agg(a.attname ORDER BY k.ord)::text[] AS columns, i.indisunique AS is_unique, i.indisprimary AS is_primary
         FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
         CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
         WHERE c.relname = $1 GROUP BY i.indexrelid, i.indisunique, i.indisprimary`,
        [model.table],
      );
      const describe = (columns: string[], kind: string) => `${kind}(${columns.join(",")})`;
      const actual = indexes
        .map((index) =>
          describe(index.columns, index.is_primary ? "pk" : index.is_unique ? "unique" : "index"),
        )
        .sort();
      const expected = [
        ...model.fields.filter((field) => field.id).map((field) => describe([field.column], "pk")),
        ...(model.primaryKey.length ? [describe(model.primaryKey.map(columnOf), "pk")] : []),
        ...model.fields.filter((field) => field.unique).map((field) => describe([field.column], "unique")),
        ...model.uniques.map((names) => describe(names.map(columnOf), "unique")),
        ...model.indexes.map((names) => describe(names.map(columnOf), "index")),
      ].sort();
      expect(actual).toEqual(expected);

      const foreignKeys = await rows<{ columns: string[]; target: string }>(
        `SELECT array_agg(a.attname ORDER BY k.ord)::text[] AS columns, ft.relname AS target
         FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_class ft ON ft.oid = con.confrelid
         CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
         WHERE con.contype = 'f' AND c.relname = $1 GROUP BY con.oid, ft.relname`,
        [model.table],
      );
      const tableOf = (modelName: string) =>
        schema.models.find((item) => item.name === modelName)?.table ?? modelName;
      expect(foreignKeys.map((key) => `${key.columns.join(",")}->${key.target}`).sort()).toEqual(
        model.fields
          .filter((field) => field.relation)
          .map((field) => `${(field.relation?.fields ?? []).map(columnOf).join(",")}->${tableOf(field.type)}`)
          .sort(),
      );
    });
  }
});
