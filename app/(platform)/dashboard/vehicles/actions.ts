"use server";
// Server actions of the dashboard's vehicles area. Each runs through runStaffAction (zod input,
// permission checked on the server, one tenant transaction with the tenant from the session) and
// refreshes the public catalog once its change has committed.
import { z } from "zod";
import { type ActionResult, runStaffAction } from "@/lib/actions/staff";
import type { StaffUser } from "@/lib/auth/guards";
import { revalidateCatalog } from "@/lib/catalog/revalidate";
import { Invalid } from "@/lib/core/errors";
import { getTranslator } from "@/lib/core/i18n/server";
import { parseRupiah } from "@/lib/core/money";
import {
  type ImportPreview,
  type ImportReport,
  importVehiclesCsv,
  previewVehiclesCsv,
} from "@/lib/inventory/csv-import";
import { type DuplicateCheck, findVehicleDuplicates } from "@/lib/inventory/dashboard-vehicles";
import {
  deleteStoredFiles,
  deleteVehiclePhoto,
  reorderVehiclePhotos,
  setMainVehiclePhoto,
} from "@/lib/inventory/photos-admin";
import { saveVehicleFromForm } from "@/lib/inventory/save-vehicle";
import { updateVehicleFields } from "@/lib/inventory/vehicle-admin";
import { VEHICLE_FORM_FIELDS } from "@/lib/inventory/vehicle-form";
import { VEHICLE_STATUSES } from "@/lib/inventory/vehicle-input";
import { suggestStockCode } from "@/lib/inventory/vehicles";

const refreshCatalog = async (_result: unknown, user: StaffUser) => revalidateCatalog(user.tenantId);

const FormValues = z
  .object(Object.fromEntries(VEHICLE_FORM_FIELDS.map((field) => [field, z.string().max(10_000).optional()])))
  .extend({
    acknowledgeDuplicates: z.string().max(10).optional(),
  });

const SaveVehicleInput = z.object({ vehicleId: z.uuid().optional(), values: FormValues });

/** Create (no vehicleId) or update a vehicle from the form; field errors come back in the user's language. */
export async function saveVehicle(raw: unknown): Promise<ActionResult<{ id: string }>> {
  const { t } = await getTranslator();
  return runStaffAction(
    { permission: "vehicles.write", input: SaveVehicleInput, afterCommit: refreshCatalog },
    raw,
    async ({ user, actor, tx }, input) => {
      // Validated once inside, with field errors in the user's language and one audit row per save.
      const vehicle = await saveVehicleFromForm(tx, {
        tenantId: user.tenantId,
        actor,
        t,
        vehicleId: input.vehicleId,
        values: input.values,
      });
      return { id: vehicle.id };
    },
  );
}

export async function suggestStockCodeFor(raw: unknown): Promise<ActionResult<string>> {
  return runStaffAction(
    { permission: "vehicles.write", input: z.object({ brand: z.string().trim().max(60) }) },
    raw,
    ({ tx }, input) => suggestStockCode(tx, { brand: input.brand }),
  );
}

/** Warns while the user types, before anything is saved. */
export async function checkVehicleDuplicates(raw: unknown): Promise<ActionResult<DuplicateCheck>> {
  const input = z.object({
    stockCode: z.string().max(40).optional(),
    plateNumber: z.string().max(16).optional(),
    vehicleId: z.uuid().optional(),
  });
  return runStaffAction({ permission: "vehicles.write", input }, raw, ({ tx }, values) =>
    findVehicleDuplicates(tx, {
      stockCode: values.stockCode,
      plateNumber: values.plateNumber,
      exceptId: values.vehicleId,
    }),
  );
}

export async function changeVehicleStatus(
  raw: unknown,
): Promise<ActionResult<{ id: string; status: string }>> {
  const input = z.object({ vehicleId: z.uuid(), status: z.enum(VEHICLE_STATUSES) });
  return runStaffAction(
    { permission: "vehicles.write", input, afterCommit: refreshCatalog },
    raw,
    async ({ user, actor, tx }, values) => {
      const vehicle = await updateVehicleFields(tx, {
        tenantId: user.tenantId,
        actor,
        vehicleId: values.vehicleId,
        patch: { status: values.status },
      });
      return { id: vehicle.id, status: vehicle.status };
    },
  );
}

