// Finds the showroom for a catalog request, before any tenant is set (narrow security-definer lookup).
import { cache } from "react";
import { db } from "@/lib/db/client";

export interface ResolvedTenant {
  id: string;
  slug: string;
  status: "active" | "suspended";
}

export const findTenantBySlug = cache(async (slug: string): Promise<ResolvedTenant | null> => {
  if (!/^[a-z0-9-]{1,63}$/.test(slug)) return null;
  const rows = await db().$queryRaw<ResolvedTenant[]>`SELECT * FROM app_find_tenant(${slug}, NULL)`;
  return rows[0] ?? null;
});
