// The dashboard's vehicles area against real PostgreSQL: the server actions and route handlers as a
// signed-in staff member calls them (the session is the only thing faked), photo validation and
// storage, CSV dry run and round trip, and every action refusing another showroom's ids.
import { existsSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";

import {
  changeVehiclePrice,
  changeVehicleStatus,
  checkVehicleDuplicates,
  deletePhoto,
  importCsv,
  previewCsvImport,
  reorderPhotos,
  saveVehicle,
  setMainPhoto,
  suggestStockCodeFor,
} from "@/app/(platform)/dashboard/vehicles/actions";
import { POST as uploadPhoto } from "@/app/api/dashboard/vehicles/[id]/photos/route";
import { GET as exportCsv } from "@/app/api/dashboard/vehicles/export/route";
import { systemActor } from "@/lib/audit/record";
import { withTenant } from "@/lib/core/db/tenant";
import { getEnv } from "@/lib/core/env";
import { readVariants } from "@/lib/images/photos";
import {
  getDashboardVehicle,
  listDashboardVehicles,
  readDashboardVehicleQuery,
} from "@/lib/inventory/dashboard-vehicles";
import { createVehicle } from "@/lib/inventory/vehicles";
import { getStorage } from "@/lib/storage";
import { makeTenant, makeUser } from "../support/factories";
import { cookieJar, revalidatedTenants, signInAs } from "../support/framework";

const actor = systemActor("test");

async function showroom() {
  const tenant = await makeTenant();
  const admin = await makeUser({ tenantId: tenant.id, role: "admin" });
  const sales = await makeUser({ tenantId: tenant.id, role: "sales" });
  return { tenant, admin, sales };
}

let counter = 0;
async function car(tenantId: string, overrides: { plateNumber?: string; price?: bigint } = {}) {
  counter += 1;
  return withTenant(tenantId, (tx) =>
    createVehicle(tx, {
      tenantId,
      actor,
      input: {
        stockCode: `T-${counter}`,
        brand: "Toyota",
        model: "Avanza",
        year: 2019,
        transmission: "manual",
        mileageKm: 40_000,
        price: overrides.price ?? 150_000_000n,
        plateNumber: overrides.plateNumber,
      },
    }),
  );
}

async function jpeg(options: { width?: number; height?: number; gps?: boolean } = {}): Promise<Buffer> {
  const image = sharp({
    create: {
      width: options.width ?? 800,
      height: options.height ?? 600,
      channels: 3,
      background: { r: 200, g: 40, b: 40 },
    },
  }).jpeg();
  if (options.gps)
    return image
      .withExif({ IFD0: { Make: "TestCam" }, IFD3: { GPSLatitudeRef: "S", GPSLatitude: "6/1 10/1 0/1" } })
      .toBuffer();
  return image.toBuffer();
}

function upload(vehicleId: string, bytes: Buffer, name = "mobil.jpg", type = "image/jpeg") {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], name, { type }));
  const request = new Request(`http://localhost/api/dashboard/vehicles/${vehicleId}/photos`, {
    method: "POST",
    body: form,
    headers: { origin: "http://localhost" },
  });
  return uploadPhoto(request, { params: Promise.resolve({ id: vehicleId }) });
}

async function uploadOk(vehicleId: string, bytes?: Buffer): Promise<string> {
  const response = await upload(vehicleId, bytes ?? (await jpeg()));
  expect(response.status).toBe(200);
  return ((await response.json()) as { id: string }).id;
}

const storedFile = (key: string) => path.resolve(getEnv().DATA_DIR, "uploads", key);
const photosOf = (tenantId: string, vehicleId: string) =>
  withTenant(tenantId, (tx) =>
    tx.vehiclePhoto.findMany({ where: { vehicleId }, orderBy: { position: "asc" } }),
  );
const auditActions = (tenantId: string) =>
  withTenant(tenantId, (tx) => tx.auditLog.findMany({ orderBy: { createdAt: "asc" } })).then((rows) =>
    rows.map((row) => row.action),
  );

const formValues = (overrides: Record<string, string> = {}) => ({
  stockCode: `F-${++counter}`,
  brand: "Honda",
  model: "Jazz",
  variant: "1.5 RS",
  year: "2018",
  transmission: "automatic",
  fuel: "petrol",
  mileageKm: "45.000",
  price: "185 jt",
  negotiable: "on",
  plateNumber: "",
  status: "available",
  features: "Kamera mundur\nKunci pintar",
  ...overrides,
});

