// The showroom behind a catalog request, read once per request.
import { cache } from "react";
import { withTenant } from "@/lib/db/tenant";
import { findTenantBySegment } from "@/lib/tenancy/resolve";
import { readTheme, type Theme } from "@/lib/tenancy/theme";
import type { Tenant } from "@/lib/generated/prisma/client";

export type Showroom = { state: "missing" } | { state: "suspended" } | { state: "open"; tenant: Tenant; theme: Theme };

export const loadShowroom = cache(async (segment: string): Promise<Showroom> => {
  const found = await findTenantBySegment(segment);
  if (!found) return { state: "missing" };
  if (found.status !== "active") return { state: "suspended" };
  const tenant = await withTenant(found.id, (tx) => tx.tenant.findUniqueOrThrow({ where: { id: found.id } }));
  return { state: "open", tenant, theme: readTheme(tenant.theme) };
});

/** wa.me link with a prefilled message. */
export function whatsappLink(number: string | null, message: string): string | null {
  return number ? `https://wa.me/${number}?text=${encodeURIComponent(message)}` : null;
}
