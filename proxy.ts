// Convenience only: sends visitors without a session cookie to the right sign-in page. Every
// page, action and route under /dashboard and /admin checks the session on the server itself.
import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (signedIn || pathname === "/admin/login") return NextResponse.next();
  const login = new URL(pathname.startsWith("/admin") ? "/admin/login" : "/login", request.url);
  return NextResponse.redirect(login);
}

export const config = { matcher: ["/dashboard/:path*", "/admin/:path*"] };
