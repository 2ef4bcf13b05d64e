// Language switch: remembers the choice for a year and sends the visitor back to the page they were
// on, as a full request, because catalog pages get their language from the proxy, which reads the
// cookie per request. A plain GET form, so it works without JavaScript too.
import { isLocale } from "@/lib/core/i18n/messages";
import { LOCALE_COOKIE } from "@/lib/core/i18n/server";

/** Only a path on this same host; anything else goes home. */
function backPath(request: Request): string {
  const referer = request.headers.get("referer");
  if (!referer) return "/";
  try {
    const from = new URL(referer);
    return from.host === request.headers.get("host") ? `${from.pathname}${from.search}` : "/";
  } catch {
    return "/";
  }
}

export function GET(request: Request): Response {
  const locale = new URL(request.url).searchParams.get("locale");
  if (!isLocale(locale))
    return Response.json({ error: "invalid", message: "locale must be id or en" }, { status: 400 });
  const headers = new Headers({ location: backPath(request), "cache-control": "no-store" });
  headers.append(
    "set-cookie",
    `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${60 * 60 * 24 * 365}; SameSite=Lax`,
  );
  return new Response(null, { status: 303, headers });
}
