import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

describe("loadConfig", () => {
  it("given no settings, then works offline with defaults under data/", () => {
    const config = loadConfig({}, "/srv/vliegwiel");
    expect(config.databasePath).toBe("/srv/vliegwiel/data/vliegwiel.db");
    expect(config.web).toEqual({ enabled: true, host: "127.0.0.1", port: 3000 });
  });

  it("given a bad value, then the error names the variable", () => {
    expect(() => loadConfig({ WEB_PORT: "zeventig" })).toThrow(ConfigError);
    expect(() => loadConfig({ WEB_PORT: "zeventig" })).toThrow(/WEB_PORT/);
    expect(() => loadConfig({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);
  });

  it("given an empty value, then the default applies", () => {
    expect(loadConfig({ WEB_PORT: "" }).web.port).toBe(3000);
  });
});
