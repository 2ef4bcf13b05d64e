// Attack: the plan's limits (cars in stock, photos per car, active staff) are passed by sending
// many creates at the same moment, or by a path that forgets to check. The database refuses
// anything past the limit (a trigger under a per-showroom lock), and the app's own checks (under
// the same lock) answer in the user's language: dashboard form, CSV import and preview, photo
// upload, staff creation. Parallel creates prove there is no race.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { createStaffAction } from "@/app/(platform)/dashboard/staff/actions";
import { importCsv, previewCsvImport, saveVehicle } from "@/app/(platform)/dashboard/vehicles/actions";
import { POST as uploadPhoto } from "@/app/api/dashboard/vehicles/[id]/photos/route";
import { systemActor } from "@/lib/audit/record";
import { createUser } from "@/lib/auth/users";
import { PlanLimitReached, planLimitRefusal } from "@/lib/core/db/plan-limits";
import { withPlatformAccess } from "@/lib/core/db/platform";
import { withTenant } from "@/lib/core/db/tenant";
import { MAX_PHOTOS_PER_VEHICLE, storeVehiclePhoto } from "@/lib/images/photos";
import { createVehicle, updateVehicle } from "@/lib/inventory/vehicles";
import { makeTenant, makeUser, photoRow } from "../support/factories";
import { signInAs } from "../support/framework";

const actor = systemActor("test");

async function setLimits(tenantId: string, data: { maxVehicles?: number; maxStaff?: number }) {
  await withPlatformAccess(
    { actor: { kind: "system", name: "test" }, action: "tenant.limits", entity: "tenant", tenantId },
    (tx) => tx.tenant.update({ where: { id: tenantId }, data }),
  );
}

let counter = 0;
const carInput = (status: "available" | "sold" = "available") => {
  counter += 1;
  return {
    stockCode: `PL-${counter}`,
    brand: "Toyota",
    model: "Avanza",
    year: 2019,
    transmission: "manual" as const,
    mileageKm: 40_000,
    price: 150_000_000n,
    status,
  };
};

const addCar = (tenantId: string, status: "available" | "sold" = "available") =>
  withTenant(tenantId, (tx) => createVehicle(tx, { tenantId, actor, input: carInput(status) }));

/** A raw insert that skips every check of the app: only the database stands in the way. */
const rawCar = (tenantId: string) =>
  withTenant(tenantId, async (tx) => {
    const input = carInput();
    await tx.vehicle.create({
      data: { ...input, tenantId, slug: input.stockCode.toLowerCase() },
    });
    // Hold the transaction open so the racing ones really overlap.
    await tx.$executeRaw`SELECT pg_sleep(0.2)`;
  });

const unsold = (tenantId: string) =>
  withTenant(tenantId, (tx) => tx.vehicle.count({ where: { status: { not: "sold" } } }));

function outcomes(results: PromiseSettledResult<unknown>[]) {
  return {
    created: results.filter((result) => result.status === "fulfilled").length,
    refused: results.filter(
      (result) => result.status === "rejected" && result.reason instanceof PlanLimitReached,
    ).length,
  };
}

async function jpeg(): Promise<Buffer> {
  return sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 10, g: 120, b: 200 } } })
    .jpeg()
    .toBuffer();
}

describe("cars in stock per plan (tenants.max_vehicles)", () => {
  it("refuses the dashboard form, the CSV import and its preview at the limit, in the user's language", async () => {
    const tenant = await makeTenant();
    const admin = await makeUser({ tenantId: tenant.id, role: "admin" });
    await setLimits(tenant.id, { maxVehicles: 0 });
    signInAs(admin);
    const saved = await saveVehicle({
      values: {
        stockCode: "F-1",
        brand: "Honda",
        model: "Brio",
        year: "2020",
        transmission: "automatic",
        mileageKm: "10000",
        price: "140 jt",
      },
    });
    expect(saved).toMatchObject({ ok: false, code: "conflict", message: expect.stringContaining("0 mobil") });

    await setLimits(tenant.id, { maxVehicles: 1 });
    const csv = [
      "stock_code,brand,model,year,transmission,mileage_km,price,status",
      "C-1,Honda,Brio,2020,matic,10rb,140 jt,tersedia",
      "C-2,Honda,Brio,2020,matic,10rb,140 jt,tersedia",
      "C-3,Honda,Brio,2020,matic,10rb,140 jt,terjual",
    ].join("\n");
    const preview = await previewCsvImport({ csv });
    expect(preview.ok && preview.data.rows.map((row) => row.outcome)).toEqual([
      "created",
      "rejected",
      "created",
    ]);
    expect(preview.ok && preview.data.rows[1]?.reason).toContain("Batas paket");
    const imported = await importCsv({ csv });
    expect(imported.ok && imported.data.created).toBe(2);
    expect(imported.ok && imported.data.rejected).toEqual([
      { row: 3, stockCode: "C-2", reason: expect.stringContaining("boleh punya 1 mobil") },
    ]);
    expect(await unsold(tenant.id)).toBe(1);
  });

  it("counts unsold cars only, and refuses putting a sold car back on sale past the limit", async () => {
    const tenant = await makeTenant();
    await setLimits(tenant.id, { maxVehicles: 1 });
    const sold = await addCar(tenant.id, "sold");
    await addCar(tenant.id);
    await expect(addCar(tenant.id)).rejects.toBeInstanceOf(PlanLimitReached);
    await expect(
      withTenant(tenant.id, (tx) =>
        updateVehicle(tx, { tenantId: tenant.id, actor, vehicleId: sold.id, input: { status: "available" } }),
      ),
    ).rejects.toBeInstanceOf(PlanLimitReached);
  });

  it("lets exactly the free places through when many creates race, through the app and around it", async () => {
    const tenant = await makeTenant();
    await setLimits(tenant.id, { maxVehicles: 3 });
    await addCar(tenant.id);
    await addCar(tenant.id);
    expect(outcomes(await Promise.allSettled(Array.from({ length: 6 }, () => addCar(tenant.id))))).toEqual({
      created: 1,
      refused: 5,
    });
    expect(await unsold(tenant.id)).toBe(3);

    // The database alone, with raw inserts that skip the app's check: still exactly the limit.
    await setLimits(tenant.id, { maxVehicles: 5 });
    expect(
      outcomes(
        await Promise.allSettled(Array.from({ length: 6 }, () => rawCar(tenant.id).catch(rethrowPlan))),
      ),
    ).toEqual({
      created: 2,
      refused: 4,
    });
    expect(await unsold(tenant.id)).toBe(5);
  });
});

