// Machine access to the showroom list and creation; the same guard as the console's actions.
import { adminRoute } from "@/lib/admin/run";
import { createShowroom, listShowrooms, ShowroomCreateInput, ShowroomSearch } from "@/lib/admin/showrooms";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const q = new URL(request.url).searchParams.get("q") ?? undefined;
  return adminRoute(ShowroomSearch, { q }, listShowrooms);
}

export async function POST(request: Request): Promise<Response> {
  const body: unknown = await request.json().catch(() => null);
  return adminRoute(ShowroomCreateInput, body, createShowroom);
}
