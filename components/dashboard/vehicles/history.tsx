// A vehicle's history as a timeline, newest first: who changed what, from what to what, and when.

import type { Locale, Translate } from "@/lib/core/i18n/messages";
import { formatRupiah } from "@/lib/core/money";
import type { DashboardVehicle } from "@/lib/inventory/dashboard-vehicles";

export function VehicleHistory({
  events,
  t,
  locale,
}: {
  events: DashboardVehicle["events"];
  t: Translate;
  locale: Locale;
}) {
  if (events.length === 0)
    return <p className="text-sm text-muted-foreground">{t("vehicles.history.empty")}</p>;
  const when = new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Jakarta",
  });
  const status = (value: string | null) => (value ? t(`status.${value as "available"}`) : "–");
  const price = (value: bigint | null) => (value === null ? "–" : formatRupiah(value));
  const describe = (event: DashboardVehicle["events"][number]) => {
    if (event.type === "status_changed")
      return t("vehicles.history.status", { from: status(event.fromStatus), to: status(event.toStatus) });
    if (event.type === "price_changed")
      return t("vehicles.history.price", { from: price(event.fromPrice), to: price(event.toPrice) });
    return t("vehicles.history.created", { status: status(event.toStatus), price: price(event.toPrice) });
  };
  return (
    <ol className="relative space-y-4 border-l border-border pl-5" data-testid="vehicle-history">
      {events.map((event) => (
        <li key={event.id} className="relative" data-event={event.type}>
          <span className="absolute -left-[1.6rem] top-1.5 size-2.5 rounded-full bg-primary" aria-hidden />
          <p className="text-sm font-medium">{describe(event)}</p>
          <p className="text-xs text-muted-foreground">
            <time dateTime={event.createdAt.toISOString()}>{when.format(event.createdAt)}</time> ·{" "}
            {t("vehicles.history.by", { name: event.actorName ?? t("vehicles.history.system") })}
          </p>
        </li>
      ))}
    </ol>
  );
}
