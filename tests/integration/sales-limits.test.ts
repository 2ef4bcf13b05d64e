// What sales staff may do to stock (issue 12): a salesperson could cut any price and mark any car
// sold. Now a showroom setting decides (default: sold allowed, price cuts at most 5 % below the
// price an owner or admin set), and every channel obeys it: the quick actions, the full form, the
// command bar (WhatsApp's commands have their test in staff-commands.test.ts). Owners and admins
// are never limited; only they change the setting.
import { describe, expect, it } from "vitest";
import { runCommandAction } from "@/app/(platform)/dashboard/command/actions";
import { updateSalesLimitsAction } from "@/app/(platform)/dashboard/settings/actions";
import {
  changeVehiclePrice,
  changeVehicleStatus,
  saveVehicle,
} from "@/app/(platform)/dashboard/vehicles/actions";
import { systemActor } from "@/lib/audit/record";
import { withTenant } from "@/lib/core/db/tenant";
import { MESSAGES } from "@/lib/core/i18n/messages";
import { vehicleFormValues } from "@/lib/inventory/vehicle-form";
import { createVehicle } from "@/lib/inventory/vehicles";
import { makeTenant, makeUser } from "../support/factories";
import { signInAs } from "../support/framework";

const PRICE = 200_000_000n;
const TOO_DEEP = MESSAGES.id["security.sales.priceCutTooDeep"].replace("{n}", "5");
const SOLD_REFUSED = MESSAGES.id["security.sales.soldNotAllowed"];

async function showroom() {
  const tenant = await makeTenant();
  const owner = await makeUser({ tenantId: tenant.id, role: "owner" });
  const admin = await makeUser({ tenantId: tenant.id, role: "admin" });
  const sales = await makeUser({ tenantId: tenant.id, role: "sales" });
  const vehicle = await withTenant(tenant.id, (tx) =>
    createVehicle(tx, {
      tenantId: tenant.id,
      actor: systemActor("test"),
      input: {
        stockCode: "SL-001",
        brand: "Toyota",
        model: "Fortuner",
        year: 2020,
        transmission: "automatic",
        mileageKm: 50_000,
        price: PRICE,
      },
    }),
  );
  return { tenant, owner, admin, sales, vehicle };
}

const stored = (tenantId: string, id: string) =>
  withTenant(tenantId, (tx) => tx.vehicle.findUniqueOrThrow({ where: { id } }));

