import { describe, expect, it } from "vitest";
import { matchNames, nameKey, resolveName } from "@/lib/inventory/fuzzy";

const MODELS = [
  "Avanza",
  "Kijang Innova",
  "Xpander",
  "Jazz",
  "HR-V",
  "CR-V",
  "Brio",
  "Fortuner",
  "Ertiga",
  "Pajero Sport",
];

describe("typo-tolerant names", () => {
  it("finds the model a buyer means despite Indonesian spellings and typos", () => {
    expect(matchNames("avansa", MODELS)).toEqual(["Avanza"]);
    expect(matchNames("inova", MODELS)).toEqual(["Kijang Innova"]);
    expect(matchNames("xpandr", MODELS)).toEqual(["Xpander"]);
    expect(matchNames("jaz", MODELS)).toEqual(["Jazz"]);
    expect(matchNames("hrv", MODELS)).toEqual(["HR-V"]);
    expect(matchNames("fortuner", MODELS)).toEqual(["Fortuner"]);
    expect(matchNames("pajero", MODELS)).toEqual(["Pajero Sport"]);
  });

  it("does not match unrelated words", () => {
    expect(matchNames("mobil", MODELS)).toEqual([]);
    expect(matchNames("bmw", MODELS)).toEqual([]);
    expect(matchNames("a", MODELS)).toEqual([]);
  });
});

describe("resolving a buyer's name for a model or colour", () => {
  const COLORS = ["Hitam", "Hitam Metalik", "Putih", "Abu-abu"];

  it("ignores case, spaces and hyphens", () => {
    expect(nameKey(" CR-V ")).toBe("crv");
    expect(resolveName("crv", MODELS)).toEqual(["CR-V"]);
    expect(resolveName("cr v", MODELS)).toEqual(["CR-V"]);
    expect(resolveName("abu abu", COLORS)).toEqual(["Abu-abu"]);
  });

  it("finds a name by its words when written without its prefix or extra words", () => {
    expect(resolveName("innova", MODELS)).toEqual(["Kijang Innova"]);
    expect(resolveName("pajero", MODELS)).toEqual(["Pajero Sport"]);
    expect(resolveName("metalik", COLORS)).toEqual(["Hitam Metalik"]);
  });

  it("prefers the exact name over names that only contain it, and falls back to typos", () => {
    expect(resolveName("hitam", COLORS)).toEqual(["Hitam"]);
    expect(resolveName("avansa", MODELS)).toEqual(["Avanza"]);
    expect(resolveName("bmw", MODELS)).toEqual([]);
    expect(resolveName("v", MODELS)).toEqual([]);
  });
});
