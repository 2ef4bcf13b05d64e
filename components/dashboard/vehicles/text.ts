// The vehicles area's text as client components receive it, and a tiny formatter for its {placeholders}.
import type { VehiclesKey } from "@/lib/core/i18n/areas/vehicles";

export type VehiclesText = Record<VehiclesKey, string>;

export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}