describe("a salesperson and the price (issue 12)", () => {
  it("cannot cut a price by more than the showroom allows, in one step or in several", async () => {
    const { tenant, sales, vehicle } = await showroom();
    await signInAs(sales);
    // 30 % off: refused, with the rule in the user's language; nothing changed, nothing recorded.
    expect(await changeVehiclePrice({ vehicleId: vehicle.id, price: "140 jt" })).toEqual({
      ok: false,
      code: "forbidden",
      message: TOO_DEEP,
      fieldErrors: { price: [TOO_DEEP] },
    });
    expect((await stored(tenant.id, vehicle.id)).price).toBe(PRICE);
    // 5 % is allowed...
    expect(await changeVehiclePrice({ vehicleId: vehicle.id, price: "190 jt" })).toMatchObject({ ok: true });
    // ...but a second 5 % is measured from the approved price, not the last one.
    expect(await changeVehiclePrice({ vehicleId: vehicle.id, price: "180,5 jt" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    // Raising is always fine.
    expect(await changeVehiclePrice({ vehicleId: vehicle.id, price: "210 jt" })).toMatchObject({ ok: true });
    const events = await withTenant(tenant.id, (tx) =>
      tx.vehicleEvent.findMany({ where: { vehicleId: vehicle.id, type: "price_changed" } }),
    );
    expect(events.map((event) => event.toPrice)).toEqual([190_000_000n, 210_000_000n]);
  });

  it("cannot get round the limit through the full form or the command bar", async () => {
    const { tenant, sales, vehicle } = await showroom();
    await signInAs(sales);
    const values = { ...vehicleFormValues(vehicle), price: "100000000" };
    expect(await saveVehicle({ vehicleId: vehicle.id, values })).toMatchObject({
      ok: false,
      code: "forbidden",
      fieldErrors: { price: [TOO_DEEP] },
    });
    const command = await runCommandAction({ text: "harga SL-001 jadi 150jt" });
    expect(command).toMatchObject({ ok: true, data: { changed: false } });
    expect(command.ok && command.data.reply).toBe(TOO_DEEP);
    expect(command.ok && command.data.confirm).toBeUndefined();
    // Even a forged confirmation of the cut changes nothing.
    const forced = await runCommandAction({
      text: "harga SL-001 jadi 150jt",
      confirm: true,
      vehicleId: vehicle.id,
    });
    expect(forced).toMatchObject({ ok: true, data: { changed: false, reply: TOO_DEEP } });
    expect((await stored(tenant.id, vehicle.id)).price).toBe(PRICE);
  });

  it("lets owners and admins set any price, which becomes the approved one", async () => {
    const { tenant, admin, sales, vehicle } = await showroom();
    await signInAs(admin);
    expect(await changeVehiclePrice({ vehicleId: vehicle.id, price: "120 jt" })).toMatchObject({ ok: true });
    expect(await stored(tenant.id, vehicle.id)).toMatchObject({
      price: 120_000_000n,
      approvedPrice: 120_000_000n,
    });
    await signInAs(sales);
    expect(await changeVehiclePrice({ vehicleId: vehicle.id, price: "114 jt" })).toMatchObject({ ok: true });
    expect(await stored(tenant.id, vehicle.id)).toMatchObject({
      price: 114_000_000n,
      approvedPrice: 120_000_000n,
    });
  });
});

describe("the showroom's setting (issue 12)", () => {
  it("is changed by an owner or admin only, audited, and then binds sales everywhere", async () => {
    const { tenant, owner, sales, vehicle } = await showroom();
    await signInAs(sales);
    expect(await updateSalesLimitsAction({ salesMayMarkSold: true, salesMaxPriceCutPct: 100 })).toMatchObject(
      { ok: false, code: "forbidden" },
    );

    await signInAs(owner);
    expect(await updateSalesLimitsAction({ salesMayMarkSold: true, salesMaxPriceCutPct: 101 })).toMatchObject(
      {
        ok: false,
        code: "invalid",
        fieldErrors: { salesMaxPriceCutPct: [MESSAGES.id["security.sales.error.maxCut"]] },
      },
    );
    expect(
      await updateSalesLimitsAction({ salesMayMarkSold: false, salesMaxPriceCutPct: "0" }),
    ).toMatchObject({ ok: true, data: { salesMayMarkSold: false, salesMaxPriceCutPct: 0 } });
    const audit = await withTenant(tenant.id, (tx) =>
      tx.auditLog.findFirstOrThrow({ where: { action: "settings.sales_limits" } }),
    );
    expect(audit).toMatchObject({
      actorId: owner.id,
      before: { salesMayMarkSold: true, salesMaxPriceCutPct: 5 },
      after: { salesMayMarkSold: false, salesMaxPriceCutPct: 0 },
    });

    await signInAs(sales);
    expect(await changeVehicleStatus({ vehicleId: vehicle.id, status: "sold" })).toEqual({
      ok: false,
      code: "forbidden",
      message: SOLD_REFUSED,
      fieldErrors: { status: [SOLD_REFUSED] },
    });
    const sold = await runCommandAction({ text: "SL-001 terjual" });
    expect(sold).toMatchObject({ ok: true, data: { changed: false, reply: SOLD_REFUSED } });
    expect(await changeVehiclePrice({ vehicleId: vehicle.id, price: "199 jt" })).toMatchObject({
      ok: false,
      message: MESSAGES.id["security.sales.priceCutNone"],
    });
    // Booking is not limited; the owner may still sell.
    expect(await changeVehicleStatus({ vehicleId: vehicle.id, status: "booked" })).toMatchObject({
      ok: true,
    });
    await signInAs(owner);
    expect(await changeVehicleStatus({ vehicleId: vehicle.id, status: "sold" })).toMatchObject({ ok: true });
    expect((await stored(tenant.id, vehicle.id)).status).toBe("sold");
  });
});
