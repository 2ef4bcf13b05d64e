// A vehicle's status as a coloured badge, the same everywhere in the dashboard.
import { Badge } from "@/components/ui/badge";

const VARIANT = { available: "success", booked: "warning", sold: "secondary", draft: "outline" } as const;

export function StatusBadge({ status, label }: { status: keyof typeof VARIANT; label: string }) {
  return (
    <Badge variant={VARIANT[status]} data-testid="vehicle-status" data-status={status}>
      {label}
    </Badge>
  );
}
