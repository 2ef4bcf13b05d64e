// Small display helpers shared by the dashboard pages: durations and Jakarta dates.
import type { Locale } from "@/lib/core/i18n/messages";

/** "45 mnt", "3 jam 10 mnt", "2 hari 4 jam": enough precision to act on. */
export function formatDuration(minutes: number, locale: Locale): string {
  const [m, h, d] = locale === "id" ? ["mnt", "jam", "hari"] : ["min", "h", "d"];
  const total = Math.max(0, Math.round(minutes));
  if (total < 60) return `${total} ${m}`;
  const hours = Math.floor(total / 60);
  if (hours < 24) return `${hours} ${h}${total % 60 ? ` ${total % 60} ${m}` : ""}`;
  const days = Math.floor(hours / 24);
  return `${days} ${d}${hours % 24 ? ` ${hours % 24} ${h}` : ""}`;
}

export function formatDate(date: Date, locale: Locale, withTime = false): string {
  return new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", {
    timeZone: "Asia/Jakarta",
    day: "numeric",
    month: "short",
    year: "numeric",
    ...(withTime ? { hour: "2-digit", minute: "2-digit" } : {}),
  }).format(date);
}

/** yyyy-mm-dd of a moment in Jakarta, for <input type="date">. */
export function jakartaDay(date: Date): string {
  return new Date(date.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
