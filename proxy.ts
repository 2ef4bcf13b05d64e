// Runs before every request. Two jobs, both cheap string work:
// 1. Catalog requests (/{slug}/... on the platform host, {slug}.{ROOT_DOMAIN}, a showroom's own
//    domain) are rewritten onto the /[tenant] routes with a segment that also carries the
//    visitor's language and the host kind (lib/catalog/segment), so the pages can be cached.
// 2. Convenience only: visitors without a session cookie are sent to the right sign-in page.
//    Every page, action and route under /dashboard and /admin checks the session on the server.
import { type NextRequest, NextResponse } from "next/server";
import { getEnv } from "@/lib/core/env";
import { isLocale, type Locale } from "@/lib/core/i18n/messages";
import { classifyHost } from "@/lib/tenancy/host";
import { type CatalogSegment, encodeCatalogSegment } from "@/lib/tenancy/segment";
import { checkSlug } from "@/lib/tenancy/slug";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const SHARED_PATHS = /^\/(_next|media|api)(\/|$)/;

function localeOf(request: NextRequest): Locale {
  const value = request.cookies.get("locale")?.value;
  return isLocale(value) ? value : getEnv().DEFAULT_LOCALE;
}

function rewriteToCatalog(request: NextRequest, segment: CatalogSegment, rest: string): NextResponse {
  const url = request.nextUrl.clone();
  url.pathname = `/${encodeURIComponent(encodeCatalogSegment(segment))}${rest === "/" ? "" : rest}`;
  return NextResponse.rewrite(url);
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const target = classifyHost(request.headers.get("host"), getEnv().ROOT_DOMAIN);
  if (target.kind === "invalid")
    return NextResponse.json({ error: "bad_host", message: "Unknown host name" }, { status: 400 });

  if (target.kind !== "platform") {
    if (SHARED_PATHS.test(pathname)) return NextResponse.next();
    const segment: CatalogSegment =
      target.kind === "subdomain"
        ? { locale: localeOf(request), mode: "host", key: target.slug }
        : { locale: localeOf(request), mode: "domain", key: target.domain };
    return rewriteToCatalog(request, segment, pathname);
  }

  const [, first = "", ...rest] = pathname.split("/");
  // The internal segment form is never addressable from outside.
  if (first.includes("~") || first.includes("%7E") || first.includes("%7e")) {
    const url = request.nextUrl.clone();
    url.pathname = "/_not-found";
    return NextResponse.rewrite(url, { status: 404 });
  }
  // /account (password change) is a platform page; "account" should also be a reserved slug (lib/tenancy/slug.ts).
  if (first !== "account" && checkSlug(first) === null) {
    return rewriteToCatalog(
      request,
      { locale: localeOf(request), mode: "path", key: first },
      `/${rest.join("/")}`,
    );
  }

  const guarded =
    pathname.startsWith("/dashboard") ||
    pathname.startsWith("/account") ||
    (pathname.startsWith("/admin") && pathname !== "/admin/login");
  if (!guarded || SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  return NextResponse.redirect(
    new URL(pathname.startsWith("/admin") ? "/admin/login" : "/login", request.url),
  );
}

// Not /api: route handlers need nothing from the proxy (they check their own session, origin and
// body size), and with a proxy in front Next reads and buffers every request body before the route
// runs (experimental.proxyClientMaxBodySize), which is what the webhook's and uploads' limits must avoid.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|api/).*)"] };
