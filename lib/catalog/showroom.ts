// The showroom behind a catalog request, read through the data cache and shared by layout, page
// and metadata of one render (React cache).
import "server-only";
import { cache } from "react";
import { type PublicShowroom, readPublicShowroom } from "@/lib/catalog/public-showroom";
import { cachedRead, catalogTag } from "@/lib/core/cache";
import { appUrl } from "@/lib/core/env";
import { type Locale, type Translate, translator } from "@/lib/core/i18n/messages";
import { findTenant } from "@/lib/tenancy/resolve";
import { baseOf, parseCatalogSegment } from "@/lib/tenancy/segment";
import type { Theme } from "@/lib/tenancy/theme";

export type Showroom =
  | { state: "missing" }
  | { state: "suspended"; locale: Locale; t: Translate }
  | {
      state: "open";
      /** Only the public columns (PublicShowroom): no token, WhatsApp ids, plan limits or settings. */
      tenant: PublicShowroom;
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

export const loadShowroom = cache(async (rawSegment: string): Promise<Showroom> => {
  const segment = parseCatalogSegment(rawSegment);
  if (!segment) return { state: "missing" };
  const found = await findTenant(segment);
  if (!found) return { state: "missing" };
  const t = translator(segment.locale);
  if (found.status !== "active") return { state: "suspended", locale: segment.locale, t };
  const tenant = await cachedRead(["showroom", found.id], [catalogTag(found.id)], () =>
    readPublicShowroom(found.id),
  );
  return {
    state: "open",
    tenant,
    theme: tenant.theme,
    canonicalBase: canonicalBaseOf(tenant.slug, tenant.domains),
    base: baseOf(segment, tenant.slug),
    locale: segment.locale,
    t,
  };
});

/** wa.me link with a prefilled message. */
export function whatsappLink(number: string | null, message: string): string | null {
  return number ? `https://wa.me/${number}?text=${encodeURIComponent(message)}` : null;
}
