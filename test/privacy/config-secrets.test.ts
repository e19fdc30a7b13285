import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { REPO_ROOT, tempDir } from "../helpers/temp-knowledge.js";

const BOT = "xoxb-1111-2222-botsecretvalue";
const APP = "xapp-1-A111-3333-appsecretvalue";

describe("a bad secret setting", () => {
  it("given swapped Slack tokens, then the error names both variables and echoes neither value", () => {
    let message = "";
    try {
      loadConfig({ SLACK_BOT_TOKEN: APP, SLACK_APP_TOKEN: BOT });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/SLACK_BOT_TOKEN/);
    expect(message).toMatch(/SLACK_APP_TOKEN/);
    expect(message).not.toContain("secretvalue");
  });

  it("given a too short signing secret or Discord token, then the value is not echoed; other values still are", () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: "kort12" })).toThrow(/^(?![\s\S]*kort12)[\s\S]*SLACK_SIGNING_SECRET/);
    expect(() => loadConfig({ DISCORD_TOKEN: "tiny-token-value" })).toThrow(/^(?![\s\S]*tiny-token-value)[\s\S]*DISCORD_TOKEN/);
    expect(() => loadConfig({ WEB_PORT: "zeventig" })).toThrow(/"zeventig"/);
  });

  it("given swapped tokens in the environment of a command, then stderr names the variables without their values", async () => {
    const temp = tempDir();
    try {
      const run = promisify(execFile);
      const result = await run(path.join(REPO_ROOT, "node_modules", ".bin", "tsx"), [path.join(REPO_ROOT, "src/cli/kennis.ts"), "list"], {
        cwd: temp.dir,
        env: { PATH: process.env.PATH, SLACK_BOT_TOKEN: APP, SLACK_APP_TOKEN: BOT, DATA_DIR: temp.dir },
      }).then(() => ({ code: 0, stderr: "" }), (error: { code: number; stderr: string }) => error);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/SLACK_BOT_TOKEN/);
      expect(result.stderr).not.toMatch(/secretvalue/);
    } finally {
      temp.cleanup();
    }
  });
});
