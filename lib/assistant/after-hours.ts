// A buyer handed to sales outside opening hours is told honestly when a person will answer: "we
// are closed; a salesperson replies tomorrow from 08:30 WIB", in the buyer's language, read from
// the showroom's opening hours in its own time zone (WIB, WITA or WIT).
import "server-only";
import { detectLanguage } from "@/lib/assistant/understand/buyer-message";
import type { Tx } from "@/lib/core/db/client";
import { type MessageKey, translator } from "@/lib/core/i18n/messages";
import { readStaffAlertSettings, showroomClock } from "@/lib/settings/staff-alerts";

const DAY_KEYS = [
  "day.0",
  "day.1",
  "day.2",
  "day.3",
  "day.4",
  "day.5",
  "day.6",
] as const satisfies readonly MessageKey[];

/**
 * The reply for a buyer just handed to sales, or null when the showroom is open (or has no hours):
 * the local engine's "they'll reply shortly" becomes the closed version; an LLM's own words keep
 * their place and get the line after them.
 */
export async function afterHoursReply(
  tx: Tx,
  options: {
    tenantId: string;
    showroom: string;
    buyerText: string;
    reply: string;
    engine: "local" | "llm";
    now?: Date;
  },
): Promise<string | null> {
  const clock = showroomClock(await readStaffAlertSettings(tx, options.tenantId), options.now ?? new Date());
  if (clock.open || !clock.next) return null;
  const t = translator(detectLanguage(options.buyerText.toLowerCase()));
  const next = clock.next;
  const whenKey: MessageKey =
    next.daysAhead === 0
      ? "notifications.afterHours.today"
      : next.daysAhead === 1
        ? "notifications.afterHours.tomorrow"
        : "notifications.afterHours.day";
  const day = t(DAY_KEYS[next.day] ?? "day.0");
  const when = t(whenKey, { time: next.time, zone: next.zoneLabel, day });
  if (options.engine === "local")
    return t("notifications.afterHours.handoff", { showroom: options.showroom, when });
  return `${options.reply}\n\n${t("notifications.afterHours.note", { showroom: options.showroom, when })}`;
}
