// Demo data for a newcomer's first `npm start`: three showrooms with their own look, 30+ cars each
// across brands, statuses and cities, locally drawn photos, staff of every role and a super admin.
import "server-only";
import { randomBytes } from "node:crypto";
import { systemActor } from "@/lib/audit/record";
import { createUser } from "@/lib/auth/users";
import { withPlatformAccess } from "@/lib/core/db/platform";
import { withTenant } from "@/lib/core/db/tenant";
import { getEnv } from "@/lib/core/env";
import { renderDemoCarPhoto } from "@/lib/images/demo-photo";
import { storeVehiclePhoto } from "@/lib/images/photos";
import { createVehicle } from "@/lib/inventory/vehicles";
import {
  DEMO_CARS,
  DEMO_COLORS,
  DEMO_PASSWORD,
  DEMO_SHOWROOMS,
  type DemoShowroom,
  demoPlate,
} from "@/lib/seed/demo-data";
import { seededRandom } from "@/lib/seed/random";
import { createTenant } from "@/lib/tenancy/tenants";
import { encryptAccessToken } from "@/lib/whatsapp/accounts";
import { DEMO_TOKEN_PREFIX } from "@/lib/whatsapp/simulator";

export { DEMO_LOGINS, DEMO_PASSWORD, DEMO_SHOWROOMS } from "@/lib/seed/demo-data";

const actor = systemActor("seed");

const pick = <T>(items: readonly T[], next: () => number): T => items[Math.floor(next() * items.length)] as T;

export async function hasAnyTenant(): Promise<boolean> {
  return withPlatformAccess(
    { actor: { kind: "system", name: "seed" }, action: "seed.check", entity: "tenant" },
    async (tx) => (await tx.tenant.count()) > 0,
  );
}

export async function seedDemoIfEmpty(log: (line: string) => void = () => {}): Promise<boolean> {
  if (await hasAnyTenant()) return false;
  await seedDemo(log);
  return true;
}

export async function seedDemo(log: (line: string) => void = () => {}): Promise<void> {
  await createUser(
    { email: "admin@autolumiku.demo", password: DEMO_PASSWORD, name: "Admin Platform", role: "super_admin" },
    actor,
  );
  for (const [index, showroom] of DEMO_SHOWROOMS.entries()) {
    log(`seeding ${showroom.name}`);
    await seedShowroom(showroom, index);
  }
}

/**
 * A demo WhatsApp number per showroom, so the offline simulator works on the first start. The
 * token is random and only ever shown to the app's own Graph API stand-in; without an
 * ENCRYPTION_KEY (some test setups) the showroom simply stays unconnected.
 */
async function connectDemoWhatsApp(tenantId: string, showroom: DemoShowroom): Promise<void> {
  if (!getEnv().ENCRYPTION_KEY) return;
  const token = `${DEMO_TOKEN_PREFIX}${randomBytes(24).toString("base64url")}`;
  await withTenant(tenantId, (tx) =>
    tx.tenant.update({
      where: { id: tenantId },
      data: {
        whatsappPhoneNumberId: showroom.whatsappPhoneNumberId,
        whatsappAccessTokenEnc: encryptAccessToken(token),
        // Staff alerts outside a salesperson's 24-hour window need a template; the stand-in takes any name.
        whatsappTemplates: { staffAlert: "staff_alert", language: "id" },
      },
    }),
  );
}

async function seedShowroom(showroom: DemoShowroom, index: number): Promise<void> {
  const tenant = await createTenant(
    {
      slug: showroom.slug,
      name: showroom.name,
      city: showroom.city,
      address: showroom.address,
      phone: showroom.whatsapp,
      whatsappNumber: showroom.whatsapp,
      email: `halo@${showroom.slug}.demo`,
      tagline: showroom.tagline,
      theme: showroom.theme,
    },
    actor,
  );
  for (const staff of showroom.staff) {
    await createUser({ ...staff, password: DEMO_PASSWORD, tenantId: tenant.id }, actor);
  }
  await connectDemoWhatsApp(tenant.id, showroom);
  const next = seededRandom(1000 + index);
  const thisYear = new Date().getFullYear();
  for (let n = 0; n < showroom.vehicleCount; n += 1) {
    const car = DEMO_CARS[(n * 7 + index * 3) % DEMO_CARS.length] ?? DEMO_CARS[0];
    if (!car) continue;
    const year = thisYear - 1 - Math.floor(next() * 9);
    const age = thisYear - year;
    const color = pick(DEMO_COLORS, next);
    const mileageKm = Math.round((age * (9_000 + next() * 9_000)) / 1000) * 1000 + 1000;
    // Roughly 9% a year off the new price, rounded to the half million the way showrooms price.
    const price = BigInt(
      Math.round((car.newPrice * 0.91 ** age * (0.95 + next() * 0.1)) / 500_000) * 500_000,
    );
    const roll = next();
    const status =
      n < 4
        ? "available"
        : roll < 0.7
          ? "available"
          : roll < 0.85
            ? "booked"
            : roll < 0.95
              ? "sold"
              : "draft";
    const code = `${showroom.stockPrefix}-${String(n + 1).padStart(3, "0")}`;
    await withTenant(
      tenant.id,
      async (tx) => {
        const vehicle = await createVehicle(tx, {
          tenantId: tenant.id,
          actor,
          input: {
            stockCode: code,
            brand: car.brand,
            model: car.model,
            variant: car.variant,
            year,
            transmission: car.automaticShare > next() ? "automatic" : "manual",
            fuel: car.fuel,
            engineCc: car.engineCc,
            mileageKm,
            color: color.name,
            bodyType: car.bodyType,
            seats: car.seats,
            price,
            negotiable: next() < 0.7,
            plateNumber: demoPlate(showroom.plateRegion, next),
            previousOwners: 1 + Math.floor(next() * 2),
            city: next() < 0.8 ? showroom.city : pick(showroom.otherCities, next),
            status,
            featured: n < 6,
            taxValidUntil: new Date(Date.UTC(thisYear + (next() < 0.7 ? 1 : 0), Math.floor(next() * 12), 15)),
            // The STNK is renewed every five years from first registration.
            stnkValidUntil: new Date(Date.UTC(year + 5 * Math.ceil((age + 0.5) / 5), 5, 1)),
            descriptionId: `${car.brand} ${car.model} ${car.variant} tahun ${year}, warna ${color.name.toLowerCase()}, kilometer ${mileageKm.toLocaleString("id-ID")}. Surat lengkap, pajak hidup, siap pakai.`,
            descriptionEn: `${year} ${car.brand} ${car.model} ${car.variant} in ${color.en.toLowerCase()}, ${mileageKm.toLocaleString("en-US")} km. Complete papers, tax paid, ready to drive.`,
            features: car.features,
          },
        });
        const angles = n % 3 === 0 ? (["front", "side", "rear"] as const) : (["front", "side"] as const);
        for (const [position, angle] of angles.entries()) {
          const bytes = await renderDemoCarPhoto({
            bodyType: car.bodyType,
            colorHex: color.hex,
            label: `${car.brand} ${car.model}`,
            seed: n * 10 + position,
            angle,
          });
          await storeVehiclePhoto(tx, {
            tenantId: tenant.id,
            vehicleId: vehicle.id,
            bytes,
            isMain: position === 0,
          });
        }
      },
      { timeout: 120_000 },
    );
  }
}