function rethrowPlan(error: unknown): never {
  // A raw Prisma call surfaces the trigger's refusal as a driver error; read it the app's way.
  throw error instanceof PlanLimitReached ? error : (planLimitRefusal(error) ?? error);
}

describe("photos per car", () => {
  it(`keeps a car at ${MAX_PHOTOS_PER_VEHICLE} photos when uploads race, and answers the next upload with 409 in Indonesian`, async () => {
    const tenant = await makeTenant();
    const admin = await makeUser({ tenantId: tenant.id, role: "admin" });
    const vehicle = await addCar(tenant.id);
    await withTenant(tenant.id, async (tx) => {
      for (let position = 0; position < MAX_PHOTOS_PER_VEHICLE - 2; position += 1)
        await tx.vehiclePhoto.create({ data: photoRow(tenant.id, vehicle.id, position) });
    });
    const bytes = await jpeg();
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        withTenant(tenant.id, (tx) =>
          storeVehiclePhoto(tx, { tenantId: tenant.id, vehicleId: vehicle.id, bytes }),
        ),
      ),
    );
    expect(outcomes(results)).toEqual({ created: 2, refused: 3 });
    const count = () =>
      withTenant(tenant.id, (tx) => tx.vehiclePhoto.count({ where: { vehicleId: vehicle.id } }));
    expect(await count()).toBe(MAX_PHOTOS_PER_VEHICLE);

    signInAs(admin);
    const form = new FormData();
    form.set("file", new File([new Uint8Array(bytes)], "car.jpg", { type: "image/jpeg" }));
    const response = await uploadPhoto(
      new Request(`http://localhost/api/dashboard/vehicles/${vehicle.id}/photos`, {
        method: "POST",
        body: form,
        headers: { origin: "http://localhost" },
      }),
      { params: Promise.resolve({ id: vehicle.id }) },
    );
    expect(response.status).toBe(409);
    expect((await response.json()).message).toBe(
      `Satu mobil paling banyak ${MAX_PHOTOS_PER_VEHICLE} foto. Hapus foto yang tidak dipakai dulu.`,
    );
    expect(await count()).toBe(MAX_PHOTOS_PER_VEHICLE);
  });

  it("is enforced by the database for inserts that skip the app", async () => {
    const tenant = await makeTenant();
    const vehicle = await addCar(tenant.id);
    const insert = (position: number) =>
      withTenant(tenant.id, async (tx) => {
        await tx.vehiclePhoto.create({ data: photoRow(tenant.id, vehicle.id, position) });
        await tx.$executeRaw`SELECT pg_sleep(0.1)`;
      }).catch(rethrowPlan);
    await Promise.all(Array.from({ length: MAX_PHOTOS_PER_VEHICLE - 1 }, (_, index) => insert(index)));
    expect(outcomes(await Promise.allSettled([insert(100), insert(101), insert(102)]))).toEqual({
      created: 1,
      refused: 2,
    });
  });
});

describe("active staff per plan (tenants.max_staff)", () => {
  it("gives the last seat to exactly one of several owners' requests at once, and the database holds without the app", async () => {
    const tenant = await makeTenant();
    const owner = await makeUser({ tenantId: tenant.id, role: "owner" });
    await setLimits(tenant.id, { maxStaff: 2 });
    signInAs(owner);
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, index) =>
        createStaffAction({
          name: `Racer ${index}`,
          email: `racer${index}-${tenant.id}@example.test`,
          role: "sales",
          password: "rahasia-123",
        }),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.code)).toEqual([
      "conflict",
      "conflict",
      "conflict",
    ]);

    // createUser (CLI, seed) has no seat check of its own: the trigger refuses the extra account.
    await setLimits(tenant.id, { maxStaff: 3 });
    const made = await Promise.allSettled(
      Array.from({ length: 3 }, (_, index) =>
        createUser(
          {
            email: `cli${index}-${tenant.id}@example.test`,
            password: "rahasia-123",
            name: "CLI",
            role: "sales",
            tenantId: tenant.id,
          },
          actor,
        ),
      ),
    );
    expect(made.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const active = await withTenant(tenant.id, (tx) => tx.user.count({ where: { isActive: true } }));
    expect(active).toBe(3);
  });
});
