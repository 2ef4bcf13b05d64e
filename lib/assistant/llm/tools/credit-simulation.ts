// credit_simulation: the showroom's flat-rate instalment for one car, never computed by the model.
import "server-only";
import { z } from "zod";
import { assistantTool } from "@/lib/assistant/llm/tools/tool";
import { findListed, text } from "@/lib/assistant/llm/tools/turn";
import { simulateCredit } from "@/lib/core/credit";
import { formatRupiah } from "@/lib/core/money";

export const creditSimulationTool = assistantTool({
  name: "credit_simulation",
  description:
    "Credit estimate for one car (by stock code) with this showroom's flat rate: down payment in percent, tenor in years. Returns the down payment and the monthly instalment in Rupiah. Always use this; never compute instalments yourself.",
  input: z.object({
    stockCode: text(40),
    downPaymentPercent: z.number().min(0).max(90).optional().describe("Default 30"),
    tenorYears: z.number().int().min(1).max(5).optional().describe("Default 4"),
  }),
  async execute(args, { tx, context, show }) {
    const vehicle = await findListed(tx, { stockCode: args.stockCode });
    const downPaymentPercent = Math.max(context.creditMinDownPct, args.downPaymentPercent ?? 30);
    const years = args.tenorYears ?? 4;
    const credit = simulateCredit({
      price: vehicle.price,
      downPaymentPct: downPaymentPercent,
      years,
      rateBps: context.creditRateBps,
    });
    return {
      ...show(vehicle),
      downPaymentPercent,
      minimumDownPaymentPercent: context.creditMinDownPct,
      tenorYears: years,
      flatRatePercentPerYear: context.creditRateBps / 100,
      downPayment: credit.downPayment,
      downPaymentText: formatRupiah(credit.downPayment),
      monthly: credit.monthly,
      monthlyText: formatRupiah(credit.monthly),
      months: credit.months,
      note: "An estimate; the leasing company decides.",
    };
  },
});
