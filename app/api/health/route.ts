// For load balancers: is the app up and can it reach its database? No secrets, no tenant data.
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const started = Date.now();
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: { status: "ok", latencyMs: Date.now() - started } }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "degraded", database: { status: "unreachable" } }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
