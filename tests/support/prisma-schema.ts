// A small reader for the subset of the Prisma schema language this project uses, so a test can
// compare schema.prisma with the database the SQL migrations produce.
import { readFileSync } from "node:fs";

export interface SchemaField {
  name: string;
  column: string;
  type: string;
  optional: boolean;
  list: boolean;
  dbType: string | null;
  isRelation: boolean;
  unique: boolean;
  id: boolean;
  relation: { fields: string[]; references: string[] } | null;
}

export interface SchemaModel {
  name: string;
  table: string;
  fields: SchemaField[];
  uniques: string[][];
  indexes: string[][];
  /** Composite primary key (@@id), field names */
  primaryKey: string[];
}

export interface ParsedSchema {
  models: SchemaModel[];
  enums: Map<string, { dbName: string; values: string[] }>;
}

function blocks(source: string, kind: "model" | "enum"): { name: string; body: string[] }[] {
  const pattern = new RegExp(`^${kind}\\s+(\\w+)\\s*\\{([\\s\\S]*?)^\\}`, "gm");
  return [...source.matchAll(pattern)].map((match) => ({
    name: match[1] ?? "",
    body: (match[2] ?? "")
      .split("\n")
      .map((line) => line.replace(/\/\/.*$/, "").trim())
      .filter(Boolean),
  }));
}

const listOf = (text: string) =>
  text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

export function parsePrismaSchema(file: string): ParsedSchema {
  const source = readFileSync(file, "utf8");
  const enums = new Map<string, { dbName: string; values: string[] }>();
  for (const block of blocks(source, "enum")) {
    const map = block.body.find((line) => line.startsWith("@@map"));
    enums.set(block.name, {
      dbName: map?.match(/"(.+)"/)?.[1] ?? block.name,
      values: block.body.filter((line) => !line.startsWith("@@")).map((line) => line.split(/\s+/)[0] ?? ""),
    });
  }
  const modelNames = new Set(blocks(source, "model").map((block) => block.name));
  const models = blocks(source, "model").map((block) => {
    const fields: SchemaField[] = [];
    const uniques: string[][] = [];
    const indexes: string[][] = [];
    const primaryKey: string[] = [];
    let table = block.name;
    for (const line of block.body) {
      if (line.startsWith("@@map")) table = line.match(/"(.+)"/)?.[1] ?? table;
      else if (line.startsWith("@@unique")) uniques.push(listOf(line.match(/\[(.*?)\]/)?.[1] ?? ""));
      else if (line.startsWith("@@index")) indexes.push(listOf(line.match(/\[(.*?)\]/)?.[1] ?? ""));
      else if (line.startsWith("@@id")) primaryKey.push(...listOf(line.match(/\[(.*?)\]/)?.[1] ?? ""));
      else if (!line.startsWith("@@")) {
        const [name = "", rawType = ""] = line.split(/\s+/);
        const type = rawType.replace(/[?[\]]/g, "");
        const relationMatch = line.match(/@relation\([^)]*fields:\s*\[(.*?)\][^)]*references:\s*\[(.*?)\]/);
        fields.push({
          name,
          column: line.match(/@map\("(.+?)"\)/)?.[1] ?? name,
          type,
          optional: rawType.endsWith("?"),
          list: rawType.endsWith("[]"),
          dbType: line.match(/@db\.(\w+)/)?.[1] ?? null,
          isRelation: modelNames.has(type),
          unique: /@unique\b/.test(line),
          id: /@id\b/.test(line),
          relation: relationMatch
            ? { fields: listOf(relationMatch[1] ?? ""), references: listOf(relationMatch[2] ?? "") }
            : null,
        });
      }
    }
    return { name: block.name, table, fields, uniques, indexes, primaryKey };
  });
  return { models, enums };
}

/** The PostgreSQL type Prisma creates for a scalar field, as information_schema reports it. */
export function expectedColumnType(field: SchemaField, enums: ParsedSchema["enums"]): string {
  const enumType = enums.get(field.type);
  const base = (() => {
    if (enumType) return enumType.dbName;
    switch (field.type) {
      case "String":
        return field.dbType === "Uuid" ? "uuid" : "text";
      case "Int":
        return "int4";
      case "BigInt":
        return "int8";
      case "Boolean":
        return "bool";
      case "Json":
        return "jsonb";
      case "Float":
        return "float8";
      case "DateTime":
        return field.dbType === "Date"
          ? "date"
          : field.dbType === "Timestamptz"
            ? "timestamptz"
            : "timestamp";
      default:
        return field.type;
    }
  })();
  return field.list ? `_${base}` : base;
}
