import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { DISCORD_COMMANDS } from "../../src/channels/discord/discord-commands.js";
import { MAX_SIGNAL_DAYS } from "../../src/core/handoff/signal-report.js";
import { REPO_ROOT, tempDir } from "../helpers/temp-knowledge.js";

const run = promisify(execFile);
const TSX = path.join(REPO_ROOT, "node_modules", ".bin", "tsx");

/** The period of a signal report has one limit wherever it is asked: command line, Slack, Discord, team view. */
describe("the longest period of a signal report", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given `kennis -- signalen` for more days than a report covers, then it says the limit in Dutch and exits 1", async () => {
    const env = { ...process.env, DATA_DIR: path.join(temp.dir, "data"), KNOWLEDGE_DIR: path.join(temp.dir, "knowledge"), ROSTER_FILE: path.join(temp.dir, "roster.yaml"), LOG_LEVEL: "error" };
    const result = await run(TSX, ["src/cli/kennis.ts", "signalen", String(MAX_SIGNAL_DAYS + 1)], { cwd: REPO_ROOT, env }).then(
      () => ({ code: 0, stderr: "" }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`hoogstens ${MAX_SIGNAL_DAYS} dagen`);
  });

  it("given Discord's /vliegwiel signalen command, then its largest number of days is the same limit as Slack's and the team view's", () => {
    type Option = { name: string; max_value?: number; options?: Option[] };
    const vliegwiel = (DISCORD_COMMANDS as Option[]).find((c) => c.name === "vliegwiel");
    const signals = vliegwiel?.options?.find((o) => o.name === "signalen");
    expect(signals?.options?.find((o) => o.name === "dagen")?.max_value).toBe(MAX_SIGNAL_DAYS);
  });
});
