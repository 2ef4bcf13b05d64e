// The showroom behind a catalog request, read through the data cache and shared by layout, page
// and metadata of one render (React cache).
import "server-only";
import { cache } from "react";
import { cachedRead, catalogTag } from "@/lib/core/cache";
import { withTenant } from "@/lib/core/db/tenant";
import { appUrl } from "@/lib/core/env";
import { type Locale, type Translate, translator } from "@/lib/core/i18n/messages";
import type { Tenant } from "@/lib/generated/prisma/client";
import { findTenant } from "@/lib/tenancy/resolve";
import { baseOf, parseCatalogSegment } from "@/lib/tenancy/segment";
import { readTheme, type Theme } from "@/lib/tenancy/theme";

export type Showroom =
  | { state: "missing" }
  | { state: "suspended"; locale: Locale; t: Translate }
  | {
      state: "open";
      tenant: Tenant;
      theme: Theme;
      /** The one address search engines get: the showroom's own domain when it has one. */
      canonicalBase: string;
      /** Where links start on the host this request came in on. */
      base: string;
      locale: Locale;
      t: Translate;
    };

/** One address per showroom for search engines: its own domain when it has one, else /{slug} on the platform. */
export function canonicalBaseOf(slug: string, domains: string[]): string {
  const [domain] = [...domains].sort();
  return domain ? `https://${domain}` : `${appUrl()}/${slug}`;
}

async function readShowroomRow(tenantId: string) {
  return withTenant(tenantId, (tx) =>
    tx.tenant.findUniqueOrThrow({
      where: { id: tenantId },
      include: { domains: { select: { domain: true } } },
    }),
  );
}

export const loadShowroom = cache(async (rawSegment: string): Promise<Showroom> => {
  const segment = parseCatalogSegment(rawSegment);
  if (!segment) return { state: "missing" };
  const found = await findTenant(segment);
  if (!found) return { state: "missing" };
  const t = translator(segment.locale);
  if (found.status !== "active") return { state: "suspended", locale: segment.locale, t };
  const { domains, ...tenant } = await cachedRead(["showroom", found.id], [catalogTag(found.id)], () =>
    readShowroomRow(found.id),
  );
  return {
    state: "open",
    tenant,
    theme: readTheme(tenant.theme),
    canonicalBase: canonicalBaseOf(
      tenant.slug,
      domains.map((row) => row.domain),
    ),
    base: baseOf(segment, tenant.slug),
    locale: segment.locale,
    t,
  };
});

/** wa.me link with a prefilled message. */
export function whatsappLink(number: string | null, message: string): string | null {
  return number ? `https://wa.me/${number}?text=${encodeURIComponent(message)}` : null;
}
