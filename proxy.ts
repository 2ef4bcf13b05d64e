// Runs before every request. Two jobs, both cheap string work:
// 1. Host -> showroom: {slug}.{ROOT_DOMAIN} and showrooms' own domains are rewritten onto the
//    /[tenant] routes, with a header telling pages to build links without the /slug prefix.
// 2. Convenience only: visitors without a session cookie are sent to the right sign-in page.
//    Every page, action and route under /dashboard and /admin checks the session on the server.
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { classifyHost, domainSegment } from "@/lib/tenancy/host";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
export const CATALOG_BASE_HEADER = "x-autolumiku-catalog-base";
const SHARED_PATHS = /^\/(_next|media|api)(\/|$)/;

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const target = classifyHost(request.headers.get("host"), getEnv().ROOT_DOMAIN);
  if (target.kind === "invalid") return NextResponse.json({ error: "bad_host", message: "Unknown host name" }, { status: 400 });

  if (target.kind !== "platform") {
    if (SHARED_PATHS.test(pathname)) return NextResponse.next();
    const segment = target.kind === "subdomain" ? target.slug : encodeURIComponent(domainSegment(target.domain));
    const url = request.nextUrl.clone();
    url.pathname = `/${segment}${pathname === "/" ? "" : pathname}`;
    const headers = new Headers(request.headers);
    headers.set(CATALOG_BASE_HEADER, "");
    return NextResponse.rewrite(url, { request: { headers } });
  }

  const guarded = pathname.startsWith("/dashboard") || (pathname.startsWith("/admin") && pathname !== "/admin/login");
  if (!guarded || SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  return NextResponse.redirect(new URL(pathname.startsWith("/admin") ? "/admin/login" : "/login", request.url));
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
