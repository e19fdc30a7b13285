import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describeUnknownSettings, unknownSettingsInEnvFile } from "../../src/unknown-settings.js";
import { REPO_ROOT, STARTER_KNOWLEDGE, tempDir } from "../helpers/temp-knowledge.js";

describe("settings in .env that Vliegwiel does not know", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());
  const envFile = (text: string) => {
    const file = path.join(temp.dir, `${Math.random().toString(36).slice(2)}.env`);
    fs.writeFileSync(file, text);
    return file;
  };

  it("given a typo of a setting, then it is named with the setting meant", () => {
    const unknown = unknownSettingsInEnvFile(envFile("WEB_PROT=3005\nSLACK_BOT_TOKN=xoxb-geheim\nLOG_LEVEL=info\n"));
    expect(unknown).toEqual([{ name: "WEB_PROT", meant: "WEB_PORT" }, { name: "SLACK_BOT_TOKN", meant: "SLACK_BOT_TOKEN" }]);
    const lines = describeUnknownSettings(unknown);
    expect(lines[0]).toBe(".env noemt WEB_PROT, maar die instelling ken ik niet (bedoel je WEB_PORT?); ze wordt niet gebruikt.");
    expect(lines.join("\n")).not.toContain("xoxb-geheim");
  });

  it("given a setting of Vliegwiel's families that does not exist, then it is named without a guess", () => {
    expect(unknownSettingsInEnvFile(envFile("HANDOFF_MAXIMUM_WACHTTIJD=5\n"))).toEqual([{ name: "HANDOFF_MAXIMUM_WACHTTIJD" }]);
  });

  it("given other tools' variables, known settings or no .env at all, then nothing is said", () => {
    expect(unknownSettingsInEnvFile(envFile("NODE_OPTIONS=--max-old-space-size=512\nTZ=Europe/Amsterdam\nWEB_PORT=3000\n"))).toEqual([]);
    const shared = "HOST=0.0.0.0\nPGPORT=5432\nDATABASE_URL=postgres://x\nPUBLIC_URL=/\nLOG_FILE=x.log\nSLACK_CLIENT_ID=1\nDISCORD_PUBLIC_KEY=k\nOPENAI_ORG_ID=o\nWEB_CONCURRENCY=2\n";
    expect(unknownSettingsInEnvFile(envFile(shared))).toEqual([]);
    expect(unknownSettingsInEnvFile(path.join(temp.dir, "bestaat-niet.env"))).toEqual([]);
  });

  it("given a typo in the .env of the folder a maintainer runs a command in, then the command says so on stderr and goes on", async () => {
    const folder = path.join(temp.dir, "beheer");
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, ".env"), `WEB_PROT=3005\nDATA_DIR=${path.join(folder, "data")}\nKNOWLEDGE_DIR=${STARTER_KNOWLEDGE}\n`);
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) =>
      execFile(process.execPath, [path.join(REPO_ROOT, "scripts", "run.mjs"), "cli/kennis.ts", "list"], { cwd: folder, env: { PATH: process.env.PATH } }, (error, out, err) =>
        error ? reject(error) : resolve({ stdout: out, stderr: err })),
    );
    expect(stderr).toContain("Let op: .env noemt WEB_PROT, maar die instelling ken ik niet (bedoel je WEB_PORT?)");
    expect(stdout).toContain("documenten");
  }, 120_000);
});
