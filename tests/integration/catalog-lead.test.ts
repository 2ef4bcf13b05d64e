// The catalog's lead form: valid input becomes a Lead of the showroom that lists the car; another
// showroom's car, a sold car or bad input is refused with reasons the form can show.
import { describe, expect, it } from "vitest";
import { systemActor } from "@/lib/audit/record";
import { withTenant } from "@/lib/core/db/tenant";
import { createVehicle, updateVehicle } from "@/lib/inventory/vehicles";
import { createCatalogLead } from "@/lib/leads/catalog-lead";
import { makeTenant } from "../support/factories";

const actor = systemActor("test");
/** One buyer's address for this file's lead forms (each address has its own form limit). */
const CLIENT = "192.0.2.11";

async function tenantWithCar() {
  const tenant = await makeTenant();
  const vehicle = await withTenant(tenant.id, (tx) =>
    createVehicle(tx, {
      tenantId: tenant.id,
      actor,
      input: {
        stockCode: "L-1",
        brand: "Toyota",
        model: "Avanza",
        year: 2019,
        transmission: "manual",
        mileageKm: 40_000,
        price: 150_000_000n,
      },
    }),
  );
  return { tenant, vehicle };
}

describe("catalog lead form", () => {
  it("creates a lead for the showroom that lists the car, with the phone in international form", async () => {
    const { tenant, vehicle } = await tenantWithCar();
    const result = await createCatalogLead({
      ip: CLIENT,
      tenantId: tenant.id,
      vehicleSlug: vehicle.slug,
      input: { name: "Budi", phone: "0812 9999 1234", message: "Masih ada?" },
    });
    expect(result.ok).toBe(true);
    const leads = await withTenant(tenant.id, (tx) => tx.lead.findMany());
    expect(leads).toEqual([
      expect.objectContaining({
        name: "Budi",
        phone: "6281299991234",
        source: "web",
        vehicleId: vehicle.id,
        status: "new",
        message: "Masih ada?",
      }),
    ]);
  });

  it("refuses another showroom's car", async () => {
    const a = await tenantWithCar();
    const b = await tenantWithCar();
    const result = await createCatalogLead({
      ip: CLIENT,
      tenantId: a.tenant.id,
      vehicleSlug: `${b.vehicle.slug}-x`,
      input: { name: "Budi", phone: "081299991234" },
    });
    expect(result).toEqual({ ok: false, problems: ["unavailable"] });
    expect(await withTenant(b.tenant.id, (tx) => tx.lead.count())).toBe(0);
  });

  it("refuses a sold car and names every problem with the input", async () => {
    const { tenant, vehicle } = await tenantWithCar();
    expect(
      await createCatalogLead({
        ip: CLIENT,
        tenantId: tenant.id,
        vehicleSlug: vehicle.slug,
        input: { name: "B", phone: "abc" },
      }),
    ).toEqual({ ok: false, problems: ["name", "phone"] });
    await withTenant(tenant.id, (tx) =>
      updateVehicle(tx, { tenantId: tenant.id, actor, vehicleId: vehicle.id, input: { status: "sold" } }),
    );
    expect(
      await createCatalogLead({
        ip: CLIENT,
        tenantId: tenant.id,
        vehicleSlug: vehicle.slug,
        input: { name: "Budi", phone: "081299991234" },
      }),
    ).toEqual({ ok: false, problems: ["unavailable"] });
  });
});
