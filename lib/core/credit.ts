// Credit simulation as Indonesian showrooms quote it: a flat annual rate on the amount financed.
export interface CreditInput {
  price: bigint;
  downPaymentPct: number;
  years: number;
  /** Annual flat rate in basis points (650 = 6.5 %). */
  rateBps: number;
}

export interface CreditResult {
  downPayment: bigint;
  financed: bigint;
  monthly: bigint;
  months: number;
}

export function simulateCredit(input: CreditInput): CreditResult {
  const downPct = BigInt(Math.min(90, Math.max(0, Math.round(input.downPaymentPct))));
  const years = BigInt(Math.min(5, Math.max(1, Math.round(input.years))));
  const downPayment = (input.price * downPct) / 100n;
  const financed = input.price - downPayment;
  const interest = (financed * BigInt(input.rateBps) * years) / 10_000n;
  const months = years * 12n;
  // Rounded up to the next thousand, as instalments are quoted.
  const monthly = (((financed + interest + months - 1n) / months + 999n) / 1000n) * 1000n;
  return { downPayment, financed, monthly, months: Number(months) };
}
