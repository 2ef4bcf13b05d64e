// Dashboard actions raise errors as message keys ("staff.error.emailTaken", optionally ":<n>");
// this turns them into the visitor's language before the result reaches the form.
import type { ActionResult } from "@/lib/actions/staff";
import { getTranslator } from "@/lib/i18n/server";
import { MESSAGES, type MessageKey, type Translate } from "@/lib/i18n/messages";

function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(MESSAGES.id, value);
}

export function translateMessage(t: Translate, text: string): string {
  const [key = "", arg = ""] = text.split(":");
  return isMessageKey(key) ? t(key, { n: arg }) : text;
}

export async function localized<T>(result: ActionResult<T>): Promise<ActionResult<T>> {
  if (result.ok) return result;
  const { t } = await getTranslator();
  const fieldErrors = result.fieldErrors ? Object.fromEntries(Object.entries(result.fieldErrors).map(([field, messages]) => [field, messages.map((message) => translateMessage(t, message))])) : undefined;
  return { ...result, message: translateMessage(t, result.message), fieldErrors };
}
