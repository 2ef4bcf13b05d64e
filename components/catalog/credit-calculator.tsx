"use client";
// Works out the monthly instalment as the buyer moves the down payment and tenor.
import { useId, useState } from "react";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { simulateCredit } from "@/lib/core/credit";
import { formatRupiah } from "@/lib/core/money";

export interface CreditText {
  title: string;
  downPayment: string;
  tenor: string;
  years: string;
  monthly: string;
  note: string;
}

export function CreditCalculator(props: {
  price: string;
  rateBps: number;
  minDownPct: number;
  tenorsMonths: number[];
  text: CreditText;
}) {
  const id = useId();
  const price = BigInt(props.price);
  const [downPct, setDownPct] = useState(Math.max(props.minDownPct, 30));
  const years = props.tenorsMonths
    .map((months) => months / 12)
    .filter((value) => Number.isInteger(value) && value >= 1 && value <= 5);
  const [tenor, setTenor] = useState(years.includes(3) ? 3 : (years[0] ?? 3));
  const result = simulateCredit({ price, downPaymentPct: downPct, years: tenor, rateBps: props.rateBps });
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="space-y-4 rounded-lg border border-border bg-card p-4"
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {props.text.title}
      </h2>
      <div className="space-y-2">
        <Label htmlFor={`${id}-dp`}>
          {props.text.downPayment}: {downPct}% ({formatRupiah(result.downPayment)})
        </Label>
        <input
          id={`${id}-dp`}
          type="range"
          min={props.minDownPct}
          max={80}
          step={5}
          value={downPct}
          onChange={(event) => setDownPct(Number(event.target.value))}
          className="h-10 w-full accent-[var(--primary)]"
        />
      </div>
      <div className="space-y-2">
        <Label htmlFor={`${id}-tenor`}>{props.text.tenor}</Label>
        <NativeSelect
          id={`${id}-tenor`}
          value={tenor}
          onChange={(event) => setTenor(Number(event.target.value))}
        >
          {years.map((value) => (
            <option key={value} value={value}>
              {value} {props.text.years} ({value * 12}x)
            </option>
          ))}
        </NativeSelect>
      </div>
      <p className="text-sm text-muted-foreground">{props.text.monthly}</p>
      <p className="text-2xl font-bold text-primary" data-testid="monthly-instalment">
        {formatRupiah(result.monthly)}
      </p>
      <p className="text-xs text-muted-foreground">{props.text.note}</p>
    </section>
  );
}
