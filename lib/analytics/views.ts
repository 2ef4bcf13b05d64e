// Counts catalog views per car per day for the dashboard's "most viewed cars". Cheap by design:
// one upsert, no per-visitor rows, and a short in-memory memo so reloads do not inflate counts.
import "server-only";
import { withTenant } from "@/lib/core/db/tenant";
import { listedWhere } from "@/lib/inventory/listing";

const recent = new Map<string, number>();
const MEMO_MS = 60_000;
const MEMO_MAX = 5_000;

/** True when this visitor already counted this car within the last minute (per server process). */
function seenRecently(key: string, now: number): boolean {
  const last = recent.get(key);
  if (last !== undefined && now - last < MEMO_MS) return true;
  if (recent.size >= MEMO_MAX) recent.clear();
  recent.set(key, now);
  return false;
}

/** Adds one view of a listed car for today (Jakarta date). Returns false when there is no such car. */
export async function recordVehicleView(options: {
  tenantId: string;
  vehicleSlug: string;
  visitor?: string | null;
}): Promise<boolean> {
  if (
    options.visitor &&
    seenRecently(`${options.tenantId}:${options.vehicleSlug}:${options.visitor}`, Date.now())
  )
    return true;
  return withTenant(options.tenantId, async (tx) => {
    const vehicle = await tx.vehicle.findFirst({
      where: { slug: options.vehicleSlug, ...listedWhere },
      select: { id: true },
    });
    if (!vehicle) return false;
    await tx.$executeRaw`
      INSERT INTO vehicle_views (tenant_id, vehicle_id, day, count)
      VALUES (${options.tenantId}::uuid, ${vehicle.id}::uuid, (now() AT TIME ZONE 'Asia/Jakarta')::date, 1)
      ON CONFLICT (tenant_id, vehicle_id, day) DO UPDATE SET count = vehicle_views.count + 1`;
    return true;
  });
}
