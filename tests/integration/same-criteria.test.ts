// The same words find the same cars on the catalog's search page and in the WhatsApp assistant:
// one table of criteria, run through the catalog search (as URL parameters) and through the
// assistant's own searches (the LLM's search_vehicles tool and the local engine's offers), on one
// seeded showroom. Sold and draft cars never show.
import { beforeAll, describe, expect, it } from "vitest";
import { createToolExecutor } from "@/lib/assistant/llm/tools/registry";
import { searchOffers } from "@/lib/assistant/local/search";
import { systemActor } from "@/lib/audit/record";
import { withTenant } from "@/lib/core/db/tenant";
import { findListedVehicles, type VehicleCriteria } from "@/lib/inventory/criteria";
import { readCatalogQuery, searchVehicles } from "@/lib/inventory/search";
import type { VehicleInput } from "@/lib/inventory/vehicle-input";
import { createVehicle } from "@/lib/inventory/vehicles";
import { makeTenant } from "../support/factories";

const jt = (millions: number) => BigInt(millions) * 1_000_000n;

type Car = Omit<VehicleInput, "price" | "mileageKm" | "transmission"> & {
  price: number;
  mileageKm?: number;
  transmission?: "manual" | "automatic";
};

const STOCK: Car[] = [
  {
    stockCode: "A1",
    brand: "Toyota",
    model: "Avanza",
    variant: "1.5 G",
    year: 2019,
    transmission: "manual",
    mileageKm: 45_000,
    color: "Putih",
    bodyType: "mpv",
    seats: 7,
    price: 185,
    city: "Jakarta",
  },
  {
    stockCode: "A2",
    brand: "Toyota",
    model: "Avanza",
    variant: "1.5 Veloz",
    year: 2021,
    transmission: "automatic",
    mileageKm: 20_000,
    color: "Hitam",
    bodyType: "mpv",
    seats: 7,
    price: 235,
    status: "booked",
    city: "Bekasi",
  },
  {
    stockCode: "A3",
    brand: "Toyota",
    model: "Avanza",
    variant: "1.3 E",
    year: 2019,
    color: "Hitam",
    bodyType: "mpv",
    seats: 7,
    price: 150,
    status: "sold",
    city: "Jakarta",
  },
  {
    stockCode: "K1",
    brand: "Toyota",
    model: "Kijang Innova",
    variant: "2.4 V Diesel",
    year: 2020,
    transmission: "automatic",
    fuel: "diesel",
    mileageKm: 60_000,
    color: "Hitam Metalik",
    bodyType: "mpv",
    seats: 8,
    price: 385,
    city: "Jakarta",
  },
  {
    stockCode: "F1",
    brand: "Toyota",
    model: "Fortuner",
    variant: "2.4 VRZ",
    year: 2019,
    transmission: "automatic",
    fuel: "diesel",
    mileageKm: 80_000,
    color: "Putih",
    bodyType: "suv",
    seats: 7,
    price: 445,
    city: "Bandung",
  },
  {
    stockCode: "C1",
    brand: "Honda",
    model: "CR-V",
    variant: "1.5 Turbo",
    year: 2018,
    transmission: "automatic",
    mileageKm: 70_000,
    color: "Silver",
    bodyType: "suv",
    seats: 5,
    price: 365,
    city: "Jakarta",
  },
  {
    stockCode: "H1",
    brand: "Honda",
    model: "HR-V",
    variant: "1.5 E",
    year: 2019,
    transmission: "automatic",
    mileageKm: 40_000,
    color: "Merah",
    bodyType: "suv",
    seats: 5,
    price: 265,
    city: "Bandung",
  },
  {
    stockCode: "B1",
    brand: "Honda",
    model: "Brio",
    variant: "Satya E",
    year: 2020,
    mileageKm: 25_000,
    color: "Putih",
    bodyType: "hatchback",
    seats: 5,
    price: 145,
    city: "Bekasi",
  },
  {
    stockCode: "P1",
    brand: "Mitsubishi",
    model: "Pajero Sport",
    variant: "Dakar",
    year: 2018,
    transmission: "automatic",
    fuel: "diesel",
    mileageKm: 90_000,
    color: "Hitam",
    bodyType: "suv",
    seats: 7,
    price: 405,
    city: "Jakarta",
  },
  {
    stockCode: "X1",
    brand: "Mitsubishi",
    model: "Xpander",
    variant: "Ultimate",
    year: 2020,
    transmission: "automatic",
    mileageKm: 35_000,
    color: "Abu-abu",
    bodyType: "mpv",
    seats: 7,
    price: 235,
    status: "booked",
    city: "Jakarta",
  },
  {
    stockCode: "D1",
    brand: "Daihatsu",
    model: "Xenia",
    variant: "1.3 R",
    year: 2019,
    color: "Putih",
    bodyType: "mpv",
    seats: 7,
    price: 140,
    status: "draft",
    city: "Jakarta",
  },
  {
    stockCode: "E1",
    brand: "Suzuki",
    model: "Ertiga",
    variant: "GX",
    year: 2019,
    mileageKm: 50_000,
    color: "Hitam Metalik",
    bodyType: "mpv",
    seats: 7,
    price: 175,
    city: "Surabaya",
  },
];

