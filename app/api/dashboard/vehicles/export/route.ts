// GET the showroom's stock as CSV with the canonical headers; importing it back changes nothing.
// `?separator=semicolon` writes the file Excel opens in columns on an Indonesian-region Windows.
import { z } from "zod";
import { staffAction } from "@/lib/actions/client";
import { CsvSeparatorName, csvResponse } from "@/lib/core/csv";
import { exportVehiclesCsv } from "@/lib/inventory/csv-import";

export const GET = staffAction("vehicles.read")
  .input(z.object({ separator: CsvSeparatorName.default("comma") }))
  .route(
    async ({ user, tx }, input) => ({
      csv: await exportVehiclesCsv({ tenantId: user.tenantId, tx, separator: input.separator }),
      slug: user.tenantSlug,
    }),
    {
      respond: ({ csv, slug }) =>
        csvResponse(csv, `stok-${slug}-${new Date().toISOString().slice(0, 10)}.csv`),
    },
  );
