// Public beacon: a buyer opened a car's page. Counts one view per car per day; always answers 204
// so a buyer never sees an error, whatever arrives (sendBeacon sends text/plain).

import { headers } from "next/headers";
import { z } from "zod";
import { recordVehicleView } from "@/lib/analytics/views";
import { clientIp } from "@/lib/core/client-ip";
import { readBodyWithin } from "@/lib/core/request-body";
import { findTenant, findTenantBySegment } from "@/lib/tenancy/resolve";

const ViewInput = z.object({
  /** The catalog's [tenant] route segment, or a plain slug. */
  tenant: z.string().min(1).max(300),
  vehicle: z.string().regex(/^[a-z0-9-]{1,160}$/),
});

const SLUG = /^[a-z0-9-]{1,63}$/;

async function resolveTenant(tenant: string) {
  if (SLUG.test(tenant)) return findTenant({ locale: "id", mode: "path", key: tenant });
  return findTenantBySegment(tenant);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export async function POST(request: Request): Promise<Response> {
  try {
    // A beacon is a few hundred bytes; anything over 2 KB is not one and is not read further.
    const body = await readBodyWithin(request, 2048);
    const parsed = ViewInput.safeParse(body ? parseJson(body.toString("utf8")) : null);
    if (parsed.success) {
      const tenant = await resolveTenant(parsed.data.tenant);
      if (tenant && tenant.status === "active") {
        const visitor = clientIp(new Headers(await headers()));
        await recordVehicleView({ tenantId: tenant.id, vehicleSlug: parsed.data.vehicle, visitor });
      }
    }
  } catch (error) {
    // A view count is never worth a buyer-facing error; note it for operators and move on.
    console.warn("[views] not recorded", error instanceof Error ? error.message : error);
  }
  return new Response(null, { status: 204 });
}
