// The grounding check: amounts in every format are found, rounded prices pass, invented ones and stray car links or models do not.
import { describe, expect, it } from "vitest";
import { amountsInToolResult, findInventedAmounts, findWrittenAmounts } from "@/lib/assistant/grounding";
import { groundingProblem } from "@/lib/assistant/llm/grounding-check";
import type { ToolEffects } from "@/lib/assistant/llm/tools/registry";

const JT = 1_000_000n;

describe("findWrittenAmounts", () => {
  it.each([
    ["Rp 185.000.000", 185n * JT],
    ["Rp185.000.000,-", 185n * JT],
    ["Rp. 185.000.000", 185n * JT],
    ["185 jt", 185n * JT],
    ["185jt", 185n * JT],
    ["185 juta", 185n * JT],
    ["187,5 jt", 187_500_000n],
    ["1,2 M", 1_200n * JT],
    ["1.2 miliar", 1_200n * JT],
    ["IDR 185,000,000", 185n * JT],
    ["185 million", 185n * JT],
    ["seratus delapan puluh lima juta", 185n * JT],
    ["Rp 1 jt", JT],
    ["angsuran Rp 3.901.000/bulan", 3_901_000n],
  ])("reads %s", (text, amount) => {
    expect(findWrittenAmounts(text).map((written) => written.amount)).toEqual([amount]);
  });

  it("does not take years, engine sizes, kilometres, seats or tenors for money", () => {
    expect(findWrittenAmounts("Avanza 1.5 G 2020, 40.000 km, 7 seater, tenor 4 tahun, DP 30%")).toEqual([]);
  });
});

describe("findInventedAmounts", () => {
  const allowed = [185_400_000n, 139_500_000n, 4_321_000n];

  it("accepts exact and rounded writings of allowed amounts", () => {
    expect(
      findInventedAmounts("Avanza Rp 185.400.000 (185 jt), Brio 139,5 jt, cicilan 4,3 jt", allowed),
    ).toEqual([]);
  });

  it("rejects invented amounts in every format", () => {
    expect(findInventedAmounts("Avanza bisa 180 jt", allowed)).toEqual([180n * JT]);
    expect(findInventedAmounts("Avanza Rp 1 jt", allowed)).toEqual([JT]);
    expect(findInventedAmounts("nego jadi Rp 175.000.000", allowed)).toEqual([175n * JT]);
    expect(findInventedAmounts("harga spesial 1,2 M", allowed)).toEqual([1_200n * JT]);
  });

  it("reads amounts out of tool results: bigint fields, numbers and formatted strings", () => {
    expect(
      amountsInToolResult({
        vehicles: [{ price: 185n * JT, priceText: "Rp 185.000.000", year: 2020 }],
        monthly: 4_321_000,
      }),
    ).toEqual(expect.arrayContaining([185n * JT, 4_321_000n]));
  });
});

describe("groundingProblem", () => {
  const base = "https://mobil.test/s";
  const effects: ToolEffects = {
    shown: new Set(["AV-1"]),
    links: new Map([[`${base}/vehicles/toyota-avanza-2020`, "AV-1"]]),
    models: new Set(["toyota", "avanza"]),
    photos: [],
    handoff: null,
    leadId: null,
  };
  const loop = (text: string) => ({
    text,
    finishReason: "stop" as const,
    toolCalls: [
      {
        id: "1",
        name: "search_vehicles",
        args: {},
        result: { vehicles: [{ stockCode: "AV-1", price: 185n * JT }] },
        isError: false,
      },
    ],
  });
  const check = (text: string, buyerText = "ada avanza?") =>
    groundingProblem({
      loop: loop(text),
      effects,
      buyerText,
      buyerAmounts: [],
      base,
      stockModels: ["Avanza", "Fortuner", "City"],
    });

  it("accepts a reply with the tool's car, price and link", () => {
    expect(check(`Ada Toyota Avanza 2020, Rp 185.000.000: ${base}/vehicles/toyota-avanza-2020.`)).toBeNull();
  });

  it("rejects a link to a car no tool returned, and a stocked model no tool returned", () => {
    expect(check(`Lihat ${base}/vehicles/toyota-avanza-2018`)).toMatch(/link/);
    expect(check("Atau Fortuner kami, cocok untuk keluarga.")).toMatch(/Fortuner/);
    expect(check("Kalau di city mana Anda tinggal?")).toBeNull();
  });

  it("allows the buyer's own budget but not an invented price", () => {
    expect(check("Dengan budget 200 jt, Avanza Rp 185.000.000 masuk.", "avanza budget 200 jt")).toBeNull();
    expect(check("Avanza bisa 170 jt buat kakak")).toMatch(/invented/);
  });
});
