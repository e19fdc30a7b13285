import { execFile } from "node:child_process";
import { PassThrough } from "node:stream";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import { REPO_ROOT } from "../helpers/temp-knowledge.js";

const run = promisify(execFile);

function captured(level: string) {
  const stream = new PassThrough();
  let text = "";
  stream.on("data", (chunk: Buffer) => (text += chunk.toString()));
  return { logger: createLogger(level, stream), read: async () => (await new Promise((r) => setImmediate(r)), text) };
}

describe("logger (created on first use)", () => {
  it("given a token in a field or in the message, then the line holds neither", async () => {
    const { logger, read } = captured("info");
    logger.warn("slack said no to xoxb-1234-abcdef", { authorization: "Bearer abc.def", detail: "key sk-abcdefghijkl" });
    const line = await read();
    expect(line).toContain("warn");
    expect(line).not.toMatch(/xoxb-1234|abc\.def|sk-abcdefghijkl/);
    expect(line).toContain("[verborgen]");
  });

  it("given a user's text above debug, then it is dropped; at debug it is kept", async () => {
    const info = captured("info");
    info.logger.info("question handled", { text: "mijn buurvrouw is ziek" });
    expect(await info.read()).not.toContain("buurvrouw");
    const debug = captured("debug");
    debug.logger.debug("question handled", { text: "mijn buurvrouw is ziek" });
    expect(await debug.read()).toContain("buurvrouw");
  });

  it("given a child for a component, then its lines carry the component and the level is honoured", async () => {
    const { logger, read } = captured("warn");
    const child = logger.child({ component: "slack" });
    child.info("not shown");
    child.error("shown");
    const text = await read();
    expect(text).toContain("[slack] shown");
    expect(text).not.toContain("not shown");
  });

  it("given a logger nobody writes to, then winston is never loaded (a command that logs nothing does not pay for it)", async () => {
    const script = [
      'const { createLogger } = await import("./src/logger.ts");',
      'const { createRequire } = await import("node:module");',
      'const loaded = () => Object.keys(createRequire(`${process.cwd()}/x`).cache).some((k) => k.includes("/node_modules/winston/"));',
      'const logger = createLogger("info"); const child = logger.child({ component: "x" });',
      'const before = loaded(); child.info("eerste regel"); console.log(JSON.stringify({ before, after: loaded() }));',
    ].join("\n");
    const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: REPO_ROOT });
    expect(JSON.parse(stdout)).toEqual({ before: false, after: true });
  });
});
