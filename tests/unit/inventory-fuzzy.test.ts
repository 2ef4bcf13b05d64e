import { describe, expect, it } from "vitest";
import { matchNames } from "@/lib/inventory/fuzzy";

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
