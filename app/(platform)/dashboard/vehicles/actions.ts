"use server";
// Server actions of the dashboard's vehicles area, each declared with its permission; changes
// refresh the public catalog once they have committed.
import { z } from "zod";
import { staffAction } from "@/lib/actions/client";
import type { StaffDone } from "@/lib/actions/kinds";
import { revalidateCatalog } from "@/lib/catalog/revalidate";
import { Invalid } from "@/lib/core/errors";
import { getTranslator } from "@/lib/core/i18n/server";
import { parseRupiah } from "@/lib/core/money";
import { importVehiclesCsv, previewVehiclesCsv } from "@/lib/inventory/csv-import";
import { findVehicleDuplicates } from "@/lib/inventory/dashboard-vehicles";
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

const refreshCatalog = (_result: unknown, { user }: StaffDone) => revalidateCatalog(user.tenantId);
const write = staffAction("vehicles.write");
const change = write.afterCommit(refreshCatalog);

const FormValues = z
  .object(Object.fromEntries(VEHICLE_FORM_FIELDS.map((field) => [field, z.string().max(10_000).optional()])))
  .extend({
    acknowledgeDuplicates: z.string().max(10).optional(),
  });

/** Create (no vehicleId) or update a vehicle from the form; field errors come back in the user's language. */
export const saveVehicle = change
  .input(z.object({ vehicleId: z.uuid().optional(), values: FormValues }))
  .action(async ({ user, actor, tx }, input) => {
    const { t } = await getTranslator();
    // Validated once inside, with field errors in the user's language and one audit row per save.
    const vehicle = await saveVehicleFromForm(tx, {
      tenantId: user.tenantId,
      actor,
      t,
      vehicleId: input.vehicleId,
      values: input.values,
    });
    return { id: vehicle.id };
  });

export const suggestStockCodeFor = write
  .input(z.object({ brand: z.string().trim().max(60) }))
  .action(({ tx }, input) => suggestStockCode(tx, { brand: input.brand }));

/** Warns while the user types, before anything is saved. */
export const checkVehicleDuplicates = write
  .input(
    z.object({
      stockCode: z.string().max(40).optional(),
      plateNumber: z.string().max(16).optional(),
      vehicleId: z.uuid().optional(),
    }),
  )
  .action(({ tx }, values) =>
    findVehicleDuplicates(tx, {
      stockCode: values.stockCode,
      plateNumber: values.plateNumber,
      exceptId: values.vehicleId,
    }),
  );

export const changeVehicleStatus = change
  .input(z.object({ vehicleId: z.uuid(), status: z.enum(VEHICLE_STATUSES) }))
  .action(async ({ user, actor, tx }, values) => {
    const vehicle = await updateVehicleFields(tx, {
      tenantId: user.tenantId,
      actor,
      vehicleId: values.vehicleId,
      patch: { status: values.status },
    });
    return { id: vehicle.id, status: vehicle.status };
  });

const Price = z
  .string()
  .max(40)
  .transform((text, ctx) => {
    const price = parseRupiah(text);
    if (price !== null) return price;
    ctx.addIssue({ code: "custom", message: "vehicles.error.price" });
    return z.NEVER;
  });

export const changeVehiclePrice = change
  .input(z.object({ vehicleId: z.uuid(), price: Price }))
  .action(async ({ user, actor, tx }, values) => {
    const vehicle = await updateVehicleFields(tx, {
      tenantId: user.tenantId,
      actor,
      vehicleId: values.vehicleId,
      patch: { price: values.price },
    });
    return { id: vehicle.id, price: vehicle.price.toString() };
  });

export const reorderPhotos = change
  .input(z.object({ vehicleId: z.uuid(), photoIds: z.array(z.uuid()).min(1).max(100) }))
  .action(({ user, actor, tx }, values) =>
    reorderVehiclePhotos(tx, {
      tenantId: user.tenantId,
      actor,
      vehicleId: values.vehicleId,
      photoIds: values.photoIds,
    }),
  );

export const setMainPhoto = change
  .input(z.object({ photoId: z.uuid() }))
  .action(({ user, actor, tx }, values) =>
    setMainVehiclePhoto(tx, { tenantId: user.tenantId, actor, photoId: values.photoId }),
  );

export const deletePhoto = write
  .input(z.object({ photoId: z.uuid() }))
  // Files go only after the row is gone for good, then the catalog stops pointing at them.
  .afterCommit(async (result: { keys: string[] }, { user }) => {
    await deleteStoredFiles(result.keys);
    await revalidateCatalog(user.tenantId);
  })
  .action(({ user, actor, tx }, values) =>
    deleteVehiclePhoto(tx, { tenantId: user.tenantId, actor, photoId: values.photoId }),
  );

const MAX_CSV_BYTES = 2 * 1024 * 1024;
const MAX_CSV_ROWS = 2000;
const CsvInput = z.object({ csv: z.string().min(1).max(MAX_CSV_BYTES) });

function refuseHugeFile(csv: string): void {
  // Rows are counted roughly (quoted newlines count too): enough to keep one import short.
  if (csv.split("\n").length > MAX_CSV_ROWS + 1) throw new Invalid("vehicles.csv.tooBig");
}

/** The dry run: what the import would do, per row, with nothing written. */
export const previewCsvImport = staffAction("vehicles.import")
  .input(CsvInput)
  .action(async ({ user, tx }, values) => {
    refuseHugeFile(values.csv);
    const { locale } = await getTranslator();
    return previewVehiclesCsv(tx, { tenantId: user.tenantId, csv: values.csv, locale });
  });

export const importCsv = staffAction("vehicles.import")
  .input(CsvInput)
  .afterCommit(refreshCatalog)
  .action(async ({ user, actor }, values) => {
    refuseHugeFile(values.csv);
    const { locale } = await getTranslator();
    // Each row commits in its own transaction (csv-import.ts), so one bad row never undoes the rest.
    return importVehiclesCsv({ tenantId: user.tenantId, actor, csv: values.csv, locale });
  });
