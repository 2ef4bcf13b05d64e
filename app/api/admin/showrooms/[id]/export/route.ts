// Downloads a showroom's full export (JSON of every table plus the vehicles CSV); deletion needs one.
import { z } from "zod";
import { exportShowroom, exportToJson } from "@/lib/admin/export";
import { runAdminAction } from "@/lib/admin/run";
import { DomainError, httpStatusOf } from "@/lib/core/errors";

export const dynamic = "force-dynamic";

export async function GET(
  _request: Request,
  context: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await context.params;
  const result = await runAdminAction(z.object({ id: z.uuid() }), { id }, (actor, input) =>
    exportShowroom(actor, input.id),
  );
  if (!result.ok) {
    const status = result.code === "error" ? 500 : httpStatusOf(new DomainError(result.code, result.message));
    return Response.json({ error: result.code, message: result.message }, { status });
  }
  const stamp = result.data.exportedAt.slice(0, 10);
  return new Response(exportToJson(result.data), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${result.data.slug}-export-${stamp}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
