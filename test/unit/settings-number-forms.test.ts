import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { refusedSetting as refused } from "../helpers/refused-setting.js";

/**
 * README, Settings: a setting that may hold a fraction, written the Dutch way. "1.000" could be a
 * thousands dot (1000) or a decimal (1): it is refused with both ways to write it; a decimal comma
 * ("1,5") is read as 1.5, but "1,000" is as unclear as "1.000".
 */
describe("numbers written with a dot or a comma", () => {
  it("given a fraction setting with a dot and three digits (INGEST_MAX_FILE_MB=1.000), then start-up stops and says to write 1000 or 1.0", () => {
    expect(refused("INGEST_MAX_FILE_MB", "1.000")).toMatch(/INGEST_MAX_FILE_MB: .*schrijf 1000 .*of 1\.0 /);
    expect(refused("HANDOFF_CONSENT_TIMEOUT_MINUTES", "1.440")).toMatch(/HANDOFF_CONSENT_TIMEOUT_MINUTES: .*schrijf 1440 .*of 1\.44 /);
    expect(refused("HANDOFF_REOPEN_DAYS", "10.000")).toMatch(/HANDOFF_REOPEN_DAYS: .*schrijf 10000 .*of 10\.0 /);
  });

  it("given such a value where the thousand is over the limit (PINECONE_TIMEOUT_SECONDS=2.500, at most 120), then it is refused and only the fraction is offered", () => {
    const message = refused("PINECONE_TIMEOUT_SECONDS", "2.500");
    expect(message).toMatch(/PINECONE_TIMEOUT_SECONDS: .*schrijf 2\.5 /);
    expect(message).toContain("hoogstens 120");
  });

  it("given a thousands dot twice (1.000.000) in any number setting, then it is refused with the number without dots", () => {
    expect(refused("HANDOFF_CONSENT_TIMEOUT_MINUTES", "1.000.000")).toMatch(/schrijf het getal zonder punt, dus 1000000 in plaats van 1\.000\.000/);
  });

  it("given a decimal comma (1,5 or 0,7), then it is read as a decimal point", () => {
    const config = loadConfig({ INGEST_MAX_FILE_MB: "1,5", ANSWER_MIN_CONFIDENCE: "0,7", HANDOFF_REMINDER_HOURS: "2,25" });
    expect(config.ingestMaxFileBytes).toBe(Math.round(1.5 * 1024 * 1024));
    expect(config).toMatchObject({ answerMinConfidence: 0.7 });
    expect(config.handoff.reminderIntervalMs).toBe(2.25 * 3600 * 1000);
  });

  it("given a comma and three digits (1,000), then it is refused like 1.000: a thousands comma or a decimal comma", () => {
    expect(refused("INGEST_MAX_FILE_MB", "1,000")).toMatch(/INGEST_MAX_FILE_MB: .*schrijf 1000 .*of 1\.0 /);
    expect(refused("RETENTION_DAYS", "1,000")).toMatch(/RETENTION_DAYS: schrijf het getal zonder komma, dus 1000 in plaats van 1,000/);
  });

  it("given plain forms (1000, 1.0, 2.5, 0.550), then they are read as written", () => {
    expect(loadConfig({ INGEST_MAX_FILE_MB: "1000" }).ingestMaxFileBytes).toBe(1000 * 1024 * 1024);
    expect(loadConfig({ INGEST_MAX_FILE_MB: "1.0" }).ingestMaxFileBytes).toBe(1024 * 1024);
    expect(loadConfig({ INGEST_MAX_FILE_MB: "2.5" }).ingestMaxFileBytes).toBe(Math.round(2.5 * 1024 * 1024));
    expect(loadConfig({ ANSWER_MIN_CONFIDENCE: "0.550" })).toMatchObject({ answerMinConfidence: 0.55 });
  });

  it("given a whole-number setting with a decimal comma (WEB_PORT=80,5), then it says a whole number is needed", () => {
    expect(refused("WEB_PORT", "80,5")).toMatch(/WEB_PORT: moet een heel getal zijn/);
  });
});
