// CSV import and export of a showroom's stock, shared by the CLI and the dashboard. Each row is
// validated once (VehicleInput) and upserted in its own tenant transaction, so one bad row never
// rolls back the good ones; every problem is reported in the caller's language. A dry run
// (previewVehiclesCsv) reports what an import would do without writing.
import "server-only";
import { parse } from "csv-parse/sync";
import type { Actor } from "@/lib/audit/record";
import { type CsvSeparatorName, csvFile, restoreCell } from "@/lib/core/csv";
import type { Tx } from "@/lib/core/db/client";
import { PlanLimitReached } from "@/lib/core/db/plan-limits";
import { withTenant } from "@/lib/core/db/tenant";
import { DomainError, Invalid } from "@/lib/core/errors";
import { type Locale, type MessageKey, type Translate, translator } from "@/lib/core/i18n/messages";
import { parseRupiah } from "@/lib/core/money";
import type { Vehicle } from "@/lib/generated/prisma/client";
import {
  parseBodyType,
  parseBoolean,
  parseFuel,
  parseMileage,
  parseStatus,
  parseTransmission,
  parseYear,
} from "@/lib/inventory/normalize";
import { type ValidVehicle, VEHICLE_LIMITS, VehicleInput } from "@/lib/inventory/vehicle-input";
import { vehicleProblemLines, vehicleProblemsOf } from "@/lib/inventory/vehicle-problems";
import {
  changedFields,
  pickProvided,
  type UpsertOutcome,
  upsertVehicleByStockCode,
} from "@/lib/inventory/vehicles";

type Field = keyof ValidVehicle;

/** Canonical header -> vehicle field, in export order. */
const COLUMNS: [string, Field][] = [
  ["stock_code", "stockCode"],
  ["brand", "brand"],
  ["model", "model"],
  ["variant", "variant"],
  ["year", "year"],
  ["transmission", "transmission"],
  ["fuel", "fuel"],
  ["mileage_km", "mileageKm"],
  ["color", "color"],
  ["body_type", "bodyType"],
  ["price", "price"],
  ["status", "status"],
  ["city", "city"],
  ["plate_number", "plateNumber"],
  ["description", "descriptionId"],
  ["description_en", "descriptionEn"],
  ["engine_cc", "engineCc"],
  ["seats", "seats"],
  ["negotiable", "negotiable"],
  ["tax_valid_until", "taxValidUntil"],
  ["stnk_valid_until", "stnkValidUntil"],
  ["previous_owners", "previousOwners"],
  ["featured", "featured"],
  ["features", "features"],
];

const ALIASES: Record<string, string> = {
  kode_stok: "stock_code",
  kode: "stock_code",
  stock: "stock_code",
  merek: "brand",
  merk: "brand",
  tipe: "variant",
  varian: "variant",
  tahun: "year",
  transmisi: "transmission",
  bahan_bakar: "fuel",
  bbm: "fuel",
  kilometer: "mileage_km",
  km: "mileage_km",
  mileage: "mileage_km",
  warna: "color",
  colour: "color",
  tipe_bodi: "body_type",
  harga: "price",
  kota: "city",
  nomor_polisi: "plate_number",
  nopol: "plate_number",
  plat: "plate_number",
  deskripsi: "description",
  cc: "engine_cc",
  kursi: "seats",
  nego: "negotiable",
  pajak_berlaku: "tax_valid_until",
  stnk_berlaku: "stnk_valid_until",
  tangan_ke: "previous_owners",
  unggulan: "featured",
  fitur: "features",
};

const COLUMN_OF = new Map<string, string>(COLUMNS.map(([column, field]) => [field, column]));
/** A vehicle field by the column name the file uses ("plateNumber" -> "plate_number"). */
const columnOf = (field: string) => COLUMN_OF.get(field) ?? field;

const REQUIRED = ["stock_code", "brand", "model", "year", "transmission", "mileage_km", "price"];
const FIELD_OF = new Map(COLUMNS);
const DEFAULTED = new Set<Field>(["status", "fuel", "negotiable", "featured"]);

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  rejected: { row: number; stockCode?: string; reason: string }[];
}

const normalizeHeader = (header: string) => {
  const name = header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  return ALIASES[name] ?? name;
};

function parseDate(text: string): Date | null {
  const iso = text.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  const local = text.match(/^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2], local[1]] : [];
  if (!year || !month || !day) return null;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(day) ? null : date;
}

/** Why a cell cannot be read: an i18n key and what it quotes. */
interface CellProblem {
  key: MessageKey;
  vars?: Record<string, string | number>;
}

