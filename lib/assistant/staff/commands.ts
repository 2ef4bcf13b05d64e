// Staff commands in chat ("HX-001 terjual", "harga HX-001 jadi 160jt", "stok avanza"): a pure,
// deterministic parser over the buyer-message reader, and one executor shared by WhatsApp and the
// dashboard command bar, so both channels change stock the same way (history, audit, confirmation).
import "server-only";

import {
  type KnownModel,
  type SearchCriteria,
  understandBuyerMessage,
} from "@/lib/assistant/understand/buyer-message";
import type { Actor } from "@/lib/audit/record";
import type { Tx } from "@/lib/core/db/client";
import { type Locale, type MessageKey, type Translate, translator } from "@/lib/core/i18n/messages";
import { formatRupiah, parseRupiah } from "@/lib/core/money";
import type { Prisma, Vehicle, VehicleStatus } from "@/lib/generated/prisma/client";
import { editDistance } from "@/lib/inventory/fuzzy";
import { PLATE_REGIONS, parsePlate } from "@/lib/inventory/plate";
import { checkSalesLimits } from "@/lib/inventory/sales-limits";
import type { VehiclePatch } from "@/lib/inventory/vehicle-input";
import { updateVehicle } from "@/lib/inventory/vehicles";

/** The language the staff member writes in: replies come back in it. */
export type Language = Locale;

/** Which car a command is about: a stock code or plate names one; a model alone must be unique. */
export interface CommandTarget {
  stockCode?: string;
  plate?: string;
  brand?: string;
  model?: string;
}

export type EditableField = "mileageKm" | "color" | "year" | "transmission" | "plateNumber" | "variant";

export type FieldValue =
  | { field: "mileageKm" | "year"; value: number }
  | { field: "color" | "plateNumber" | "variant"; value: string }
  | { field: "transmission"; value: "manual" | "automatic" };

export type StaffCommand =
  | { kind: "detail"; target: CommandTarget }
  | { kind: "stock"; criteria: SearchCriteria; count: boolean }
  | { kind: "status"; target: CommandTarget; status: Exclude<VehicleStatus, "draft"> }
  | { kind: "hide"; target: CommandTarget }
  | { kind: "price"; target: CommandTarget; price: bigint }
  | { kind: "field"; target: CommandTarget; change: FieldValue }
  | { kind: "publish"; target: CommandTarget | null }
  | { kind: "answer"; yes: boolean }
  | { kind: "help" }
  | { kind: "unknown" };

export interface ParseOptions {
  /** The showroom's stock names, so "avansa" lands on the Avanza it really has. */
  brands?: readonly KnownModel[];
  now?: Date;
}

// ------------------------------------------------------------------------------------------------
// Parsing

const clean = (text: string) =>
  text
    .toLowerCase()
    .replace(/[!?.,;:]+(?=\s|$)/g, " ")
    .replace(/\s+/g, " ")
    .trim();

const words = (text: string) => text.split(/[^a-z0-9-]+/).filter(Boolean);

/** A keyword typed with a slip ("terjaul", "bokking", "tersdia"): only for words long enough to tell apart. */
function near(word: string, keyword: string): boolean {
  if (word === keyword) return true;
  if (keyword.length < 6 || word.length < 5) return false;
  if (swapsOnce(word, keyword)) return true;
  return editDistance(word, keyword) <= (keyword.length >= 8 ? 2 : 1);
}