/** Criteria the catalog's URL can carry too, and the stock codes a buyer must get for them. */
const TABLE: { name: string; criteria: VehicleCriteria; expected: string[] }[] = [
  { name: "brand only", criteria: { brand: "Toyota" }, expected: ["A1", "A2", "F1", "K1"] },
  {
    name: "brand in lower case with a typo",
    criteria: { brand: "toyta" },
    expected: ["A1", "A2", "F1", "K1"],
  },
  { name: "model with its brand", criteria: { brand: "Honda", model: "CR-V" }, expected: ["C1"] },
  { name: "model without brand or hyphen", criteria: { model: "crv" }, expected: ["C1"] },
  { name: "model with a space for the hyphen", criteria: { model: "hr v" }, expected: ["H1"] },
  { name: "model with a hyphen the stock lacks", criteria: { model: "x-pander" }, expected: ["X1"] },
  { name: "model without its prefix", criteria: { model: "innova" }, expected: ["K1"] },
  { name: "model without its extra words", criteria: { model: "pajero" }, expected: ["P1"] },
  { name: "model with its brand written in", criteria: { model: "toyota fortuner" }, expected: ["F1"] },
  { name: "misspelt model (never the sold one)", criteria: { model: "avansa" }, expected: ["A1", "A2"] },
  {
    name: "price range",
    criteria: { priceMin: jt(150), priceMax: jt(250) },
    expected: ["A1", "A2", "E1", "X1"],
  },
  {
    name: "transmission and fuel",
    criteria: { transmission: "automatic", fuel: "diesel" },
    expected: ["F1", "K1", "P1"],
  },
  { name: "body type", criteria: { bodyType: "suv" }, expected: ["C1", "F1", "H1", "P1"] },
  { name: "colour named exactly", criteria: { color: "hitam" }, expected: ["A2", "P1"] },
  { name: "colour by one of its words", criteria: { color: "metalik" }, expected: ["E1", "K1"] },
  { name: "misspelt colour", criteria: { color: "merh" }, expected: ["H1"] },
  { name: "city", criteria: { city: "bandung" }, expected: ["F1", "H1"] },
  {
    name: "year range",
    criteria: { yearMin: 2019, yearMax: 2020 },
    expected: ["A1", "B1", "E1", "F1", "H1", "K1", "X1"],
  },
  { name: "maximum mileage", criteria: { mileageMax: 30_000 }, expected: ["A2", "B1"] },
  {
    name: "brand, gearbox, budget and city together",
    criteria: { brand: "toyota", transmission: "automatic", priceMax: jt(400), city: "Jakarta" },
    expected: ["K1"],
  },
  { name: "free text with a typo and a year", criteria: { query: "avansa 2019" }, expected: ["A1"] },
  { name: "a brand the showroom does not sell", criteria: { brand: "BMW" }, expected: [] },
  {
    name: "a model below its cheapest price",
    criteria: { model: "avanza", priceMax: jt(100) },
    expected: [],
  },
];

/** The criteria as the catalog's URL writes them. */
function urlOf(criteria: VehicleCriteria): Record<string, string> {
  const params: Record<string, string | number | bigint | undefined> = {
    q: criteria.query,
    brand: criteria.brand,
    model: criteria.model,
    yearMin: criteria.yearMin,
    yearMax: criteria.yearMax,
    priceMin: criteria.priceMin,
    priceMax: criteria.priceMax,
    transmission: criteria.transmission,
    fuel: criteria.fuel,
    body: criteria.bodyType,
    city: criteria.city,
    kmMax: criteria.mileageMax,
    color: criteria.color,
  };
  return Object.fromEntries(
    Object.entries(params).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])),
  );
}

let tenantId = "";

