export type WorkingHours = {
  /** Minutes after local midnight when work starts and ends, e.g. 9:00 → 540, 17:00 → 1020. */
  startMinute: number;
  endMinute: number;
  /** ISO weekdays that are working days (1 = Monday … 7 = Sunday). */
  days: ReadonlySet<number>;
  timeZone: string;
};

const MINUTE = 60_000;
const WEEKDAY: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/**
 * Adds working time to a moment: only minutes inside working hours on working days count, so a
 * reminder due "in 4 hours" on Friday at 16:00 falls on Monday at 12:00. Null hours count all time.
 */
export function addWorkingTime(from: Date, ms: number, hours: WorkingHours | null): Date {
  if (!hours) return new Date(from.getTime() + ms);
  const format = new Intl.DateTimeFormat("en-GB", { timeZone: hours.timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  let remaining = Math.ceil(ms / MINUTE);
  let t = Math.ceil(from.getTime() / MINUTE) * MINUTE;
  for (let guard = 0; remaining > 0 && guard < 60 * 24 * 60; guard++) {
    const parts = Object.fromEntries(format.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
    const minute = Number(parts.hour) * 60 + Number(parts.minute);
    if (hours.days.has(WEEKDAY[parts.weekday!]!) && minute >= hours.startMinute && minute < hours.endMinute) remaining--;
    t += MINUTE;
  }
  return new Date(t);
}

/** Parses "09:00-17:00" and "1-5" style settings; throws with the setting's name on a bad value. */
export function parseWorkingHours(range: string, days: string, timeZone: string): WorkingHours {
  const match = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(range.trim());
  if (!match) throw new Error(`HANDOFF_WORKING_HOURS: verwacht bijvoorbeeld 09:00-17:00 (gekregen: ${range})`);
  const [, h1, m1, h2, m2] = match.map(Number) as [number, number, number, number, number];
  const startMinute = h1 * 60 + m1;
  const endMinute = h2 * 60 + m2;
  if (endMinute <= startMinute || endMinute > 24 * 60) throw new Error(`HANDOFF_WORKING_HOURS: het einde moet na het begin liggen (${range})`);
  const daySet = new Set<number>();
  for (const part of days.split(",")) {
    const [a, b] = part.trim().split("-").map(Number);
    if (!a || a < 1 || a > 7 || (b !== undefined && (!b || b < a || b > 7))) throw new Error(`HANDOFF_WORKING_DAYS: verwacht bijvoorbeeld 1-5 (gekregen: ${days})`);
    for (let d = a; d <= (b ?? a); d++) daySet.add(d);
  }
  if (!isTimeZone(timeZone)) throw new Error(`HANDOFF_TIMEZONE: onbekende tijdzone ${timeZone}`);
  return { startMinute, endMinute, days: daySet, timeZone };
}

/**
 * Whether Intl knows the zone. The list of canonical names is read first: a date formatter for a zone
 * loads ICU's time-zone data (~30 ms for every command that reads the settings); an alias that is not
 * in the list ("US/Eastern") is still tried that way.
 */
function isTimeZone(timeZone: string): boolean {
  if (Intl.supportedValuesOf("timeZone").includes(timeZone)) return true;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone });
    return true;
  } catch {
    return false;
  }
}
