// A wait ("45 detik", "15 menit", "2 jam") for rate-limit messages: on the server with a translator,
// in the browser (the sign-in form) with the three unit texts the page passed down.
import type { Translate } from "@/lib/core/i18n/messages";

export interface WaitUnits {
  seconds: string;
  minutes: string;
  hours: string;
}

/** Rounded up to the unit shown, so the buyer never retries a moment too early. */
export function formatWait(seconds: number, units: WaitUnits): string {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 60) return units.seconds.replace("{n}", String(whole));
  if (whole < 2 * 3600) return units.minutes.replace("{n}", String(Math.ceil(whole / 60)));
  return units.hours.replace("{n}", String(Math.ceil(whole / 3600)));
}

export function waitUnits(t: Translate): WaitUnits {
  return {
    seconds: t("limits.wait.seconds"),
    minutes: t("limits.wait.minutes"),
    hours: t("limits.wait.hours"),
  };
}