export async function changeVehiclePrice(raw: unknown): Promise<ActionResult<{ id: string; price: string }>> {
  const { t } = await getTranslator();
  const input = z.object({
    vehicleId: z.uuid(),
    price: z
      .string()
      .max(40)
      .transform((text, ctx) => {
        const price = parseRupiah(text);
        if (price !== null) return price;
        ctx.addIssue({ code: "custom", message: t("vehicles.error.price") });
        return z.NEVER;
      }),
  });
  return runStaffAction(
    { permission: "vehicles.write", input, afterCommit: refreshCatalog },
    raw,
    async ({ user, actor, tx }, values) => {
      const vehicle = await updateVehicleFields(tx, {
        tenantId: user.tenantId,
        actor,
        vehicleId: values.vehicleId,
        patch: { price: values.price },
      });
      return { id: vehicle.id, price: vehicle.price.toString() };
    },
  );
}

export async function reorderPhotos(raw: unknown) {
  const input = z.object({ vehicleId: z.uuid(), photoIds: z.array(z.uuid()).min(1).max(100) });
  return runStaffAction(
    { permission: "vehicles.write", input, afterCommit: refreshCatalog },
    raw,
    ({ user, actor, tx }, values) =>
      reorderVehiclePhotos(tx, {
        tenantId: user.tenantId,
        actor,
        vehicleId: values.vehicleId,
        photoIds: values.photoIds,
      }),
  );
}

export async function setMainPhoto(raw: unknown) {
  return runStaffAction(
    { permission: "vehicles.write", input: z.object({ photoId: z.uuid() }), afterCommit: refreshCatalog },
    raw,
    ({ user, actor, tx }, values) =>
      setMainVehiclePhoto(tx, { tenantId: user.tenantId, actor, photoId: values.photoId }),
  );
}

export async function deletePhoto(raw: unknown) {
  return runStaffAction(
    {
      permission: "vehicles.write",
      input: z.object({ photoId: z.uuid() }),
      // Files go only after the row is gone for good, then the catalog stops pointing at them.
      afterCommit: async (result: { keys: string[] }, user: StaffUser) => {
        await deleteStoredFiles(result.keys);
        await revalidateCatalog(user.tenantId);
      },
    },
    raw,
    async ({ user, actor, tx }, values) =>
      deleteVehiclePhoto(tx, { tenantId: user.tenantId, actor, photoId: values.photoId }),
  );
}

const MAX_CSV_BYTES = 2 * 1024 * 1024;
const MAX_CSV_ROWS = 2000;
const CsvInput = z.object({ csv: z.string().min(1).max(MAX_CSV_BYTES) });

function refuseHugeFile(csv: string, message: string): void {
  // Rows are counted roughly (quoted newlines count too): enough to keep one import short.
  if (csv.split("\n").length > MAX_CSV_ROWS + 1) throw new Invalid(message);
}

/** The dry run: what the import would do, per row, with nothing written. */
export async function previewCsvImport(raw: unknown): Promise<ActionResult<ImportPreview>> {
  const { t, locale } = await getTranslator();
  return runStaffAction({ permission: "vehicles.import", input: CsvInput }, raw, ({ user, tx }, values) => {
    refuseHugeFile(values.csv, t("vehicles.csv.tooBig"));
    return previewVehiclesCsv(tx, { tenantId: user.tenantId, csv: values.csv, locale });
  });
}

export async function importCsv(raw: unknown): Promise<ActionResult<ImportReport>> {
  const { t, locale } = await getTranslator();
  return runStaffAction(
    { permission: "vehicles.import", input: CsvInput, afterCommit: refreshCatalog },
    raw,
    ({ user, actor }, values) => {
      refuseHugeFile(values.csv, t("vehicles.csv.tooBig"));
      // Each row commits in its own transaction (csv-import.ts), so one bad row never undoes the rest.
      return importVehiclesCsv({ tenantId: user.tenantId, actor, csv: values.csv, locale });
    },
  );
}
