// The vehicles area's text in the visitor's language, built on the server (client components cannot
// read the locale cookie) and passed down as a plain object.

import type { VehiclesText } from "@/components/dashboard/vehicles/text";
import { type VehiclesKey, id as vehiclesId } from "@/lib/core/i18n/areas/vehicles";
import { type Locale, MESSAGES } from "@/lib/core/i18n/messages";

export function vehiclesText(locale: Locale): VehiclesText {
  const messages = MESSAGES[locale];
  const entries = (Object.keys(vehiclesId) as VehiclesKey[]).map((key): [VehiclesKey, string] => [
    key,
    messages[key],
  ]);
  return Object.fromEntries(entries) as VehiclesText;
}