/** One cell -> the field's value, or why it cannot be read. */
function readCell(field: Field, raw: string): { value: unknown } | { problem: CellProblem } {
  const text = raw.trim();
  // An empty cell clears an optional field; fields with a default keep it (or the stored value).
  if (text === "") return { value: field === "features" ? [] : DEFAULTED.has(field) ? undefined : null };
  const fail = (key: MessageKey) => ({ problem: { key, vars: { text } } });
  switch (field) {
    case "year": {
      const year = parseYear(text);
      return year === null
        ? { problem: { key: "vehicles.csv.error.year", vars: { ...VEHICLE_LIMITS.year } } }
        : { value: year };
    }
    case "price": {
      const price = parseRupiah(text);
      return price === null ? fail("vehicles.csv.error.amount") : { value: price };
    }
    case "mileageKm": {
      const km = parseMileage(text);
      return km === null ? fail("vehicles.csv.error.distance") : { value: km };
    }
    case "transmission": {
      const value = parseTransmission(text);
      return value ? { value } : fail("vehicles.csv.error.transmission");
    }
    case "fuel": {
      const value = parseFuel(text);
      return value ? { value } : fail("vehicles.csv.error.fuel");
    }
    case "bodyType": {
      const value = parseBodyType(text);
      return value ? { value } : fail("vehicles.csv.error.body");
    }
    case "status": {
      const value = parseStatus(text);
      return value ? { value } : fail("vehicles.csv.error.status");
    }
    case "negotiable":
    case "featured": {
      const value = parseBoolean(text);
      return value === null ? fail("vehicles.csv.error.yesNo") : { value };
    }
    case "engineCc":
    case "seats":
    case "previousOwners": {
      const value = Number(text.replace(/\./g, ""));
      return Number.isInteger(value) ? { value } : fail("vehicles.csv.error.wholeNumber");
    }
    case "taxValidUntil":
    case "stnkValidUntil": {
      const value = parseDate(text);
      return value ? { value } : fail("vehicles.csv.error.date");
    }
    case "features":
      return {
        value: text
          .split(/[;|]/)
          .map((item) => item.trim())
          .filter(Boolean),
      };
    default:
      return { value: text };
  }
}

function detectDelimiter(csv: string): "," | ";" {
  const header = csv.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ";" : ",";
}

/** One data row of the file: the validated vehicle it sets, or why it cannot be read. */
interface CsvRow {
  row: number;
  stockCode?: string;
  vehicle?: ValidVehicle;
  problems: string[];
}

/**
 * Parses the whole file, reads every row and validates it (VehicleInput, once); throws Invalid when
 * the file itself is unusable. Problems are written with `t`, in the caller's language.
 */
function readCsv(csv: string, t: Translate): { rows: CsvRow[]; provided: Set<Field> } {
  let records: string[][];
  try {
    records = parse(csv, {
      bom: true,
      delimiter: detectDelimiter(csv),
      relax_column_count: true,
      skip_empty_lines: true,
    });
  } catch (error) {
    throw new Invalid(
      t("vehicles.csv.error.notCsv", { reason: error instanceof Error ? error.message : String(error) }),
    );
  }
  const [header, ...lines] = records;
  if (!header) throw new Invalid(t("vehicles.csv.error.empty"));
  const headers = header.map(normalizeHeader);
  const missing = REQUIRED.filter((column) => !headers.includes(column));
  if (missing.length) throw new Invalid(t("vehicles.csv.error.columns", { columns: missing.join(", ") }));
  const provided = new Set(headers.flatMap((column) => FIELD_OF.get(column) ?? []));

  const rows: CsvRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const [index, cells] of lines.entries()) {
    const row = index + 2; // the header is row 1, as in a spreadsheet
    if (cells.every((cell) => cell.trim() === "")) continue;
    const input: Record<string, unknown> = {};
    const problems: string[] = [];
    headers.forEach((column, position) => {
      const field = FIELD_OF.get(column);
      if (!field) return;
      // Our own exports escape formula cells ('=...); the escape is not part of the value.
      const cell = readCell(field, restoreCell(cells[position] ?? ""));
      if ("problem" in cell) problems.push(`${column}: ${t(cell.problem.key, cell.problem.vars)}`);
      else input[field] = cell.value;
    });
    const stockCode = typeof input.stockCode === "string" ? input.stockCode : undefined;
    if (stockCode) {
      const first = firstRowOf.get(stockCode.toLowerCase());
      if (first) problems.unshift(t("vehicles.csv.error.duplicate", { code: stockCode, row: first }));
      else firstRowOf.set(stockCode.toLowerCase(), row);
    }
    if (problems.length) {
      rows.push({ row, stockCode, problems });
      continue;
    }
    const parsed = VehicleInput.safeParse(input);
    if (parsed.success) rows.push({ row, stockCode, vehicle: parsed.data, problems });
    else
      rows.push({
        row,
        stockCode,
        problems: vehicleProblemLines(vehicleProblemsOf(parsed.error), t, (field) => columnOf(field)),
      });
  }
  return { rows, provided };
}

