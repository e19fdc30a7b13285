import { describe, expect, it } from "vitest";
import { addWorkingTime, parseWorkingHours } from "../../src/core/handoff/working-time.js";

const HOUR = 3600_000;
const office = parseWorkingHours("09:00-17:00", "1-5", "Europe/Amsterdam");

describe("working time", () => {
  it("given a moment inside working hours, then time simply adds up", () => {
    // Monday 23 Nov 2026, 10:00 in Amsterdam = 09:00 UTC
    expect(addWorkingTime(new Date("2026-11-23T09:00:00Z"), 2 * HOUR, office).toISOString()).toBe("2026-11-23T11:00:00.000Z");
  });

  it("given a delay that runs past closing time, then it continues the next working morning", () => {
    // Monday 15:00 local + 4h → Tuesday 11:00 local (10:00 UTC)
    expect(addWorkingTime(new Date("2026-11-23T14:00:00Z"), 4 * HOUR, office).toISOString()).toBe("2026-11-24T10:00:00.000Z");
  });

  it("given a Friday afternoon, then the weekend does not count", () => {
    // Friday 27 Nov 16:00 local + 4h → Monday 30 Nov 12:00 local (11:00 UTC)
    expect(addWorkingTime(new Date("2026-11-27T15:00:00Z"), 4 * HOUR, office).toISOString()).toBe("2026-11-30T11:00:00.000Z");
  });

  it("given no working hours, then all time counts", () => {
    expect(addWorkingTime(new Date("2026-11-28T12:00:00Z"), HOUR, null).toISOString()).toBe("2026-11-28T13:00:00.000Z");
  });

  it("given bad settings, then the error names the setting", () => {
    expect(() => parseWorkingHours("9-17", "1-5", "Europe/Amsterdam")).toThrow(/HANDOFF_WORKING_HOURS/);
    expect(() => parseWorkingHours("17:00-09:00", "1-5", "Europe/Amsterdam")).toThrow(/HANDOFF_WORKING_HOURS/);
    expect(() => parseWorkingHours("09:00-17:00", "0-9", "Europe/Amsterdam")).toThrow(/HANDOFF_WORKING_DAYS/);
    expect(() => parseWorkingHours("09:00-17:00", "1-5", "Mars/Olympus")).toThrow(/HANDOFF_TIMEZONE/);
  });

  it("given a canonical zone, an alias or UTC, then each is accepted", () => {
    for (const zone of ["Europe/Amsterdam", "US/Eastern", "UTC", "Etc/GMT-1"]) {
      expect(parseWorkingHours("09:00-17:00", "1-5", zone).timeZone, zone).toBe(zone);
    }
  });
});
