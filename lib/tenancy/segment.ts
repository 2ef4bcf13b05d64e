// The internal [tenant] route segment the proxy rewrites every catalog request to. It carries what
// a page would otherwise read from cookies and headers (the visitor's language and how this host
// addresses the showroom), so the pages themselves stay static and Next can cache their HTML.
//   "id~p~mobilindo-jaya"     /mobilindo-jaya/... on the platform host, links keep the /slug prefix
//   "en~h~mobilindo-jaya"     mobilindo-jaya.{ROOT_DOMAIN}, links start at /
//   "id~d~mobilindojaya.com"  the showroom's own domain, links start at /
import { isLocale, type Locale } from "@/lib/core/i18n/messages";

export type CatalogHostMode = "path" | "host" | "domain";

export interface CatalogSegment {
  locale: Locale;
  mode: CatalogHostMode;
  /** A slug for "path" and "host", a domain name for "domain". */
  key: string;
}

const MODE_CODES: Record<CatalogHostMode, string> = { path: "p", host: "h", domain: "d" };
const CODE_MODES: Record<string, CatalogHostMode> = { p: "path", h: "host", d: "domain" };

export function encodeCatalogSegment(segment: CatalogSegment): string {
  return `${segment.locale}~${MODE_CODES[segment.mode]}~${segment.key}`;
}

export function parseCatalogSegment(raw: string): CatalogSegment | null {
  const parts = decodeURIComponent(raw).split("~");
  if (parts.length !== 3) return null;
  const [locale, code, key] = parts;
  const mode = CODE_MODES[code ?? ""];
  if (!isLocale(locale) || !mode || !key) return null;
  if (mode === "domain" ? !/^[a-z0-9.-]{1,253}$/.test(key) : !/^[a-z0-9-]{1,63}$/.test(key)) return null;
  return { locale, mode, key };
}

/** Where the showroom's links start on this host: "/{slug}" on the platform host, "" elsewhere. */
export function baseOf(segment: CatalogSegment, slug: string): string {
  return segment.mode === "path" ? `/${slug}` : "";
}
