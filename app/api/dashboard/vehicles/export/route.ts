// GET the showroom's stock as CSV with the canonical headers; importing it back changes nothing.
import { z } from "zod";
import { runStaffAction } from "@/lib/actions/staff";
import { DomainError, httpStatusOf } from "@/lib/core/errors";
import { exportVehiclesCsv } from "@/lib/inventory/csv-import";

export async function GET(): Promise<Response> {
  const result = await runStaffAction(
    { permission: "vehicles.read", input: z.object({}) },
    {},
    async ({ user, tx }) => ({
      csv: await exportVehiclesCsv({ tenantId: user.tenantId, tx }),
      slug: user.tenantSlug,
    }),
  );
  if (!result.ok) {
    const status = result.code === "error" ? 500 : httpStatusOf(new DomainError(result.code, result.message));
    return Response.json({ error: result.code, message: result.message }, { status });
  }
  const date = new Date().toISOString().slice(0, 10);
  return new Response(result.data.csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="stok-${result.data.slug}-${date}.csv"`,
      "cache-control": "no-store",
    },
  });
}
