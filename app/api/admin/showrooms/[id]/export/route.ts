// Downloads a showroom's full export (JSON of every table plus the vehicles CSV); deletion needs one.
import { z } from "zod";
import { adminAction } from "@/lib/actions/client";
import { exportShowroom, exportToJson } from "@/lib/admin/export";

export const dynamic = "force-dynamic";

export const GET = adminAction()
  .input(z.object({ id: z.uuid() }))
  .route(({ actor }, input) => exportShowroom(actor, input.id), {
    respond: (data) =>
      new Response(exportToJson(data), {
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          "Content-Disposition": `attachment; filename="${data.slug}-export-${data.exportedAt.slice(0, 10)}.json"`,
        },
      }),
  });
