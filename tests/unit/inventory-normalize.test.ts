import { describe, expect, it } from "vitest";
import {
  parseBodyType,
  parseFuel,
  parseMileage,
  parseStatus,
  parseTransmission,
  parseYear,
} from "@/lib/inventory/normalize";
import { parsePlate } from "@/lib/inventory/plate";

describe("loose vehicle values", () => {
  it("understands transmissions in Indonesian and English shorthand", () => {
    for (const text of ["manual", "MT", "M/T"]) expect(parseTransmission(text)).toBe("manual");
    for (const text of ["automatic", "AT", "A/T", "matic", "Otomatis", "CVT", "AMT"])
      expect(parseTransmission(text)).toBe("automatic");
    expect(parseTransmission("semi")).toBeNull();
  });

  it("understands fuels and body types", () => {
    expect([parseFuel("bensin"), parseFuel("Solar"), parseFuel("listrik"), parseFuel("hybrid")]).toEqual([
      "petrol",
      "diesel",
      "electric",
      "hybrid",
    ]);
    expect([
      parseBodyType("Pick Up"),
      parseBodyType("LCGC"),
      parseBodyType("hatch"),
      parseBodyType("truk"),
    ]).toEqual(["pickup", "lcgc", "hatchback", null]);
    expect([parseStatus("terjual"), parseStatus("booking"), parseStatus("tersedia")]).toEqual([
      "sold",
      "booked",
      "available",
    ]);
  });

  it("reads mileage and years", () => {
    expect([
      parseMileage("88rb"),
      parseMileage("88.000"),
      parseMileage("88000 km"),
      parseMileage("banyak"),
    ]).toEqual([88_000, 88_000, 88_000, null]);
    expect([parseYear("2019"), parseYear("1890"), parseYear("20xx")]).toEqual([2019, null, null]);
  });
});

describe("number plates", () => {
  it("derives the region and ganjil/genap from the plate", () => {
    expect(parsePlate("B 1234 SJA")).toEqual({
      normalized: "B 1234 SJA",
      region: "B",
      regionName: "Jakarta, Depok, Tangerang, Bekasi",
      parity: "even",
    });
    expect(parsePlate("ab-1233-xy")).toMatchObject({
      normalized: "AB 1233 XY",
      region: "AB",
      regionName: "Yogyakarta",
      parity: "odd",
    });
    expect(parsePlate("L1")?.parity).toBe("odd");
  });

  it("refuses garbage", () => {
    for (const text of ["", "12345", "ABC 1234 D", "B 12345 X"]) expect(parsePlate(text)).toBeNull();
  });
});
