// The dashboard command bar's action: a signed-in sales user runs the WhatsApp staff commands
// (the session is the only thing faked); risky changes need the confirmation, and another
// showroom's stock code is simply not found.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import { runCommandAction } from "@/app/(platform)/dashboard/command/actions";
import { withTenant } from "@/lib/core/db/tenant";
import { makeTenant, makeUser } from "../support/factories";
import { revalidatedTenants, signInAs, signOut } from "../support/framework";
import { makeVehicle } from "../support/vehicles";

const home = { id: "", salesId: "", salesEmail: "" };
let otherId = "";

beforeAll(async () => {
  const tenant = await makeTenant("Showroom Dasbor");
  const rival = await makeTenant("Showroom Tetangga");
  home.id = tenant.id;
  otherId = rival.id;
  const car = {
    brand: "Toyota",
    model: "Avanza",
    year: 2020,
    transmission: "manual",
    mileageKm: 40_000,
    price: 185_000_000n,
    status: "available",
  } as const;
  await makeVehicle(tenant.id, { ...car, stockCode: "MJ-0003" });
  await makeVehicle(rival.id, { ...car, stockCode: "RV-0001" });
  const sales = await makeUser({ tenantId: tenant.id, role: "sales" });
  home.salesId = sales.id;
  home.salesEmail = sales.email;
});

beforeEach(() => {
  signInAs({ id: home.salesId });
});

const status = (tenantId: string, stockCode: string) =>
  withTenant(tenantId, async (tx) => (await tx.vehicle.findFirstOrThrow({ where: { stockCode } })).status);

describe("dashboard command bar", () => {
  it("lets a sales user book a car, then sell it after confirming, audited as that user", async () => {
    const booked = await runCommandAction({ text: "MJ-0003 booking" });
    expect(booked).toMatchObject({ ok: true, data: { changed: true } });
    expect(await status(home.id, "MJ-0003")).toBe("booked");
    expect(revalidatedTenants()).toEqual([home.id]);

    const question = await runCommandAction({ text: "MJ-0003 terjual" });
    if (!question.ok) throw new Error(question.message);
    expect(question.data.confirm?.yes).toBe("Ya, tandai terjual");
    expect(await status(home.id, "MJ-0003")).toBe("booked");

    const confirmed = await runCommandAction({
      text: "MJ-0003 terjual",
      confirm: true,
      vehicleId: question.data.confirm?.vehicleId,
    });
    expect(confirmed).toMatchObject({ ok: true, data: { changed: true } });
    expect(await status(home.id, "MJ-0003")).toBe("sold");
    const audit = await withTenant(home.id, (tx) =>
      tx.auditLog.findMany({ where: { action: "vehicle.update", actorId: home.salesId } }),
    );
    expect(audit.map((row) => row.actorEmail)).toEqual([home.salesEmail, home.salesEmail]);
  });

  it("answers another showroom's stock code with not found and changes nothing there", async () => {
    const result = await runCommandAction({ text: "RV-0001 terjual", confirm: true });
    expect(result).toMatchObject({ ok: true, data: { changed: false } });
    if (result.ok) expect(result.data.reply).toContain("tidak ditemukan");
    expect(await status(otherId, "RV-0001")).toBe("available");
  });

  it("refuses someone who is not signed in", async () => {
    signOut();
    const result = await runCommandAction({ text: "MJ-0003 tersedia lagi" });
    expect(result.ok).toBe(false);
  });
});
