// Runs before every request. Three jobs, all cheap string work:
// 1. Catalog requests (/{slug}/... on the platform host, {slug}.{ROOT_DOMAIN}, a showroom's own
//    domain) are rewritten onto the /[tenant] routes with a segment that also carries the
//    visitor's language and the host kind (lib/catalog/segment), so the pages can be cached.
//    Whether a custom domain serves anything is decided by the database (verified domains only).
// 2. Security headers per kind of response (lib/core/security-headers): a nonce-based CSP for
//    platform pages, the cached catalog's own CSP, HSTS over https.
// 3. Convenience only: visitors without a session cookie are sent to the right sign-in page.
//    Every page, action and route under /dashboard and /admin checks the session on the server.
import { type NextRequest, NextResponse } from "next/server";
import { getEnv } from "@/lib/core/env";
import { isLocale, type Locale } from "@/lib/core/i18n/messages";
import {
  newNonce,
  originOf,
  type ResponseSurface,
  requestIsHttps,
  type SecurityContext,
  securityHeaders,
} from "@/lib/core/security-headers";
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

/** What kind of response a path on a non-catalog route gets: data, a stored file, or a page. */
function surfaceOfPath(pathname: string): ResponseSurface {
  if (/^\/api(\/|$)/.test(pathname)) return "api";
  if (/^\/media(\/|$)/.test(pathname)) return "media";
  return "page";
}

function securityContext(request: NextRequest, surface: ResponseSurface): SecurityContext {
  const env = getEnv();
  const s3 = originOf(env.S3_PUBLIC_URL);
  return {
    surface,
    https: requestIsHttps(request.nextUrl, request.headers, env.TRUSTED_PROXIES),
    dev: env.NODE_ENV === "development",
    imageOrigins: s3 ? [s3] : [],
  };
}

function withHeaders(response: NextResponse, context: SecurityContext): NextResponse {
  for (const [name, value] of Object.entries(securityHeaders(context))) response.headers.set(name, value);
  return response;
}

interface Routed {
  response: NextResponse;
  surface: ResponseSurface;
  nonce?: string;
}

/**
 * A platform page: Next reads the nonce from the request's CSP header and puts it on every script
 * it renders; the browser gets the same policy (added with the other headers in `proxy`).
 */
function platformPage(request: NextRequest): Routed {
  const nonce = newNonce();
  const headers = new Headers(request.headers);
  const policy = securityHeaders({ ...securityContext(request, "page"), nonce })["Content-Security-Policy"];
  if (policy) headers.set("content-security-policy", policy);
  return { response: NextResponse.next({ request: { headers } }), surface: "page", nonce };
}

function route(request: NextRequest): Routed {
  const { pathname } = request.nextUrl;
  const target = classifyHost(request.headers.get("host"), getEnv().ROOT_DOMAIN);
  if (target.kind === "invalid")
    return {
      response: NextResponse.json({ error: "bad_host", message: "Unknown host name" }, { status: 400 }),
      surface: "api",
    };

  if (target.kind !== "platform") {
    if (SHARED_PATHS.test(pathname))
      return { response: NextResponse.next(), surface: surfaceOfPath(pathname) };
    const segment: CatalogSegment =
      target.kind === "subdomain"
        ? { locale: localeOf(request), mode: "host", key: target.slug }
        : { locale: localeOf(request), mode: "domain", key: target.domain };
    return { response: rewriteToCatalog(request, segment, pathname), surface: "catalog" };
  }

  const [, first = "", ...rest] = pathname.split("/");
  // The internal segment form is never addressable from outside.
  if (first.includes("~") || first.includes("%7E") || first.includes("%7e")) {
    const url = request.nextUrl.clone();
    url.pathname = "/_not-found";
    return { response: NextResponse.rewrite(url, { status: 404 }), surface: "catalog" };
  }
  // /account (password change) is a platform page; "account" should also be a reserved slug (lib/tenancy/slug.ts).
  if (first !== "account" && checkSlug(first) === null) {
    return {
      response: rewriteToCatalog(
        request,
        { locale: localeOf(request), mode: "path", key: first },
        `/${rest.join("/")}`,
      ),
      surface: "catalog",
    };
  }

  const guarded =
    pathname.startsWith("/dashboard") ||
    pathname.startsWith("/account") ||
    (pathname.startsWith("/admin") && pathname !== "/admin/login");
  if (guarded && !SESSION_COOKIES.some((name) => request.cookies.has(name)))
    return {
      response: NextResponse.redirect(
        new URL(pathname.startsWith("/admin") ? "/admin/login" : "/login", request.url),
      ),
      surface: "api",
    };
  const surface = surfaceOfPath(pathname);
  return surface === "page" ? platformPage(request) : { response: NextResponse.next(), surface };
}

export function proxy(request: NextRequest) {
  const { response, surface, nonce } = route(request);
  return withHeaders(response, { ...securityContext(request, surface), nonce });
}

// Not /api: route handlers need nothing from the proxy (they check their own session, origin and
// body size), and with a proxy in front Next reads and buffers every request body before the route
// runs (experimental.proxyClientMaxBodySize), which is what the webhook's and uploads' limits must avoid.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|api/).*)"] };
