// The visitor's language: the `locale` cookie set by the language switch, else DEFAULT_LOCALE.
import { cookies } from "next/headers";
import { getEnv } from "@/lib/core/env";
import { isLocale, type Locale, type Translate, translator } from "@/lib/core/i18n/messages";

export const LOCALE_COOKIE = "locale";

export async function getLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : getEnv().DEFAULT_LOCALE;
}

export async function getTranslator(): Promise<{ locale: Locale; t: Translate }> {
  const locale = await getLocale();
  return { locale, t: translator(locale) };
}