export async function importVehiclesCsv(options: {
  tenantId: string;
  actor: Actor;
  csv: string;
  /** The language of the report's reasons: the user's in the dashboard, the operator's in the CLI. */
  locale: Locale;
}): Promise<ImportReport> {
  const t = translator(options.locale);
  const { rows, provided } = readCsv(options.csv, t);
  const report: ImportReport = { created: 0, updated: 0, unchanged: 0, rejected: [] };
  for (const { row, stockCode, vehicle, problems } of rows) {
    if (!vehicle) {
      report.rejected.push({ row, stockCode, reason: problems.join("; ") });
      continue;
    }
    try {
      const { outcome } = await withTenant(options.tenantId, (tx) =>
        upsertVehicleByStockCode(tx, {
          tenantId: options.tenantId,
          actor: options.actor,
          data: vehicle,
          provided,
        }),
      );
      report[outcome] += 1;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // Past the plan's cars in stock, each further new car is refused on its own row.
      const reason = error instanceof PlanLimitReached ? error.describe(t) : error.message;
      report.rejected.push({ row, stockCode, reason });
    }
  }
  return report;
}

export interface PreviewRow {
  row: number;
  stockCode?: string;
  outcome: UpsertOutcome | "rejected";
  /** For "updated": the columns that would change. */
  changes?: string[];
  reason?: string;
}

export interface ImportPreview extends ImportReport {
  rows: PreviewRow[];
}

/**
 * A dry run: what importing `csv` would do, row by row, without writing anything. It reads through
 * the caller's transaction and applies the same rules as the import (validation, only the columns
 * the file has, unchanged when nothing differs).
 */
export async function previewVehiclesCsv(
  tx: Tx,
  options: { tenantId: string; csv: string; locale: Locale },
): Promise<ImportPreview> {
  const t = translator(options.locale);
  const { rows, provided } = readCsv(options.csv, t);
  const preview: ImportPreview = { created: 0, updated: 0, unchanged: 0, rejected: [], rows: [] };
  const reject = (row: number, stockCode: string | undefined, reason: string) => {
    preview.rejected.push({ row, stockCode, reason });
    preview.rows.push({ row, stockCode, outcome: "rejected", reason });
  };
  // The import would refuse new unsold cars past the plan's limit: the preview says so per row.
  const { maxVehicles } = await tx.tenant.findUniqueOrThrow({
    where: { id: options.tenantId },
    select: { maxVehicles: true },
  });
  let freeSlots = maxVehicles - (await tx.vehicle.count({ where: { status: { not: "sold" } } }));
  for (const { row, stockCode, vehicle, problems } of rows) {
    if (!vehicle) {
      reject(row, stockCode, problems.join("; "));
      continue;
    }
    const existing = await tx.vehicle.findUnique({
      where: { tenantId_stockCode: { tenantId: options.tenantId, stockCode: vehicle.stockCode } },
    });
    const takesSlot =
      vehicle.status !== "sold" && (!existing || (existing.status === "sold" && provided.has("status")));
    if (takesSlot && freeSlots <= 0) {
      reject(row, stockCode, new PlanLimitReached("vehicles_within_plan", maxVehicles).describe(t));
      continue;
    }
    if (takesSlot) freeSlots -= 1;
    if (!existing) {
      preview.created += 1;
      preview.rows.push({ row, stockCode, outcome: "created" });
      continue;
    }
    const changes = Object.keys(changedFields(existing, pickProvided(vehicle, provided))).map(columnOf);
    const outcome = changes.length ? "updated" : "unchanged";
    preview[outcome] += 1;
    preview.rows.push({ row, stockCode, outcome, ...(changes.length ? { changes } : {}) });
  }
  return preview;
}

function formatCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.join("; ");
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}

/**
 * The showroom's stock with the canonical headers, through the one CSV writer (formula cells made
 * inert, UTF-8 BOM, comma or semicolon); importing it back changes nothing.
 */
export async function exportVehiclesCsv(options: {
  tenantId: string;
  tx?: Tx;
  separator?: CsvSeparatorName;
}): Promise<string> {
  const read = (tx: Tx) => tx.vehicle.findMany({ orderBy: { stockCode: "asc" } });
  // Inside a staff action the caller's transaction is reused; the CLI opens its own.
  const vehicles = options.tx ? await read(options.tx) : await withTenant(options.tenantId, read);
  return csvFile({
    header: COLUMNS.map(([column]) => column),
    rows: vehicles.map((vehicle) => COLUMNS.map(([, field]) => formatCell(vehicle[field as keyof Vehicle]))),
    separator: options.separator,
  });
}
