import { describe, expect, it } from "vitest";
import { isOpenAt, nextOpening } from "@/lib/tenancy/hours";

// Monday to Saturday 08:30-17:30, Sunday 10:00-15:00 (the default for a new showroom).
const HOURS = [0, 1, 2, 3, 4, 5, 6].map((day) =>
  day === 0 ? { day, open: "10:00", close: "15:00" } : { day, open: "08:30", close: "17:30" },
);
// 2026-12-07 is a Monday.
const wib = (local: string) => new Date(`${local}+07:00`);

describe("opening hours in the showroom's zone", () => {
  it("is open inside a slot and closed at its end", () => {
    expect(isOpenAt(HOURS, "Asia/Jakarta", wib("2026-12-07T08:30:00"))).toBe(true);
    expect(isOpenAt(HOURS, "Asia/Jakarta", wib("2026-12-07T17:29:59"))).toBe(true);
    expect(isOpenAt(HOURS, "Asia/Jakarta", wib("2026-12-07T17:30:00"))).toBe(false);
    expect(isOpenAt(HOURS, "Asia/Jakarta", wib("2026-12-07T08:29:00"))).toBe(false);
  });

  it("reads the same moment in WITA an hour later", () => {
    // 07:45 WIB is 08:45 WITA: closed in Jakarta, open in Makassar.
    expect(isOpenAt(HOURS, "Asia/Jakarta", wib("2026-12-07T07:45:00"))).toBe(false);
    expect(isOpenAt(HOURS, "Asia/Makassar", wib("2026-12-07T07:45:00"))).toBe(true);
  });

  it("knows when it opens next: later today, tomorrow, or after a closed day", () => {
    expect(nextOpening(HOURS, "Asia/Jakarta", wib("2026-12-07T06:00:00"))).toMatchObject({
      at: wib("2026-12-07T08:30:00"),
      daysAhead: 0,
      day: 1,
      time: "08:30",
      zoneLabel: "WIB",
    });
    expect(nextOpening(HOURS, "Asia/Jakarta", wib("2026-12-07T21:00:00"))).toMatchObject({
      at: wib("2026-12-08T08:30:00"),
      daysAhead: 1,
    });
    // Saturday night: Sunday opens at 10:00.
    expect(nextOpening(HOURS, "Asia/Jakarta", wib("2026-12-12T22:00:00"))).toMatchObject({
      at: wib("2026-12-13T10:00:00"),
      day: 0,
    });
    const mondaysOnly = [{ day: 1, open: "09:00", close: "12:00" }];
    expect(nextOpening(mondaysOnly, "Asia/Jayapura", new Date("2026-12-07T03:30:00Z"))).toMatchObject({
      at: new Date("2026-12-14T00:00:00Z"),
      daysAhead: 7,
      zoneLabel: "WIT",
    });
    expect(nextOpening(HOURS, "Asia/Jakarta", wib("2026-12-07T12:00:00"))).toBeNull();
    expect(nextOpening([], "Asia/Jakarta", wib("2026-12-07T23:00:00"))).toBeNull();
  });

  it("counts a day open until 23:59 as open until midnight", () => {
    const allDay = [{ day: 1, open: "00:00", close: "23:59" }];
    expect(isOpenAt(allDay, "Asia/Jakarta", wib("2026-12-07T23:59:30"))).toBe(true);
  });
});
