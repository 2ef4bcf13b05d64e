// Horizontal bars in plain CSS: a label, a bar scaled to the largest value, and the number.
export interface Bar {
  key: string;
  label: string;
  value: number;
  /** Tailwind background class for the bar. */
  tone?: string;
}

export function BarList({ bars, label, testId }: { bars: Bar[]; label: string; testId?: string }) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  return (
    <ul aria-label={label} className="space-y-2" data-testid={testId}>
      {bars.map((bar) => (
        <li
          key={bar.key}
          className="grid grid-cols-[6.5rem_1fr_2.5rem] items-center gap-2 text-sm"
          data-key={bar.key}
          data-value={bar.value}
        >
          <span className="truncate text-muted-foreground">{bar.label}</span>
          <span className="h-3 overflow-hidden rounded-full bg-muted" aria-hidden>
            <span
              className={`block h-full rounded-full ${bar.tone ?? "bg-primary"}`}
              style={{ width: `${(bar.value / max) * 100}%` }}
            />
          </span>
          <span className="text-right font-medium tabular-nums">{bar.value}</span>
        </li>
      ))}
    </ul>
  );
}
