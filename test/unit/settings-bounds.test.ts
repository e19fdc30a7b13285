import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { refusedSetting as refused } from "../helpers/refused-setting.js";

/**
 * README, Settings: "A bad value stops start-up with a message that names the variable." A duration
 * typed as "forever" (99999999 days) lies past the last date JavaScript can write, so the first close,
 * reopen bar or timer would throw later; it is refused at start, with the largest value allowed.
 */
describe("durations too long for a date", () => {
  it("given 'forever' as a huge number of days, hours or minutes, then start-up stops and names the variable with its limit", () => {
    expect(refused("HANDOFF_REOPEN_DAYS", "99999999")).toMatch(/HANDOFF_REOPEN_DAYS: mag hoogstens 36500 zijn/);
    expect(refused("HANDOFF_REMINDER_HOURS", "99999999999")).toMatch(/HANDOFF_REMINDER_HOURS: mag hoogstens 8760 zijn/);
    expect(refused("HANDOFF_CONSENT_TIMEOUT_MINUTES", "999999999999")).toMatch(/HANDOFF_CONSENT_TIMEOUT_MINUTES: mag hoogstens 525600 zijn/);
  });

  it("given each largest value allowed, then every date it leads to can still be written", () => {
    const config = loadConfig({ HANDOFF_REOPEN_DAYS: "36500", HANDOFF_REMINDER_HOURS: "8760", HANDOFF_CONSENT_TIMEOUT_MINUTES: "525600" });
    for (const ms of [config.handoff.reopenWindowMs, config.handoff.reminderIntervalMs, config.handoff.consentTimeoutMs]) {
      expect(() => new Date(Date.now() + ms).toISOString()).not.toThrow();
    }
  });

  it("given a whole number written with a Dutch thousands dot (RETENTION_DAYS=1.000), then it is refused, not read as 1", () => {
    expect(refused("RETENTION_DAYS", "1.000")).toMatch(/RETENTION_DAYS: schrijf het getal zonder punt, dus 1000 in plaats van 1\.000/);
    expect(refused("MAX_QUESTION_CHARS", "2.000")).toMatch(/MAX_QUESTION_CHARS: schrijf het getal zonder punt, dus 2000/);
    expect(refused("OPENAI_DAILY_TOKENS", "100.000")).toMatch(/OPENAI_DAILY_TOKENS: schrijf het getal zonder punt, dus 100000/);
    expect(loadConfig({ RETENTION_DAYS: "1000", OPENAI_DAILY_TOKENS: "100000" })).toMatchObject({ retentionDays: 1000 });
  });
});
