import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { refusedSetting } from "../helpers/refused-setting.js";

describe("loadConfig", () => {
  it("given no settings, then works offline with defaults under data/", () => {
    const config = loadConfig({}, "/srv/vliegwiel");
    expect(config.databasePath).toBe("/srv/vliegwiel/data/vliegwiel.db");
    expect(config.web).toEqual({ enabled: true, host: "127.0.0.1", port: 3000, rateLimits: { messagesPerMinute: 30, conversationsPerHour: 30, handoffsPerHour: 6 } });
  });

  it("given a bad value, then the error names the variable", () => {
    expect(() => loadConfig({ WEB_PORT: "zeventig" })).toThrow(ConfigError);
    expect(() => loadConfig({ WEB_PORT: "zeventig" })).toThrow(/WEB_PORT/);
    expect(() => loadConfig({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);
  });

  it("given several bad values, then one Dutch message lists each, without the value of a secret", () => {
    let error: unknown;
    try {
      loadConfig({ WEB_PORT: "zeventig", RETENTION_DAYS: "0", SLACK_BOT_TOKEN: "xoxp-geheim-123", PUBLIC_BASE_URL: "vliegwiel.nl" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'WEB_PORT: moet een getal zijn (gekregen: "zeventig")',
      "PUBLIC_BASE_URL: moet een webadres zijn, bijvoorbeeld https://voorbeeld.nl (gekregen: \"vliegwiel.nl\")",
      'RETENTION_DAYS: moet minstens 1 zijn (gekregen: "0")',
      "SLACK_BOT_TOKEN: moet beginnen met xoxb-",
    ]);
    expect(String((error as Error).message)).not.toContain("geheim");
  });

  it("given PUBLIC_BASE_URL with a query, a fragment or a user name, then it is refused: it would end up broken in every link", () => {
    for (const value of ["https://vraag.example.org?x=1", "https://vraag.example.org/#boven", "https://jan:geheim@vraag.example.org"]) {
      expect(refusedSetting("PUBLIC_BASE_URL", value)).toMatch(/^Ongeldige instelling\(en\) in \.env:\n {2}- PUBLIC_BASE_URL: alleen het adres, zonder \?…, #… of gebruikersnaam, bijvoorbeeld https:\/\/vraag\.ons-netwerk\.nl/);
    }
    expect(loadConfig({ PUBLIC_BASE_URL: "https://vraag.example.org/" }).publicBaseUrl).toBe("https://vraag.example.org");
  });

  it("given an empty value, then the default applies", () => {
    expect(loadConfig({ WEB_PORT: "" }).web.port).toBe(3000);
  });
});

describe("handoff settings", () => {
  it("given defaults, then office hours in Amsterdam and names shown", () => {
    const { handoff } = loadConfig({});
    expect(handoff).toMatchObject({ consentTimeoutMs: 3_600_000, reminderIntervalMs: 4 * 3_600_000, remindersBeforeEscalation: 2, showHelperNames: true });
    expect(handoff.workingHours).toMatchObject({ startMinute: 540, endMinute: 1020, timeZone: "Europe/Amsterdam" });
  });

  it("given 'always', then all hours count; given bad hours, then the error names the variable", () => {
    expect(loadConfig({ HANDOFF_WORKING_HOURS: "always" }).handoff.workingHours).toBeNull();
    expect(() => loadConfig({ HANDOFF_WORKING_HOURS: "morning" })).toThrow(/HANDOFF_WORKING_HOURS/);
    expect(() => loadConfig({ HANDOFF_SHOW_HELPER_NAMES: "perhaps" })).toThrow(/HANDOFF_SHOW_HELPER_NAMES/);
  });
});

describe("discord settings", () => {
  const token = "OTAwMDAwMDAwMDAwMDAwMDAx.GfAkE0.fake-discord-token-for-tests-only";
  it("given no token, then Discord is off; given a token without application id, then the error says what is missing", () => {
    expect(loadConfig({}).discord).toBeUndefined();
    expect(() => loadConfig({ DISCORD_TOKEN: token })).toThrow(/DISCORD_APPLICATION_ID/);
  });

  it("given id lists, then they are split and checked as Discord ids", () => {
    const { discord } = loadConfig({ DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: "900000000000000002", DISCORD_TEAM_ROLE_IDS: "930000000000000001, 930000000000000002" });
    expect(discord).toMatchObject({ teamRoleIds: ["930000000000000001", "930000000000000002"], guildIds: [], messageContentIntent: true });
    expect(() => loadConfig({ DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: "900000000000000002", DISCORD_HANDOFF_CHANNEL_ID: "#tolken" })).toThrow(/DISCORD_HANDOFF_CHANNEL_ID.*Discord-id/);
  });
});

describe("documentation of settings", () => {
  it("given every variable the config reads, then .env.example lists it and the README's table explains it", async () => {
    const fs = await import("node:fs");
    const path = await import("node:path");
    const root = path.resolve(import.meta.dirname, "../..");
    const names = [...fs.readFileSync(path.join(root, "src/config.ts"), "utf8").matchAll(/^ {2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(20);
    const example = fs.readFileSync(path.join(root, ".env.example"), "utf8");
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    for (const name of names) {
      expect(example, name).toMatch(new RegExp(`^#? ?${name}=`, "m"));
      expect(readme, name).toContain(`\`${name}\``);
    }
  });
});

describe("logging", () => {
  it("given info level, then user text and tokens stay out of the log; at debug the text is kept, tokens never", async () => {
    const { createLogger } = await import("../../src/logger.js");
    const { Writable } = await import("node:stream");
    const capture = (level: string) => {
      let out = "";
      const stream = new Writable({ write(chunk, _e, done) { out += String(chunk); done(); } });
      const logger = createLogger(level, stream);
      logger.info("question received", { text: "Mijn buurman Jan is ziek", token: "xoxb-123-secret" });
      logger.info("calling with Bearer abc.def.ghi and sk-abcdefghijkl");
      logger.warn("failed: Authorization Bot OTAwMDAwMDAwMDAwMDAwMDAx.GfAkE0.fake-discord-token-for-tests-only, key pcsk_4x7Secret");
      return () => out;
    };
    const info = capture("info");
    await new Promise((r) => setTimeout(r, 20));
    expect(info()).toContain("question received");
    expect(info()).not.toMatch(/Jan is ziek|xoxb-123|abc\.def|sk-abcdefghijkl/);
    const debug = capture("debug");
    await new Promise((r) => setTimeout(r, 20));
    expect(debug()).toContain("Jan is ziek");
    expect(debug()).not.toMatch(/xoxb-123|abc\.def|sk-abcdefghijkl|OTAwMDAw|fake-discord-token|pcsk_4x7/);
  });
});
