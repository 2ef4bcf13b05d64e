import { describe, expect, it } from "vitest";
import { simulateCredit } from "@/lib/core/credit";

describe("credit simulation", () => {
  it("computes a flat-rate monthly instalment, rounded up to the thousand", () => {
    // Rp 185.000.000, DP 20 % = 37.000.000, financed 148.000.000, 6.5 % x 3 years = 28.860.000 interest.
    expect(simulateCredit({ price: 185_000_000n, downPaymentPct: 20, years: 3, rateBps: 650 })).toEqual({
      downPayment: 37_000_000n,
      financed: 148_000_000n,
      monthly: 4_913_000n,
      months: 36,
    });
  });

  it("keeps tenor and down payment within what showrooms offer", () => {
    expect(simulateCredit({ price: 100_000_000n, downPaymentPct: 150, years: 9, rateBps: 0 })).toMatchObject({
      downPayment: 90_000_000n,
      months: 60,
    });
  });
});
