// Signing in the way the browser does, through next-auth's route handler (/api/auth/[...nextauth]):
// the CSRF token and its cookie first, then the credentials POST with json=true, as next-auth's
// signIn() sends it. The request's headers (behindProxy) and cookies come from tests/support/framework.ts.
import { NextRequest } from "next/server";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { cookieJar } from "./framework";

const BASE = "http://localhost:3000";
// next-auth takes its own origin from this setting (or refuses to run).
process.env.NEXTAUTH_URL ??= BASE;

const context = (parts: string[]) => ({ params: Promise.resolve({ nextauth: parts }) });

function keepCookies(response: Response): void {
  for (const cookie of response.headers.getSetCookie()) {
    const [pair = ""] = cookie.split(";");
    const at = pair.indexOf("=");
    cookieJar().set(pair.slice(0, at), decodeURIComponent(pair.slice(at + 1)));
  }
}

export interface SignInAnswer {
  status: number;
  retryAfter: string | null;
  /** The reason next-auth's client reads from the answer's URL ("invalid_credentials", "rate_limited:12"). */
  error: string | null;
  message: string | null;
  signedIn: boolean;
}

export async function signInOverHttp(input: {
  email: string;
  password: string;
  area?: "dashboard" | "admin";
}): Promise<SignInAnswer> {
  const csrf = await GET(new NextRequest(`${BASE}/api/auth/csrf`), context(["csrf"]));
  keepCookies(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const body = new URLSearchParams({
    email: input.email,
    password: input.password,
    area: input.area ?? "dashboard",
    csrfToken,
    callbackUrl: BASE,
    json: "true",
  });
  const response = await POST(
    new NextRequest(`${BASE}/api/auth/callback/credentials`, {
      method: "POST",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    }),
    context(["callback", "credentials"]),
  );
  const answer = (await response.json()) as { url?: string; message?: string };
  const sessionCookie = response.headers
    .getSetCookie()
    .some((cookie) => cookie.startsWith("next-auth.session-token="));
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    error: answer.url ? new URL(answer.url).searchParams.get("error") : null,
    message: answer.message ?? null,
    signedIn: sessionCookie,
  };
}
