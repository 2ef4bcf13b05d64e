// next-auth answers every refused sign-in 401 with the reason in a URL. A rate limit
// (lib/auth/sign-in-limits.ts) must say so the HTTP way: 429, Retry-After, and the message in the
// visitor's language; the body keeps next-auth's `url`, so its client reads the reason as before.
import "server-only";
import { retryAfterOf } from "@/lib/auth/sign-in-reason";
import { getTranslator } from "@/lib/core/i18n/server";
import { formatWait, waitUnits } from "@/lib/core/i18n/wait";

function reasonOf(url: unknown): string | null {
  if (typeof url !== "string") return null;
  try {
    return new URL(url, "http://localhost").searchParams.get("error");
  } catch {
    return null;
  }
}

async function asRateLimited(response: Response): Promise<Response> {
  if (response.status !== 401 || !response.headers.get("content-type")?.includes("application/json"))
    return response;
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => null);
  const url = typeof body === "object" && body !== null && "url" in body ? body.url : null;
  const seconds = retryAfterOf(reasonOf(url));
  if (seconds === null) return response;
  const { t } = await getTranslator();
  const headers = new Headers(response.headers);
  headers.set("Retry-After", String(seconds));
  headers.set("Cache-Control", "no-store");
  const message = t("limits.signIn", { wait: formatWait(seconds, waitUnits(t)) });
  return new Response(JSON.stringify({ url, error: "rate_limited", message }), { status: 429, headers });
}

/** Wraps next-auth's route handler (GET and POST of /api/auth/[...nextauth]). */
export function withSignInRateLimits<C>(
  handler: (request: Request, context: C) => Promise<Response>,
): (request: Request, context: C) => Promise<Response> {
  return async (request, context) => asRateLimited(await handler(request, context));
}
