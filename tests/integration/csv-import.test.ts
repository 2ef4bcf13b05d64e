// The CSV importer shared by the CLI and the dashboard: good rows land, bad rows are reported by
// spreadsheet row number in the caller's language (English here, as the CLI writes them), and
// importing the same file twice changes nothing.
import { describe, expect, it } from "vitest";
import { systemActor } from "@/lib/audit/record";
import { withTenant } from "@/lib/core/db/tenant";
import { exportVehiclesCsv, importVehiclesCsv } from "@/lib/inventory/csv-import";
import { HEADER, sixtyRows } from "../support/csv";
import { makeTenant } from "../support/factories";

const actor = systemActor("test");
describe("CSV vehicle import", () => {
  it("imports 57 of 60 rows and names the row and reason of each of the 3 bad ones", async () => {
    const tenant = await makeTenant();
    const report = await importVehiclesCsv({ tenantId: tenant.id, actor, locale: "en", csv: sixtyRows() });
    expect({ created: report.created, updated: report.updated, unchanged: report.unchanged }).toEqual({
      created: 57,
      updated: 0,
      unchanged: 0,
    });
    expect(report.rejected).toEqual([
      { row: 11, stockCode: "S-010", reason: expect.stringContaining("year: must be between 1950") },
      { row: 31, stockCode: "S-030", reason: "price: 'murah' is not an amount" },
      {
        row: 51,
        stockCode: "S-050",
        reason: expect.stringContaining("transmission: 'setengah otomatis' is not manual or automatic"),
      },
    ]);
    const stored = await withTenant(tenant.id, (tx) =>
      tx.vehicle.findUnique({ where: { tenantId_stockCode: { tenantId: tenant.id, stockCode: "S-001" } } }),
    );
    expect(stored).toMatchObject({
      brand: "Honda",
      price: 101_500_000n,
      transmission: "automatic",
      mileageKm: 21_000,
      plateNumber: "B 1001 ABC",
      plateRegion: "B",
      plateParity: "odd",
    });
  });

  it("changes nothing when the same file is imported again", async () => {
    const tenant = await makeTenant();
    await importVehiclesCsv({ tenantId: tenant.id, actor, locale: "en", csv: sixtyRows() });
    const auditBefore = await withTenant(tenant.id, (tx) => tx.auditLog.count());
    const again = await importVehiclesCsv({ tenantId: tenant.id, actor, locale: "en", csv: sixtyRows() });
    expect({
      created: again.created,
      updated: again.updated,
      unchanged: again.unchanged,
      rejected: again.rejected.length,
    }).toEqual({ created: 0, updated: 0, unchanged: 57, rejected: 3 });
    expect(await withTenant(tenant.id, (tx) => tx.auditLog.count())).toBe(auditBefore);
  });

  it("changes exactly the edited rows of an export, with their price and status history", async () => {
    const tenant = await makeTenant();
    await importVehiclesCsv({ tenantId: tenant.id, actor, locale: "en", csv: sixtyRows() });
    const exported = await exportVehiclesCsv({ tenantId: tenant.id });
    expect(
      (await importVehiclesCsv({ tenantId: tenant.id, actor, locale: "en", csv: exported })).unchanged,
    ).toBe(57);

    const edited = exported
      .split("\n")
      .map((line) =>
        line.startsWith("S-002,")
          ? line.replace(",152000000,", ",149000000,")
          : line.startsWith("S-003,")
            ? line.replace(",available,", ",sold,")
            : line,
      )
      .join("\n");
    const report = await importVehiclesCsv({ tenantId: tenant.id, actor, locale: "en", csv: edited });
    expect({
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
      rejected: report.rejected,
    }).toEqual({ created: 0, updated: 2, unchanged: 55, rejected: [] });
    const events = await withTenant(tenant.id, (tx) =>
      tx.vehicleEvent.findMany({
        where: { type: { not: "created" } },
        include: { vehicle: { select: { stockCode: true } } },
      }),
    );
    expect(
      events.map((event) => [
        event.vehicle.stockCode,
        event.type,
        event.fromPrice,
        event.toPrice,
        event.fromStatus,
        event.toStatus,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ["S-002", "price_changed", 152_000_000n, 149_000_000n, null, null],
        ["S-003", "status_changed", null, null, "available", "sold"],
      ]),
    );
    expect(events).toHaveLength(2);
  });

  it("reads semicolon files with Indonesian headers and a byte-order mark", async () => {
    const tenant = await makeTenant();
    const csv =
      "\uFEFFKode Stok;Merek;Model;Tahun;Transmisi;Kilometer;Harga;Nomor Polisi;Bahan Bakar\nHX-001;Toyota;Innova;2019;matic;45.000;Rp 285.000.000;D 1234 XY;solar\n";
    const report = await importVehiclesCsv({ tenantId: tenant.id, actor, locale: "en", csv });
    expect(report).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: [] });
    const car = await withTenant(tenant.id, (tx) => tx.vehicle.findFirst());
    expect(car).toMatchObject({
      stockCode: "HX-001",
      price: 285_000_000n,
      mileageKm: 45_000,
      fuel: "diesel",
      plateParity: "even",
      plateRegion: "D",
    });
  });

  it("refuses a file without the required columns, naming them", async () => {
    const tenant = await makeTenant();
    await expect(
      importVehiclesCsv({ tenantId: tenant.id, actor, locale: "en", csv: "brand,model\nToyota,Avanza\n" }),
    ).rejects.toThrow("Missing required columns: stock_code, year, transmission, mileage_km, price");
  });

  it("rejects a stock code that appears twice in one file", async () => {
    const tenant = await makeTenant();
    const csv = `${HEADER}\nA-1,Toyota,Avanza,,2019,manual,bensin,10000,,,100 jt,,,,\nA-1,Toyota,Avanza,,2020,manual,bensin,10000,,,110 jt,,,,\n`;
    const report = await importVehiclesCsv({ tenantId: tenant.id, actor, locale: "en", csv });
    expect(report.created).toBe(1);
    expect(report.rejected).toEqual([
      { row: 3, stockCode: "A-1", reason: "duplicate stock_code A-1 in this file (first on row 2)" },
    ]);
  });

  it("keeps one showroom's import out of another showroom's stock", async () => {
    const a = await makeTenant();
    const b = await makeTenant();
    await importVehiclesCsv({ tenantId: a.id, actor, locale: "en", csv: sixtyRows() });
    expect(await withTenant(b.id, (tx) => tx.vehicle.count())).toBe(0);
    // The file starts with a UTF-8 byte-order mark (Excel needs it to read UTF-8).
    expect(await exportVehiclesCsv({ tenantId: b.id })).toBe(
      `\uFEFF${HEADER.split(",").slice(0, 15).join(",")},description_en,engine_cc,seats,negotiable,tax_valid_until,stnk_valid_until,previous_owners,featured,features\n`,
    );
  });

  it("writes every reason in Indonesian for an Indonesian user, never zod's English", async () => {
    const tenant = await makeTenant();
    const csv = `${HEADER}\nA-1,Toyota,Avanza,,2019,manual,bensin,10000,,,murah,,,,\nA-2,Toyota,Avanza,,1890,manual,bensin,10000,,,100 jt,,,12345,\nA-3,,Avanza,,2019,manual,bensin,10000,,,100 jt,,,,\n`;
    const report = await importVehiclesCsv({ tenantId: tenant.id, actor, locale: "id", csv });
    expect(report.rejected).toEqual([
      { row: 2, stockCode: "A-1", reason: "price: 'murah' bukan jumlah uang" },
      { row: 3, stockCode: "A-2", reason: expect.stringMatching(/^year: harus antara 1950 dan \d{4}$/) },
      { row: 4, stockCode: "A-3", reason: "brand: Wajib diisi." },
    ]);
    await expect(
      importVehiclesCsv({ tenantId: tenant.id, actor, locale: "id", csv: "brand,model\nToyota,Avanza\n" }),
    ).rejects.toThrow("Kolom wajib tidak ada: stock_code, year, transmission, mileage_km, price");
  });

  it("writes one audit row per imported car and validates each row once", async () => {
    const tenant = await makeTenant();
    const csv = `${HEADER}\nA-1,Toyota,Avanza,,2019,manual,bensin,10000,,,100 jt,,,B 1234 SJA,\nA-2,Toyota,Avanza,,2019,manual,bensin,10000,,,100 jt,,,nopol,\n`;
    const report = await importVehiclesCsv({ tenantId: tenant.id, actor, locale: "en", csv });
    expect(report.rejected).toEqual([
      { row: 3, stockCode: "A-2", reason: "plate_number: Not an Indonesian plate, for example: B 1234 SJA." },
    ]);
    expect(
      await withTenant(tenant.id, (tx) =>
        tx.auditLog.findMany({ where: { entity: "vehicle" }, select: { action: true } }),
      ),
    ).toEqual([{ action: "vehicle.create" }]);
  });
});