/** Two neighbouring letters typed the wrong way round ("terjaul"): one slip for a thumb, two for Levenshtein. */
function swapsOnce(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((letter, index) => (letter === b[index] ? [] : [index]));
  const [i, j] = diff;
  return diff.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

const hasWord = (tokens: readonly string[], keywords: readonly string[]) =>
  tokens.some((token) => keywords.some((keyword) => near(token, keyword)));
const hasPhrase = (text: string, phrases: readonly string[]) =>
  phrases.some((phrase) => new RegExp(`(?<![a-z])${phrase}(?![a-z])`).test(text));

// Checked in this order: "batal booking" is available again, not booked.
const AVAILABLE_PHRASES = [
  "tersedia lagi",
  "ready lagi",
  "batal booking",
  "batal book",
  "cancel booking",
  "booking batal",
  "gak jadi booking",
  "ga jadi booking",
  "nggak jadi booking",
  "tidak jadi booking",
  "batal dp",
  "available lagi",
  "buka lagi",
  "jual lagi",
];
const AVAILABLE_WORDS = ["tersedia", "ready", "redi", "available", "aktifkan"];
const SOLD_PHRASES = [
  "sudah laku",
  "udah laku",
  "sdh laku",
  "dah laku",
  "sudah terjual",
  "udah terjual",
  "sdh terjual",
];
const SOLD_WORDS = ["terjual", "laku", "sold", "terjua"];
const BOOKED_WORDS = ["booking", "booked", "dibooking", "dibook", "dipesan", "book", "keep", "hold", "tahan"];
const BOOKED_PHRASES = ["sudah dp", "udah dp", "sdh dp", "di dp", "kena dp", "masuk dp"];
const HIDE_WORDS = ["hapus", "delete", "sembunyikan", "arsipkan", "arsip", "hide", "takedown"];
const PUBLISH_WORDS = ["publish", "terbitkan", "tayangkan", "terbit", "tayang", "posting"];
const PRICE_WORDS = ["harga", "hrg", "hrga", "price", "harganya", "banderol"];
const QUERY_WORDS = [
  "stok",
  "stock",
  "cek",
  "cari",
  "berapa",
  "brp",
  "ada",
  "unit",
  "list",
  "daftar",
  "info",
  "lihat",
  "liat",
];
const HELP_WORDS = ["help", "bantuan", "menu", "perintah", "panduan"];
const YES_WORDS = ["ya", "iya", "yes", "ok", "oke", "y", "lanjut", "betul", "benar"];
const NO_WORDS = ["batal", "tidak", "gak", "ga", "nggak", "no", "cancel", "jangan"];

// "B 1234 SJA", "b1234sja", "AB 1 XY": region letters the police really issue, digits, suffix.
const PLATE_PATTERN = /(?<![a-z0-9-])([a-z]{1,2})\s?(\d{1,4})\s?([a-z]{1,3})(?![a-z0-9])/g;

function readPlate(text: string): { plate: string; start: number; end: number } | undefined {
  for (const match of text.matchAll(PLATE_PATTERN)) {
    const region = (match[1] ?? "").toUpperCase();
    if (!(region in PLATE_REGIONS)) continue;
    const plate = parsePlate(match[0]);
    if (plate) return { plate: plate.normalized, start: match.index, end: match.index + match[0].length };
  }
  return undefined;
}

// Stock codes as showrooms print them: "HX-001", "MJ-0003", "TOY-0007" (with a slip: "hx 001", "hx001").
const STOCK_CODE = /(?<![a-z0-9-])([a-z]{2,4})[-\s]?(\d{3,5})(?![a-z0-9])/g;

function readStockCode(
  text: string,
  withDash: boolean,
): { code: string; start: number; end: number } | undefined {
  for (const match of text.matchAll(STOCK_CODE)) {
    const prefix = match[1] ?? "";
    if (match[0].includes("-") !== withDash) continue;
    // "km 45000" or "thn 2019" is a field, not a code.
    if (["km", "thn", "th", "tahun", "rp", "kilo", "odo", "cc", "dp"].includes(prefix)) continue;
    if (!match[0].includes("-") && /^(19|20)\d\d$/.test(match[2] ?? "")) continue;
    return {
      code: `${prefix.toUpperCase()}-${match[2] ?? ""}`,
      start: match.index,
      end: match.index + match[0].length,
    };
  }
  return undefined;
}

/** The first Rupiah amount written: the buyer reader's, or a short form after a price word ("harga 160"). */
function readAmount(text: string, options: ParseOptions): bigint | undefined {
  const understood = understandBuyerMessage(text, { brands: options.brands ?? [], now: options.now });
  const first = understood.mentionedAmounts[0];
  if (first !== undefined) return first;
  for (const token of text.split(/\s+/)) {
    if (!/\d/.test(token)) continue;
    const amount = parseRupiah(token);
    // Nobody sells a car for less than a million; "160" next to "harga" means 160 juta.
    if (amount !== null && amount >= 1_000_000n) return amount;
  }
  return undefined;
}

function readField(
  rest: string,
  understood: SearchCriteria,
  tokens: readonly string[],
): FieldValue | undefined {
  if (hasWord(tokens, ["km", "kilometer", "odo", "odometer", "kilo", "jarak"]) || /\d\s*km\b/.test(rest)) {
    const match = rest.match(/(\d{1,3}(?:\.\d{3})+|\d+(?:[.,]\d+)?)\s*(rb|ribu|rebu|k|jt|juta)?/);
    if (match) {
      const number = Number((match[1] ?? "").replace(/\.(?=\d{3})/g, "").replace(",", "."));
      const unit = match[2];
      let value = unit === "jt" || unit === "juta" ? number * 1_000_000 : unit ? number * 1000 : number;
      // "km 45" in chat means 45 ribu: nobody edits a car to 45 kilometres.
      if (!unit && value < 1000) value *= 1000;
      if (Number.isFinite(value)) return { field: "mileageKm", value: Math.round(value) };
    }
  }
  if (hasWord(tokens, ["plat", "plat nomor", "nopol", "nomor polisi", "plate"])) {
    const plate = readPlate(rest.replace(/\b(plat|nopol|plate|nomor|polisi)\b/g, " "));
    if (plate) return { field: "plateNumber", value: plate.plate };
  }
  if (hasWord(tokens, ["tahun", "thn", "year"])) {
    const year = rest.match(/(?<!\d)(19[5-9]\d|20\d\d)(?!\d)/);
    if (year) return { field: "year", value: Number(year[1]) };
  }
  if (hasWord(tokens, ["varian", "tipe", "type", "variant"])) {
    const value = rest.replace(/^.*?\b(varian|tipe|type|variant)\b\s*(jadi|ke|menjadi)?\s*/, "").trim();
    if (value) return { field: "variant", value: value.toUpperCase() };
  }
  if (understood.color) return { field: "color", value: understood.color };
  if (understood.transmission) return { field: "transmission", value: understood.transmission };
  return undefined;
}

/**
 * Reads one staff message into a command. Deterministic: the same text and stock names always give
 * the same command, so a pending confirmation can be stored as its text and read again.
 */
export function parseStaffCommand(raw: string, options: ParseOptions = {}): StaffCommand {
  const text = clean(raw);
  if (!text) return { kind: "help" };
  const tokens = words(text);
  if (tokens.length <= 2 && tokens.every((token) => YES_WORDS.includes(token)))
    return { kind: "answer", yes: true };
  if (tokens.length <= 2 && tokens.every((token) => NO_WORDS.includes(token)))
    return { kind: "answer", yes: false };
  if (tokens.length <= 2 && hasWord(tokens, HELP_WORDS)) return { kind: "help" };

  // "HX-001" first, then a plate ("DK 1234 AB" is not code "DK-1234"), then a code typed without its dash.
  const dashed = readStockCode(text, true);
  const plate = dashed ? undefined : readPlate(text);
  const code = dashed ?? (plate ? undefined : readStockCode(text, false));
  // What is left once the car is named: field values must not be read from the code ("HX-001").
  const span = code ?? plate;
  const rest = span
    ? `${text.slice(0, span.start)} ${text.slice(span.end)}`.replace(/\s+/g, " ").trim()
    : text;
  const restTokens = words(rest);
  const understood = understandBuyerMessage(rest, { brands: options.brands ?? [], now: options.now });
  const named: CommandTarget = {
    ...(understood.statedCriteria.brand ? { brand: understood.statedCriteria.brand } : {}),
    ...(understood.statedCriteria.model ? { model: understood.statedCriteria.model } : {}),
  };
  const target: CommandTarget | null = code
    ? { stockCode: code.code, ...named }
    : plate
      ? { plate: plate.plate, ...named }
      : named.model
        ? named
        : null;

  if (hasWord(restTokens, PUBLISH_WORDS)) return { kind: "publish", target };
  if (target) {
    if (hasWord(restTokens, PRICE_WORDS)) {
      const price = readAmount(rest, options);
      if (price !== undefined) return { kind: "price", target, price };
    }
    if (hasPhrase(rest, AVAILABLE_PHRASES)) return { kind: "status", target, status: "available" };
    if (hasPhrase(rest, SOLD_PHRASES) || hasWord(restTokens, SOLD_WORDS))
      return { kind: "status", target, status: "sold" };
    if (hasPhrase(rest, BOOKED_PHRASES) || hasWord(restTokens, BOOKED_WORDS))
      return { kind: "status", target, status: "booked" };
    if (hasWord(restTokens, AVAILABLE_WORDS)) return { kind: "status", target, status: "available" };
    if (hasWord(restTokens, HIDE_WORDS)) return { kind: "hide", target };
    // A bare amount after the code ("HX-001 jadi 160jt") is a new price, but only for a named car.
    if (code ?? plate) {
      const field = readField(rest, understood.statedCriteria, restTokens);
      if (field) return { kind: "field", target, change: field };
      if (understood.mentionedAmounts[0] !== undefined)
        return { kind: "price", target, price: understood.mentionedAmounts[0] };
      return { kind: "detail", target };
    }
  }
  const criteria = understood.statedCriteria;
  const asksStock = hasWord(restTokens, QUERY_WORDS);
  const hasCriteria = Object.values(criteria).some((value) => value !== undefined);
  if (hasCriteria || asksStock) {
    return { kind: "stock", criteria, count: hasWord(restTokens, ["berapa", "brp", "jumlah", "how many"]) };
  }
  if (hasWord(tokens, HELP_WORDS)) return { kind: "help" };
  return { kind: "unknown" };
}

// ------------------------------------------------------------------------------------------------
// Executing

export interface Confirmation {
  prompt: string;
  yes: string;
  no: string;
}

export interface CommandOutcome {
  reply: string;
  /** Set when the change loses information: nothing changed yet, ask the staff member first. */
  confirm?: Confirmation;
  /** The car the command resolved to, so a confirmation applies to that car even if stock changes meanwhile. */
  vehicleId?: string;
  /** Something public may have changed: refresh the catalog after commit. */
  changed: boolean;
}

export interface ExecuteOptions {
  tenantId: string;
  actor: Actor;
  command: StaffCommand;
  language: Language;
  /** The staff member already said yes to exactly this command. */
  confirmed?: boolean;
  /** The car a confirmation or a listing draft refers to. */
  vehicleId?: string;
  now?: Date;
}

const STATUS_KEY: Record<VehicleStatus, MessageKey> = {
  draft: "assistant.vehicleStatus.draft",
  available: "assistant.vehicleStatus.available",
  booked: "assistant.vehicleStatus.booked",
  sold: "assistant.vehicleStatus.sold",
};
const FIELD_KEY: Record<EditableField, MessageKey> = {
  mileageKm: "assistant.editField.mileageKm",
  color: "assistant.editField.color",
  year: "assistant.editField.year",
  transmission: "assistant.editField.transmission",
  plateNumber: "assistant.editField.plateNumber",
  variant: "assistant.editField.variant",
};
const statusLabel = (t: Translate, status: VehicleStatus) => t(STATUS_KEY[status]);
const fieldLabel = (t: Translate, field: EditableField) => t(FIELD_KEY[field]);

/** A price cut deeper than this asks first: a typo ("16jt" for "160jt") would otherwise go live. */
const PRICE_CUT_CONFIRM_PERCENT = 20n;

const title = (vehicle: Pick<Vehicle, "stockCode" | "brand" | "model" | "variant" | "year">) =>
  `${vehicle.stockCode} ${vehicle.brand} ${vehicle.model} ${vehicle.variant ?? ""} ${vehicle.year}`
    .replace(/\s+/g, " ")
    .trim();

function fieldText(change: FieldValue | { field: EditableField; value: unknown }, t: Translate): string {
  if (change.field === "mileageKm" && typeof change.value === "number")
    return `${change.value.toLocaleString("id-ID")} km`;
  if (change.field === "transmission")
    return t(change.value === "automatic" ? "assistant.gear.automatic" : "assistant.gear.manual");
  return change.value === null || change.value === undefined || change.value === ""
    ? "-"
    : String(change.value);
}

function summary(vehicle: Vehicle, t: Translate): string {
  const gear = t(vehicle.transmission === "automatic" ? "assistant.gear.automatic" : "assistant.gear.manual");
  const parts = [
    formatRupiah(vehicle.price),
    gear,
    `${vehicle.mileageKm.toLocaleString("id-ID")} km`,
    vehicle.color,
    vehicle.plateNumber,
  ].filter(Boolean);
  return `${title(vehicle)} [${statusLabel(t, vehicle.status)}]\n   ${parts.join(" · ")}`;
}

type Resolved = { vehicle: Vehicle } | { reply: string };

async function resolveTarget(
  tx: Tx,
  target: CommandTarget | null,
  options: ExecuteOptions,
): Promise<Resolved> {
  const t = translator(options.language);
  if (options.vehicleId) {
    const vehicle = await tx.vehicle.findUnique({ where: { id: options.vehicleId } });
    return vehicle ? { vehicle } : { reply: t("assistant.staff.vehicleGone") };
  }
  if (!target) return { reply: t("assistant.staff.nameTarget") };
  // Row-level security limits every read to this showroom: another showroom's code is simply not found.
  if (target.stockCode || target.plate) {
    const where: Prisma.VehicleWhereInput = target.stockCode
      ? { stockCode: { equals: target.stockCode, mode: "insensitive" } }
      : { plateNumber: { equals: target.plate ?? "", mode: "insensitive" } };
    const vehicle = await tx.vehicle.findFirst({ where, orderBy: { updatedAt: "desc" } });
    if (!vehicle) {
      return { reply: t("assistant.staff.notFound", { named: target.stockCode ?? target.plate ?? "" }) };
    }
    return { vehicle };
  }
  const matches = await tx.vehicle.findMany({
    where: {
      model: { equals: target.model ?? "", mode: "insensitive" },
      status: { in: ["available", "booked", "draft"] },
    },
    orderBy: { stockCode: "asc" },
    take: 6,
  });
  const only = matches[0];
  if (matches.length === 1 && only) return { vehicle: only };
  const model = target.model ?? "";
  if (matches.length === 0) return { reply: t("assistant.staff.noModel", { model }) };
  const list = matches.map((vehicle) => `- ${summary(vehicle, t)}`).join("\n");
  return { reply: t("assistant.staff.ambiguous", { count: matches.length, model, list }) };
}

function whereOfCriteria(criteria: SearchCriteria): Prisma.VehicleWhereInput {
  const insensitive = (value: string) => ({ equals: value, mode: "insensitive" as const });
  return {
    ...(criteria.brand ? { brand: insensitive(criteria.brand) } : {}),
    ...(criteria.model ? { model: insensitive(criteria.model) } : {}),
    ...(criteria.yearMin || criteria.yearMax
      ? { year: { gte: criteria.yearMin, lte: criteria.yearMax } }
      : {}),
    ...(criteria.priceMin || criteria.priceMax
      ? { price: { gte: criteria.priceMin, lte: criteria.priceMax } }
      : {}),
    ...(criteria.transmission ? { transmission: criteria.transmission } : {}),
    ...(criteria.fuel ? { fuel: criteria.fuel } : {}),
    ...(criteria.bodyType ? { bodyType: criteria.bodyType } : {}),
    ...(criteria.color ? { color: { contains: criteria.color, mode: "insensitive" as const } } : {}),
    ...(criteria.mileageMax !== undefined ? { mileageKm: { lte: criteria.mileageMax } } : {}),
  };
}

const LISTED_FOR_STAFF = 8;

async function stockAnswer(
  tx: Tx,
  command: Extract<StaffCommand, { kind: "stock" }>,
  language: Language,
): Promise<string> {
  const t = translator(language);
  const where = {
    ...whereOfCriteria(command.criteria),
    status: { in: ["available", "booked", "draft"] as VehicleStatus[] },
  };
  const [vehicles, total, byStatus] = await Promise.all([
    tx.vehicle.findMany({
      where,
      orderBy: [{ status: "asc" }, { stockCode: "asc" }],
      take: LISTED_FOR_STAFF,
    }),
    tx.vehicle.count({ where }),
    tx.vehicle.groupBy({ by: ["status"], where, _count: { _all: true } }),
  ]);
  if (total === 0) return t("assistant.staff.stockNone");
  const counts = byStatus.map((row) => `${row._count._all} ${statusLabel(t, row.status)}`).join(", ");
  const head = t("assistant.staff.stockHead", { total, counts });
  const more =
    total > vehicles.length ? `\n${t("assistant.staff.stockMore", { count: total - vehicles.length })}` : "";
  return `${head}\n${vehicles.map((vehicle) => `- ${summary(vehicle, t)}`).join("\n")}${more}`;
}

function patchOf(change: FieldValue): VehiclePatch {
  switch (change.field) {
    case "mileageKm":
      return { mileageKm: change.value };
    case "year":
      return { year: change.value };
    case "color":
      return { color: change.value };
    case "plateNumber":
      return { plateNumber: change.value };
    case "variant":
      return { variant: change.value };
    case "transmission":
      return { transmission: change.value };
  }
}

async function applyPatch(
  tx: Tx,
  options: ExecuteOptions,
  vehicle: Vehicle,
  patch: VehiclePatch,
): Promise<Vehicle> {
  return updateVehicle(tx, {
    tenantId: options.tenantId,
    actor: options.actor,
    vehicleId: vehicle.id,
    input: patch,
  });
}

/** The showroom's rule for sales staff (lib/inventory/sales-limits.ts), as a reply; null when allowed. */
async function refusalFor(
  tx: Tx,
  options: ExecuteOptions,
  vehicle: Vehicle,
  changes: VehiclePatch,
): Promise<string | null> {
  const refusal = await checkSalesLimits(tx, {
    tenantId: options.tenantId,
    actor: options.actor,
    before: vehicle,
    changes,
  });
  return refusal ? translator(options.language)(refusal.key, { n: refusal.percent ?? "" }) : null;
}

/** Runs one command inside the caller's tenant transaction. Changes are audited with the staff member as actor. */
export async function executeStaffCommand(tx: Tx, options: ExecuteOptions): Promise<CommandOutcome> {
  const { command, language } = options;
  const t = translator(language);
  switch (command.kind) {
    case "help":
      return { reply: t("assistant.staff.help"), changed: false };
    case "unknown":
      return { reply: `${t("assistant.staff.unknown")}\n${t("assistant.staff.help")}`, changed: false };
    case "answer":
      return { reply: t("assistant.staff.nothingPending"), changed: false };
    case "stock":
      return { reply: await stockAnswer(tx, command, language), changed: false };
    default:
      break;
  }
  const resolved = await resolveTarget(tx, command.target, options);
  if ("reply" in resolved) return { reply: resolved.reply, changed: false };
  const vehicle = resolved.vehicle;
  const name = title(vehicle);
  const said = (reply: string, changed: boolean): CommandOutcome => ({
    reply,
    vehicleId: vehicle.id,
    changed,
  });
  const ask = (prompt: string, yes: string): CommandOutcome => ({
    reply: prompt,
    confirm: { prompt, yes, no: t("assistant.staff.cancel") },
    vehicleId: vehicle.id,
    changed: false,
  });

  switch (command.kind) {
    case "detail":
      return said(summary(vehicle, t), false);
    case "status": {
      if (vehicle.status === command.status)
        return said(t("assistant.staff.statusSame", { name, status: statusLabel(t, command.status) }), false);
      const refused = await refusalFor(tx, options, vehicle, { status: command.status });
      if (refused) return said(refused, false);
      if (command.status === "sold" && !options.confirmed)
        return ask(
          t("assistant.staff.soldConfirm", { name, price: formatRupiah(vehicle.price) }),
          t("assistant.staff.soldYes"),
        );
      const updated = await applyPatch(tx, options, vehicle, { status: command.status });
      return said(t("assistant.staff.statusDone", { name, status: statusLabel(t, updated.status) }), true);
    }
    case "hide": {
      if (vehicle.status === "draft") return said(t("assistant.staff.hiddenAlready", { name }), false);
      if (!options.confirmed)
        return ask(t("assistant.staff.hideConfirm", { name }), t("assistant.staff.hideYes"));
      await applyPatch(tx, options, vehicle, { status: "draft" });
      return said(t("assistant.staff.hidden", { name }), true);
    }
    case "price": {
      const from = formatRupiah(vehicle.price);
      if (command.price === vehicle.price)
        return said(t("assistant.staff.priceSame", { name, price: from }), false);
      const to = formatRupiah(command.price);
      // Before any confirmation: a salesperson past the showroom's limit is told so at once.
      const refused = await refusalFor(tx, options, vehicle, { price: command.price });
      if (refused) return said(refused, false);
      const deepCut =
        command.price < vehicle.price &&
        (vehicle.price - command.price) * 100n > vehicle.price * PRICE_CUT_CONFIRM_PERCENT;
      if (deepCut && !options.confirmed)
        return ask(t("assistant.staff.priceCutConfirm", { name, from, to }), t("assistant.staff.priceYes"));
      await applyPatch(tx, options, vehicle, { price: command.price });
      return said(t("assistant.staff.priceDone", { name, from, to }), true);
    }
    case "field": {
      const { field } = command.change;
      const current = vehicle[field];
      const next = command.change.value;
      const label = fieldLabel(t, field);
      const to = fieldText(command.change, t);
      if (current !== null && String(current).toLowerCase() === String(next).toLowerCase())
        return said(t("assistant.staff.fieldSame", { label, name, value: to }), false);
      const from = fieldText({ field, value: current }, t);
      // Overwriting a value loses the old one; filling an empty field does not.
      if (current !== null && current !== "" && !options.confirmed)
        return ask(
          t("assistant.staff.fieldConfirm", { label, name, from, to }),
          t("assistant.staff.fieldYes"),
        );
      await applyPatch(tx, options, vehicle, patchOf(command.change));
      return said(t("assistant.staff.fieldDone", { label, name, from, to }), true);
    }
    case "publish": {
      if (vehicle.status !== "draft")
        return said(
          t("assistant.staff.publishedAlready", { name, status: statusLabel(t, vehicle.status) }),
          false,
        );
      await applyPatch(tx, options, vehicle, { status: "available" });
      return said(t("assistant.staff.published", { name }), true);
    }
  }
}

/** The showroom's stock names, so parsing tolerates typos of cars it really has. */
export async function stockVocabulary(tx: Tx): Promise<KnownModel[]> {
  return tx.vehicle.findMany({ distinct: ["brand", "model"], select: { brand: true, model: true } });
}
