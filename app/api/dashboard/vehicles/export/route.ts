// GET the showroom's stock as CSV with the canonical headers; importing it back changes nothing.
import { staffAction } from "@/lib/actions/client";
import { exportVehiclesCsv } from "@/lib/inventory/csv-import";

export const GET = staffAction("vehicles.read").route(
  async ({ user, tx }) => ({
    csv: await exportVehiclesCsv({ tenantId: user.tenantId, tx }),
    slug: user.tenantSlug,
  }),
  {
    respond: ({ csv, slug }) =>
      new Response(csv, {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="stok-${slug}-${new Date().toISOString().slice(0, 10)}.csv"`,
        },
      }),
  },
);
