// A showroom's opening hours in its own time zone (WIB, WITA or WIT): whether it is open at a
// moment, and when it opens next. Indonesia keeps no daylight saving time, so each zone is a fixed
// offset from UTC and no time zone database is needed.
import { z } from "zod";

export const TIME_ZONES = {
  "Asia/Jakarta": { label: "WIB", offsetMinutes: 7 * 60 },
  "Asia/Makassar": { label: "WITA", offsetMinutes: 8 * 60 },
  "Asia/Jayapura": { label: "WIT", offsetMinutes: 9 * 60 },
} as const;
export type TimeZone = keyof typeof TIME_ZONES;
export const TIME_ZONE_IDS = Object.keys(TIME_ZONES) as TimeZone[];
export const TimeZoneId = z.enum(["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]);

export function readTimeZone(value: string | null | undefined): TimeZone {
  return TimeZoneId.safeParse(value).data ?? "Asia/Jakarta";
}

/** Stored hours: open days only, `day` 0 = Sunday, times "HH:MM" in the showroom's zone. */
export const StoredHours = z
  .array(
    z.object({
      day: z.number().int().min(0).max(6),
      open: z.string().regex(/^\d{2}:\d{2}$/),
      close: z.string().regex(/^\d{2}:\d{2}$/),
    }),
  )
  .catch([]);
export type StoredHours = z.output<typeof StoredHours>;

const DAY_MINUTES = 24 * 60;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
/** "23:59" means until midnight: a showroom open all day must never look closed for a minute. */
const closeMinutesOf = (time: string) => (time === "23:59" ? DAY_MINUTES : minutesOf(time));

/** The showroom's wall clock at `at`: day of week and minutes since its midnight. */
function localClock(at: Date, zone: TimeZone): { day: number; minutes: number; midnightUtc: number } {
  const shifted = new Date(at.getTime() + TIME_ZONES[zone].offsetMinutes * 60_000);
  const minutes = shifted.getUTCHours() * 60 + shifted.getUTCMinutes();
  const midnightUtc =
    Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()) -
    TIME_ZONES[zone].offsetMinutes * 60_000;
  return { day: shifted.getUTCDay(), minutes, midnightUtc };
}

export function isOpenAt(hours: StoredHours, zone: TimeZone, at: Date): boolean {
  const { day, minutes } = localClock(at, zone);
  return hours.some(
    (slot) => slot.day === day && minutes >= minutesOf(slot.open) && minutes < closeMinutesOf(slot.close),
  );
}

export interface Opening {
  at: Date;
  /** Day of week in the showroom's zone, 0 = Sunday. */
  day: number;
  /** "08:30" */
  time: string;
  /** 0 today, 1 tomorrow, ... */
  daysAhead: number;
  zoneLabel: "WIB" | "WITA" | "WIT";
}

/** When the showroom opens next after `at` (null while it is open, or when it has no hours at all). */
export function nextOpening(hours: StoredHours, zone: TimeZone, at: Date): Opening | null {
  if (hours.length === 0 || isOpenAt(hours, zone, at)) return null;
  const { day, minutes, midnightUtc } = localClock(at, zone);
  for (let ahead = 0; ahead <= 7; ahead += 1) {
    const weekday = (day + ahead) % 7;
    const slots = hours
      .filter((slot) => slot.day === weekday && (ahead > 0 || minutesOf(slot.open) > minutes))
      .sort((a, b) => minutesOf(a.open) - minutesOf(b.open));
    const slot = slots[0];
    if (slot)
      return {
        at: new Date(midnightUtc + (ahead * DAY_MINUTES + minutesOf(slot.open)) * 60_000),
        day: weekday,
        time: slot.open,
        daysAhead: ahead,
        zoneLabel: TIME_ZONES[zone].label,
      };
  }
  return null;
}
