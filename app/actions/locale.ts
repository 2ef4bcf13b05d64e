"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { isLocale } from "@/lib/i18n/messages";
import { LOCALE_COOKIE } from "@/lib/i18n/server";

/** Same-origin path of the page the switch was pressed on; anything else goes home. */
function returnPath(referer: string | null, host: string | null): string {
  if (!referer) return "/";
  try {
    const url = new URL(referer);
    return url.host === host ? `${url.pathname}${url.search}` : "/";
  } catch {
    return "/";
  }
}

/**
 * Language switch: remembered for a year. The page is requested again (not re-rendered in place),
 * because catalog pages get their language from the proxy, which reads the cookie per request.
 */
export async function setLocale(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  const requestHeaders = await headers();
  redirect(returnPath(requestHeaders.get("referer"), requestHeaders.get("host")));
}
