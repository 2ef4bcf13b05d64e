"use client";
// Counts one view of a car when its page is shown: a fire-and-forget sendBeacon to
// /api/catalog/views that never delays or disturbs the page. Render once on the vehicle detail page:
//   <ViewBeacon tenant={segment} vehicle={vehicle.slug} />
import { useEffect } from "react";

export function ViewBeacon({ tenant, vehicle }: { tenant: string; vehicle: string }) {
  useEffect(() => {
    const body = JSON.stringify({ tenant, vehicle });
    try {
      if (typeof navigator.sendBeacon === "function" && navigator.sendBeacon("/api/catalog/views", body))
        return;
      void fetch("/api/catalog/views", { method: "POST", body, keepalive: true }).catch(() => undefined);
    } catch {
      // Counting views must never break the page.
    }
  }, [tenant, vehicle]);
  return null;
}