/** Every page of the catalog's results, as the buyer would click through them. */
async function onCatalog(criteria: VehicleCriteria): Promise<string[]> {
  const codes: string[] = [];
  for (let page = 1; ; page += 1) {
    const query = readCatalogQuery({ ...urlOf(criteria), page: String(page) });
    const result = await withTenant(tenantId, (tx) => searchVehicles(tx, query));
    codes.push(...result.items.map((item) => item.stockCode));
    if (page >= result.pages) return codes.sort();
  }
}

async function inAssistant(criteria: VehicleCriteria): Promise<string[]> {
  const found = await withTenant(tenantId, (tx) => findListedVehicles(tx, criteria, { limit: 100 }));
  expect(found.total).toBe(found.vehicles.length);
  return found.vehicles.map((vehicle) => vehicle.stockCode).sort();
}

/** What the model gets back when it calls search_vehicles with these criteria. */
async function inLlmTool(criteria: VehicleCriteria): Promise<{ total: number; codes: string[] }> {
  const { query: _text, seatsMin: _seats, variant: _variant, stockCode: _code, ...fields } = criteria;
  const { mileageMax, ...rest } = fields;
  const args = { ...rest, mileageMaxKm: mileageMax };
  const result = (await withTenant(tenantId, (tx) =>
    createToolExecutor(tx, {
      tenantId,
      base: "http://localhost/same",
      creditRateBps: 0,
      creditMinDownPct: 20,
    }).execute("search_vehicles", args),
  )) as { total: number; vehicles: { stockCode: string }[] };
  return { total: result.total, codes: result.vehicles.map((vehicle) => vehicle.stockCode) };
}

/** The cars the local engine offers (its first three), in the order it offers them. */
async function inLocalEngine(criteria: VehicleCriteria): Promise<string[]> {
  const { query: _text, seatsMin: _seats, variant: _variant, ...fields } = criteria;
  const offers = await withTenant(tenantId, (tx) => searchOffers(tx, fields));
  return offers.map((offer) => offer.stockCode);
}

beforeAll(async () => {
  const tenant = await makeTenant("Same Criteria Motor");
  tenantId = tenant.id;
  await withTenant(tenantId, async (tx) => {
    for (const car of STOCK) {
      await createVehicle(tx, {
        tenantId,
        actor: systemActor("test"),
        input: {
          ...car,
          transmission: car.transmission ?? "manual",
          mileageKm: car.mileageKm ?? 60_000,
          price: jt(car.price),
        },
      });
    }
  });
});

describe("the same criteria on the catalog and in the assistant", () => {
  it.each(TABLE)("$name", async ({ criteria, expected }) => {
    const catalog = await onCatalog(criteria);
    const assistant = await inAssistant(criteria);
    expect({ catalog, assistant }).toEqual({ catalog: expected, assistant: expected });
  });

  it.each(TABLE.filter((row) => row.criteria.query === undefined))(
    "the assistant's own searches agree: $name",
    async ({ criteria, expected }) => {
      const ordered = await withTenant(tenantId, (tx) =>
        findListedVehicles(tx, criteria, { sort: "available_first", limit: 100 }),
      );
      const inOrder = ordered.vehicles.map((vehicle) => vehicle.stockCode);
      expect([...inOrder].sort()).toEqual(expected);
      expect(await inLlmTool(criteria)).toEqual({ total: expected.length, codes: inOrder.slice(0, 5) });
      expect(await inLocalEngine(criteria)).toEqual(inOrder.slice(0, 3));
    },
  );

  it("narrows further by what only a conversation carries: seats, variant, stock code", async () => {
    expect(await inAssistant({ seatsMin: 8 })).toEqual(["K1"]);
    expect(await inAssistant({ model: "avanza", variant: "veloz" })).toEqual(["A2"]);
    expect(await inAssistant({ stockCode: "c1" })).toEqual(["C1"]);
    expect(await inAssistant({ stockCode: "A3" })).toEqual([]);
  });

  it("offers what can be bought now before what is booked, cheapest first", async () => {
    const found = await withTenant(tenantId, (tx) =>
      findListedVehicles(tx, { bodyType: "mpv" }, { sort: "available_first", limit: 3 }),
    );
    expect(found.total).toBe(5);
    expect(found.vehicles.map((vehicle) => [vehicle.stockCode, vehicle.status])).toEqual([
      ["E1", "available"],
      ["A1", "available"],
      ["K1", "available"],
    ]);
  });
});
