// What enters Next's data cache for a catalog page is public by construction: the showroom as a
// PublicShowroom and the cars as cards and detail DTOs. A showroom with a WhatsApp token, Cloud API
// ids, plan limits and AI settings set shows none of them in any cached catalog read, by key name
// and by value, while every field the pages render is still there.
import { beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "@/lib/audit/record";
import { readHome, readSitemap, readVehicle } from "@/lib/catalog/data";
import { readPublicShowroom } from "@/lib/catalog/public-showroom";
import { loadShowroom } from "@/lib/catalog/showroom";
import { serializeForCache } from "@/lib/core/cache";
import { withTenant } from "@/lib/core/db/tenant";
import { readCatalogQuery, searchVehicles } from "@/lib/inventory/search";
import { createVehicle } from "@/lib/inventory/vehicles";
import { makeTenant } from "../support/factories";

const SECRET_TOKEN = "enc:v1:secret-whatsapp-token-value";
const PHONE_NUMBER_ID = "109876543210987";
const PLATE = "B 1234 SJA";

/** Columns of a showroom or a car that no catalog page shows. */
const PRIVATE_KEYS = [
  "whatsappAccessTokenEnc",
  "whatsappPhoneNumberId",
  "whatsappTemplates",
  "maxVehicles",
  "maxStaff",
  "aiMonthlyBudgetMicroUsd",
  "aiRatePerMinute",
  "aiProvider",
  "assistantEnabled",
  "email",
  "phone",
  "province",
  "tenantId",
  "plateNumber",
  "storageKey",
  "bytes",
  "inStockSince",
  "createdAt",
  "users",
];

/** Every key anywhere in a value as the cache stores it (JSON with tagged bigints and dates). */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const entry of value) keysOf(entry, into);
  else if (value && typeof value === "object")
    for (const [key, entry] of Object.entries(value)) {
      into.add(key);
      keysOf(entry, into);
    }
  return into;
}

const cached = (value: unknown) => {
  const text = serializeForCache(value);
  return { text, keys: keysOf(JSON.parse(text)) };
};

let tenantId = "";
let slug = "";
let vehicleSlug = "";

beforeAll(async () => {
  const tenant = await makeTenant("Showroom Rahasia");
  tenantId = tenant.id;
  slug = tenant.slug;
  await withTenant(tenantId, async (tx) => {
    await tx.tenant.update({
      where: { id: tenantId },
      data: {
        whatsappAccessTokenEnc: SECRET_TOKEN,
        whatsappPhoneNumberId: PHONE_NUMBER_ID,
        whatsappTemplates: { followUp: "follow_up_internal" },
        maxVehicles: 77,
        aiProvider: "anthropic",
        email: "owner-private@example.test",
        phone: "0215550199",
        address: "Jl. Gatot Subroto 1",
      },
    });
    const vehicle = await createVehicle(tx, {
      tenantId,
      actor: systemActor("test"),
      input: {
        stockCode: "PUB-1",
        brand: "Toyota",
        model: "Avanza",
        year: 2020,
        transmission: "automatic",
        mileageKm: 30_000,
        price: 199_000_000n,
        plateNumber: PLATE,
        featured: true,
        color: "Putih",
      },
    });
    vehicleSlug = vehicle.slug;
  });
});

describe("catalog data at the cache boundary", () => {
  it("keeps the showroom's token, WhatsApp ids, plan limits and private contacts out of the cached showroom", async () => {
    const showroom = await readPublicShowroom(tenantId);
    const { text, keys } = cached(showroom);
    for (const key of PRIVATE_KEYS) expect(keys, key).not.toContain(key);
    for (const value of [SECRET_TOKEN, PHONE_NUMBER_ID, "follow_up_internal", "owner-private@example.test"])
      expect(text).not.toContain(value);
    // What the layout, home, contact and vehicle pages render.
    expect([...Object.keys(showroom)].sort()).toEqual(
      [
        "address",
        "city",
        "creditMinDownPct",
        "creditRateBps",
        "creditTenorsMonths",
        "domains",
        "id",
        "mapUrl",
        "name",
        "openingHours",
        "slug",
        "tagline",
        "theme",
        "whatsappNumber",
      ].sort(),
    );
    expect(showroom).toMatchObject({ name: "Showroom Rahasia", address: "Jl. Gatot Subroto 1", domains: [] });
  });

  it("hands pages the same public showroom through loadShowroom", async () => {
    const showroom = await loadShowroom(`id~p~${slug}`);
    expect(showroom.state).toBe("open");
    if (showroom.state !== "open") return;
    const { text, keys } = cached(showroom.tenant);
    for (const key of PRIVATE_KEYS) expect(keys, key).not.toContain(key);
    expect(text).not.toContain(SECRET_TOKEN);
    expect(showroom.theme.primary).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it("caches cars as cards and detail DTOs: no tenant id, plate number or stored originals", async () => {
    const reads = {
      home: await readHome(tenantId),
      search: await withTenant(tenantId, (tx) => searchVehicles(tx, readCatalogQuery({ q: "avanza" }))),
      vehicle: await readVehicle(tenantId, vehicleSlug),
      sitemap: await readSitemap(tenantId),
    };
    for (const [name, value] of Object.entries(reads)) {
      const { text, keys } = cached(value);
      for (const key of PRIVATE_KEYS) expect(keys, `${name}: ${key}`).not.toContain(key);
      expect(text, name).not.toContain(PLATE);
      expect(text, name).not.toContain(tenantId);
    }
    expect(reads.home.featured.map((car) => car.stockCode)).toEqual(["PUB-1"]);
    expect(reads.search.items.map((car) => car.stockCode)).toEqual(["PUB-1"]);
    // The detail page still has its specs: the plate's region and odd/even, not the plate.
    expect(reads.vehicle).toMatchObject({
      stockCode: "PUB-1",
      price: 199_000_000n,
      plateRegion: "B",
      plateParity: "even",
      color: "Putih",
    });
    expect(reads.sitemap.map((entry) => entry.slug)).toEqual([vehicleSlug]);
  });
});
