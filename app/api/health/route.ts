// For load balancers: {status, db, queue}; 200 when the database answers, 503 when it does not.
// No secrets, no showroom data.
import { publicHealth } from "@/lib/admin/health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const health = await publicHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