describe("vehicle form", () => {
  it("creates a car from what a person types ('185 jt', '45.000') and refreshes the catalog", async () => {
    const { tenant, sales } = await showroom();
    signInAs(sales);
    const result = await saveVehicle({ values: formValues({ taxValidUntil: "2026-08-17" }) });
    expect(result.ok).toBe(true);
    const id = result.ok ? result.data.id : "";
    const stored = await withTenant(tenant.id, (tx) => tx.vehicle.findUniqueOrThrow({ where: { id } }));
    expect(stored).toMatchObject({
      brand: "Honda",
      price: 185_000_000n,
      mileageKm: 45_000,
      negotiable: true,
      features: ["Kamera mundur", "Kunci pintar"],
    });
    expect(stored.taxValidUntil?.toISOString().slice(0, 10)).toBe("2026-08-17");
    expect(revalidatedTenants()).toEqual([tenant.id]);
  });

  it("answers each bad field in Indonesian, next to its name, and writes nothing", async () => {
    const { tenant, admin } = await showroom();
    signInAs(admin);
    const result = await saveVehicle({
      values: formValues({ brand: "", year: "1890", price: "murah", plateNumber: "12345" }),
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.fieldErrors).toEqual({
      brand: ["Wajib diisi."],
      year: [expect.stringContaining("Isi angka antara 1950")],
      price: [expect.stringContaining("Harga tidak terbaca")],
      plateNumber: [expect.stringContaining("Bukan nomor polisi Indonesia")],
    });
    expect(await withTenant(tenant.id, (tx) => tx.vehicle.count())).toBe(0);
  });

  it("suggests a readable stock code, refuses a taken one and asks before reusing a plate", async () => {
    const { tenant, admin } = await showroom();
    const existing = await car(tenant.id, { plateNumber: "B 1234 SJA" });
    signInAs(admin);
    expect(await suggestStockCodeFor({ brand: "Toyota" })).toEqual({ ok: true, data: "TOY-0001" });

    const duplicates = await checkVehicleDuplicates({
      stockCode: existing.stockCode.toLowerCase(),
      plateNumber: "b1234sja",
    });
    expect(duplicates.ok && Object.keys(duplicates.data).sort()).toEqual(["plateNumber", "stockCode"]);

    const takenCode = await saveVehicle({ values: formValues({ stockCode: existing.stockCode }) });
    expect(!takenCode.ok && takenCode.fieldErrors?.stockCode?.[0]).toContain("Kode stok ini sudah dipakai");

    const samePlate = await saveVehicle({ values: formValues({ plateNumber: "B1234SJA" }) });
    expect(!samePlate.ok && samePlate.fieldErrors?.plateNumber?.[0]).toContain(
      "Nomor polisi ini sudah tercatat",
    );
    expect(await withTenant(tenant.id, (tx) => tx.vehicle.count())).toBe(1);

    const acknowledged = await saveVehicle({
      values: formValues({ plateNumber: "B1234SJA", acknowledgeDuplicates: "on" }),
    });
    expect(acknowledged.ok).toBe(true);
  });
});

describe("one save, one validation, one audit row", () => {
  it("writes a new car with its in-stock date, and then an edit, as one audit row each", async () => {
    const { tenant, admin } = await showroom();
    signInAs(admin);
    const created = await saveVehicle({ values: formValues({ inStockSince: "2024-01-15" }) });
    const id = created.ok ? created.data.id : "";
    expect(created.ok).toBe(true);
    const edited = await saveVehicle({
      vehicleId: id,
      values: formValues({ stockCode: "EDIT-1", price: "179 jt", inStockSince: "2024-02-01" }),
    });
    expect(edited.ok).toBe(true);
    const stored = await withTenant(tenant.id, (tx) => tx.vehicle.findUniqueOrThrow({ where: { id } }));
    expect([stored.stockCode, stored.price, stored.inStockSince.toISOString().slice(0, 10)]).toEqual([
      "EDIT-1",
      179_000_000n,
      "2024-02-01",
    ]);
    const audit = await withTenant(tenant.id, (tx) =>
      tx.auditLog.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" } }),
    );
    expect(audit.map((row) => row.action)).toEqual(["vehicle.create", "vehicle.update"]);
  });

  it("answers in English for an English-speaking user, with no zod text", async () => {
    const { admin } = await showroom();
    signInAs(admin);
    cookieJar().set("locale", "en");
    const result = await saveVehicle({
      values: formValues({
        brand: "",
        year: "1890",
        price: "0",
        transmission: "semi",
        features: "x".repeat(81),
      }),
    });
    expect(!result.ok && result.fieldErrors).toEqual({
      brand: ["Required."],
      year: [expect.stringMatching(/^Enter a number between 1950 and \d{4}\.$/)],
      price: ["Cannot read the price. For example: 185 jt or Rp 185.000.000."],
      transmission: ["Choose one of the options."],
      features: ["At most 50 features of 80 characters each."],
    });
  });
});

describe("status and price quick actions", () => {
  it("records booked, sold and a price cut as history with who, from and to", async () => {
    const { tenant, sales } = await showroom();
    const vehicle = await car(tenant.id);
    signInAs(sales);
    expect((await changeVehicleStatus({ vehicleId: vehicle.id, status: "booked" })).ok).toBe(true);
    expect((await changeVehiclePrice({ vehicleId: vehicle.id, price: "Rp 145.000.000" })).ok).toBe(true);
    expect((await changeVehicleStatus({ vehicleId: vehicle.id, status: "sold" })).ok).toBe(true);
    const name = "Test sales";
    const detail = await withTenant(tenant.id, (tx) => getDashboardVehicle(tx, vehicle.id));
    expect(
      detail.events.map((event) => [
        event.type,
        event.fromStatus,
        event.toStatus,
        event.fromPrice,
        event.toPrice,
        event.actorName,
      ]),
    ).toEqual([
      ["status_changed", "booked", "sold", null, null, name],
      ["price_changed", null, null, 150_000_000n, 145_000_000n, name],
      ["status_changed", "available", "booked", null, null, name],
      ["created", null, "available", null, 150_000_000n, null],
    ]);
    expect(revalidatedTenants()).toEqual([tenant.id, tenant.id, tenant.id]);
  });

  it("lists, filters, searches and sorts the showroom's cars from the URL", async () => {
    const { tenant } = await showroom();
    await car(tenant.id, { price: 100_000_000n });
    const dear = await car(tenant.id, { price: 300_000_000n });
    await withTenant(tenant.id, (tx) =>
      tx.vehicle.update({ where: { id: dear.id }, data: { status: "sold", color: "Merah Marun" } }),
    );
    const all = await withTenant(tenant.id, (tx) =>
      listDashboardVehicles(tx, readDashboardVehicleQuery({ sort: "price_desc" })),
    );
    expect(all.items.map((item) => item.price)).toEqual([300_000_000n, 100_000_000n]);
    const sold = await withTenant(tenant.id, (tx) =>
      listDashboardVehicles(tx, readDashboardVehicleQuery({ status: "sold" })),
    );
    expect(sold.items.map((item) => item.id)).toEqual([dear.id]);
    const searched = await withTenant(tenant.id, (tx) =>
      listDashboardVehicles(tx, readDashboardVehicleQuery({ q: "marun", sort: "nonsense", page: "x" })),
    );
    expect(searched.items.map((item) => item.id)).toEqual([dear.id]);
  });
});

describe("photos from a phone", () => {
  it("stores a photo through the pipeline with its GPS removed, audits it and refreshes the catalog", async () => {
    const { tenant, sales } = await showroom();
    const vehicle = await car(tenant.id);
    signInAs(sales);
    const id = await uploadOk(vehicle.id, await jpeg({ gps: true, width: 1200, height: 900 }));
    const [photo] = await photosOf(tenant.id, vehicle.id);
    expect(photo).toMatchObject({ id, isMain: true, position: 0, width: 1200, height: 900 });
    const variants = readVariants(photo?.variants);
    expect(variants.length).toBeGreaterThan(0);
    for (const variant of variants) {
      const stored = await getStorage().get(variant.key);
      expect(stored).not.toBeNull();
      expect((await sharp(stored?.bytes).metadata()).exif).toBeUndefined();
    }
    expect(await auditActions(tenant.id)).toContain("vehicle.photo.add");
    expect(revalidatedTenants()).toEqual([tenant.id]);
  });

  it("refuses a text file renamed .jpg, in Indonesian, and stores nothing", async () => {
    const { tenant, sales } = await showroom();
    const vehicle = await car(tenant.id);
    signInAs(sales);
    const response = await upload(
      vehicle.id,
      Buffer.from("ini bukan foto, hanya teks biasa\n".repeat(10)),
      "mobil.jpg",
      "image/jpeg",
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toBe(
      "Format foto tidak didukung. Gunakan JPEG, PNG, WebP, atau AVIF.",
    );
    expect(await photosOf(tenant.id, vehicle.id)).toHaveLength(0);
  });

  it("refuses a photo with too many pixels before decoding it", async () => {
    const { tenant, sales } = await showroom();
    const vehicle = await car(tenant.id);
    signInAs(sales);
    const response = await upload(vehicle.id, await jpeg({ width: 8000, height: 5100 }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toBe("Resolusi foto terlalu besar.");
    expect(await photosOf(tenant.id, vehicle.id)).toHaveLength(0);
  });

  it("reorders, chooses the main photo and deletes one together with its files, auditing each", async () => {
    const { tenant, sales } = await showroom();
    const vehicle = await car(tenant.id);
    signInAs(sales);
    const [a, b, c] = [await uploadOk(vehicle.id), await uploadOk(vehicle.id), await uploadOk(vehicle.id)];
    expect((await photosOf(tenant.id, vehicle.id)).map((photo) => [photo.id, photo.isMain])).toEqual([
      [a, true],
      [b, false],
      [c, false],
    ]);

    expect((await reorderPhotos({ vehicleId: vehicle.id, photoIds: [c, a, b] })).ok).toBe(true);
    expect((await photosOf(tenant.id, vehicle.id)).map((photo) => photo.id)).toEqual([c, a, b]);

    expect((await setMainPhoto({ photoId: c })).ok).toBe(true);
    expect(
      (await photosOf(tenant.id, vehicle.id)).filter((photo) => photo.isMain).map((photo) => photo.id),
    ).toEqual([c]);

    const doomed = (await photosOf(tenant.id, vehicle.id))[0];
    const files = readVariants(doomed?.variants).map((variant) => storedFile(variant.key));
    expect(files.every((file) => existsSync(file))).toBe(true);
    expect((await deletePhoto({ photoId: c })).ok).toBe(true);
    const left = await photosOf(tenant.id, vehicle.id);
    expect(left.map((photo) => [photo.id, photo.position, photo.isMain])).toEqual([
      [a, 0, true],
      [b, 1, false],
    ]);
    expect(files.some((file) => existsSync(file))).toBe(false);

    const actions = await auditActions(tenant.id);
    expect(actions.filter((action) => action.startsWith("vehicle.photo."))).toEqual([
      "vehicle.photo.add",
      "vehicle.photo.add",
      "vehicle.photo.add",
      "vehicle.photo.reorder",
      "vehicle.photo.main",
      "vehicle.photo.delete",
    ]);
    expect(revalidatedTenants()).toHaveLength(6);
  });

  it("refuses a reorder that leaves out or invents a photo", async () => {
    const { tenant, sales } = await showroom();
    const vehicle = await car(tenant.id);
    signInAs(sales);
    const [a, b] = [await uploadOk(vehicle.id), await uploadOk(vehicle.id)];
    expect((await reorderPhotos({ vehicleId: vehicle.id, photoIds: [b] })).ok).toBe(false);
    expect((await reorderPhotos({ vehicleId: vehicle.id, photoIds: [b, b] })).ok).toBe(false);
    expect((await photosOf(tenant.id, vehicle.id)).map((photo) => photo.id)).toEqual([a, b]);
  });
});

const HEADER = "stock_code,brand,model,year,transmission,mileage_km,price,status";

describe("CSV import and export", () => {
  it("previews an import row by row without writing anything", async () => {
    const { tenant, admin } = await showroom();
    const existing = await car(tenant.id);
    signInAs(admin);
    // Row reasons come in the user's language; this user reads English.
    cookieJar().set("locale", "en");
    const auditBefore = await withTenant(tenant.id, (tx) => tx.auditLog.count());
    const csv = [
      HEADER,
      `${existing.stockCode},Toyota,Avanza,2019,manual,40000,150000000,available`,
      "N-1,Honda,Brio,2020,matic,10rb,140 jt,tersedia",
      "N-2,Honda,Brio,2020,matic,10rb,murah,tersedia",
      `${existing.stockCode.toLowerCase()}x,Toyota,Avanza,2019,manual,40000,155 jt,booking`,
    ].join("\n");
    const result = await previewCsvImport({ csv });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect({
      created: result.data.created,
      updated: result.data.updated,
      unchanged: result.data.unchanged,
      rejected: result.data.rejected.length,
    }).toEqual({ created: 2, updated: 0, unchanged: 1, rejected: 1 });
    expect(result.data.rows).toEqual([
      { row: 2, stockCode: existing.stockCode, outcome: "unchanged" },
      { row: 3, stockCode: "N-1", outcome: "created" },
      { row: 4, stockCode: "N-2", outcome: "rejected", reason: "price: 'murah' is not an amount" },
      { row: 5, stockCode: `${existing.stockCode.toLowerCase()}x`, outcome: "created" },
    ]);
    const changed = await previewCsvImport({
      csv: `${HEADER}\n${existing.stockCode},Toyota,Avanza,2019,manual,40000,149 jt,booked`,
    });
    expect(changed.ok && changed.data.rows).toEqual([
      { row: 2, stockCode: existing.stockCode, outcome: "updated", changes: ["price", "status"] },
    ]);
    expect(await withTenant(tenant.id, (tx) => tx.vehicle.count())).toBe(1);
    expect(await withTenant(tenant.id, (tx) => tx.auditLog.count())).toBe(auditBefore);
  });

  it("gives an Indonesian user the preview's reasons in Indonesian", async () => {
    const { admin } = await showroom();
    signInAs(admin);
    const result = await previewCsvImport({
      csv: `${HEADER}\nN-1,Honda,Brio,2020,matic,10rb,murah,tersedia`,
    });
    expect(result.ok && result.data.rows).toEqual([
      { row: 2, stockCode: "N-1", outcome: "rejected", reason: "price: 'murah' bukan jumlah uang" },
    ]);
  });

  it("round-trips: export, edit two rows, import changes exactly those two", async () => {
    const { tenant, admin } = await showroom();
    const cars = [await car(tenant.id), await car(tenant.id), await car(tenant.id), await car(tenant.id)];
    signInAs(admin);
    const response = await exportCsv(new Request("http://localhost/api/dashboard/vehicles/export"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="stok-${tenant.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
    );
    const exported = await response.text();
    const [first, second] = [cars[1]?.stockCode ?? "", cars[2]?.stockCode ?? ""];
    const edited = exported
      .split("\n")
      .map((line) =>
        line.startsWith(`${first},`)
          ? line.replace(",150000000,", ",139000000,")
          : line.startsWith(`${second},`)
            ? line.replace(",available,", ",booked,")
            : line,
      )
      .join("\n");
    expect(edited).not.toBe(exported);
    const result = await importCsv({ csv: edited });
    expect(
      result.ok && {
        created: result.data.created,
        updated: result.data.updated,
        unchanged: result.data.unchanged,
        rejected: result.data.rejected,
      },
    ).toEqual({ created: 0, updated: 2, unchanged: 2, rejected: [] });
    const stored = await withTenant(tenant.id, (tx) =>
      tx.vehicle.findMany({ orderBy: { stockCode: "asc" } }),
    );
    expect(stored.map((vehicle) => [vehicle.stockCode, vehicle.price, vehicle.status])).toEqual(
      cars.map((vehicle) => [
        vehicle.stockCode,
        vehicle.stockCode === first ? 139_000_000n : 150_000_000n,
        vehicle.stockCode === second ? "booked" : "available",
      ]),
    );
    expect(revalidatedTenants()).toEqual([tenant.id]);
  });

  it("refuses the import and its preview to sales, on the server", async () => {
    const { tenant, sales } = await showroom();
    signInAs(sales);
    const csv = `${HEADER}\nS-1,Honda,Brio,2020,matic,10000,140 jt,available`;
    expect(await previewCsvImport({ csv })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await importCsv({ csv })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await withTenant(tenant.id, (tx) => tx.vehicle.count())).toBe(0);
  });
});

describe("another showroom's vehicles and photos are not found, and nothing changes", () => {
  async function twoShowrooms() {
    const mine = await showroom();
    const theirs = await showroom();
    const theirCar = await car(theirs.tenant.id, { plateNumber: "D 777 XYZ" });
    signInAs(theirs.admin);
    const theirPhoto = await uploadOk(theirCar.id);
    signInAs(mine.admin);
    const snapshot = async () => ({
      vehicle: await withTenant(theirs.tenant.id, (tx) =>
        tx.vehicle.findUniqueOrThrow({ where: { id: theirCar.id } }),
      ),
      photos: await photosOf(theirs.tenant.id, theirCar.id),
      audit: await withTenant(theirs.tenant.id, (tx) => tx.auditLog.count()),
      events: await withTenant(theirs.tenant.id, (tx) => tx.vehicleEvent.count()),
    });
    return { mine, theirs, theirCar, theirPhoto, before: await snapshot(), snapshot };
  }

  it("saveVehicle (edit)", async () => {
    const { theirCar, before, snapshot } = await twoShowrooms();
    expect(
      await saveVehicle({ vehicleId: theirCar.id, values: formValues({ stockCode: theirCar.stockCode }) }),
    ).toMatchObject({ ok: false, code: "not_found" });
    expect(await snapshot()).toEqual(before);
  });

  it("changeVehicleStatus", async () => {
    const { theirCar, before, snapshot } = await twoShowrooms();
    expect(await changeVehicleStatus({ vehicleId: theirCar.id, status: "sold" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("changeVehiclePrice", async () => {
    const { theirCar, before, snapshot } = await twoShowrooms();
    expect(await changeVehiclePrice({ vehicleId: theirCar.id, price: "1 jt" })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("POST /api/dashboard/vehicles/[id]/photos", async () => {
    const { theirCar, before, snapshot } = await twoShowrooms();
    const response = await upload(theirCar.id, await jpeg());
    expect(response.status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it("reorderPhotos", async () => {
    const { theirCar, theirPhoto, before, snapshot } = await twoShowrooms();
    expect(await reorderPhotos({ vehicleId: theirCar.id, photoIds: [theirPhoto] })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await snapshot()).toEqual(before);
  });

  it("setMainPhoto", async () => {
    const { theirPhoto, before, snapshot } = await twoShowrooms();
    expect(await setMainPhoto({ photoId: theirPhoto })).toMatchObject({ ok: false, code: "not_found" });
    expect(await snapshot()).toEqual(before);
  });

  it("deletePhoto (and its stored files stay)", async () => {
    const { theirPhoto, before, snapshot } = await twoShowrooms();
    expect(await deletePhoto({ photoId: theirPhoto })).toMatchObject({ ok: false, code: "not_found" });
    expect(await snapshot()).toEqual(before);
    for (const variant of readVariants(before.photos[0]?.variants))
      expect(existsSync(storedFile(variant.key))).toBe(true);
  });

  it("checkVehicleDuplicates does not reveal their stock codes or plates", async () => {
    const { theirCar } = await twoShowrooms();
    expect(await checkVehicleDuplicates({ stockCode: theirCar.stockCode, plateNumber: "D 777 XYZ" })).toEqual(
      { ok: true, data: {} },
    );
  });

  it("GET /api/dashboard/vehicles/export exports only my stock", async () => {
    const { mine, theirCar } = await twoShowrooms();
    const own = await car(mine.tenant.id);
    const body = await (
      await exportCsv(new Request("http://localhost/api/dashboard/vehicles/export"))
    ).text();
    expect(body).toContain(`${own.stockCode},`);
    expect(body).not.toContain(`${theirCar.stockCode},`);
  });

  it("previewCsvImport and importCsv with their stock code touch only my showroom", async () => {
    const { mine, theirCar, before, snapshot } = await twoShowrooms();
    const csv = `${HEADER}\n${theirCar.stockCode},Toyota,Avanza,2019,manual,40000,99 jt,sold`;
    const preview = await previewCsvImport({ csv });
    expect(preview.ok && preview.data.rows).toEqual([
      { row: 2, stockCode: theirCar.stockCode, outcome: "created" },
    ]);
    const result = await importCsv({ csv });
    expect(result.ok && result.data.created).toBe(1);
    expect(await snapshot()).toEqual(before);
    expect(
      await withTenant(mine.tenant.id, (tx) =>
        tx.vehicle.count({ where: { stockCode: theirCar.stockCode } }),
      ),
    ).toBe(1);
  });
});
