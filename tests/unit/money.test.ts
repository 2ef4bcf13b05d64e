import { describe, expect, it } from "vitest";
import { formatRupiah, formatRupiahShort, parseRupiah } from "@/lib/core/money";

describe("Rupiah", () => {
  it("formats prices the Indonesian way", () => {
    expect(formatRupiah(185_000_000n)).toBe("Rp 185.000.000");
    expect(formatRupiah(950_000)).toBe("Rp 950.000");
    expect(formatRupiahShort(185_000_000n)).toBe("185 jt");
    expect(formatRupiahShort(187_500_000n)).toBe("187,5 jt");
    expect(formatRupiahShort(1_200_000_000n)).toBe("1,2 M");
  });

  it("reads prices as showrooms write them", () => {
    const cases: [string, bigint][] = [
      ["185000000", 185_000_000n],
      ["Rp 185.000.000", 185_000_000n],
      ["Rp185.000.000,-", 185_000_000n],
      ["185.000.000", 185_000_000n],
      ["185jt", 185_000_000n],
      ["185 juta", 185_000_000n],
      ["185,5 jt", 185_500_000n],
      ["1,2 M", 1_200_000_000n],
      ["1.2 miliar", 1_200_000_000n],
      ["185", 185_000_000n],
      ["79 jt", 79_000_000n],
    ];
    for (const [text, amount] of cases) expect([text, parseRupiah(text)]).toEqual([text, amount]);
  });

  it("refuses what is not a price", () => {
    for (const text of ["", "murah", "-5 jt", "0", "12abc", "Rp"])
      expect([text, parseRupiah(text)]).toEqual([text, null]);
  });
});
