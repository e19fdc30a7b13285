import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript module without types (run by node before any TypeScript exists)
import { buildFresh } from "../../scripts/prebuilt.mjs";
import { freePort } from "../helpers/free-port.js";
import { REPO_ROOT, STARTER_KNOWLEDGE, tempDir } from "../helpers/temp-knowledge.js";

const run = promisify(execFile);
const build = buildFresh as (src: string, out: string, tsconfig?: string) => Promise<{ written: number; removed: number }>;

describe("prebuilt runner (scripts/prebuilt.mjs, scripts/run.mjs)", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given a source tree, then it builds what changed, removes what is gone, copies pages, and the output runs", async () => {
    const src = path.join(temp.dir, "tree", "src");
    const out = path.join(temp.dir, "tree", "dist");
    fs.mkdirSync(path.join(src, "lib"), { recursive: true });
    fs.writeFileSync(path.join(src, "lib", "greeting.ts"), 'export const greeting = (name: string): string => `hallo ${name}`;\n');
    fs.writeFileSync(path.join(src, "lib", "gone.ts"), "export const gone = 1;\n");
    fs.writeFileSync(path.join(src, "lib", "types.d.ts"), "export type Nothing = never;\n");
    fs.writeFileSync(path.join(src, "page.html"), "<p>pagina</p>\n");
    fs.writeFileSync(
      path.join(src, "main.ts"),
      'import fs from "node:fs";\nimport type { Nothing } from "./lib/types.js";\nimport { greeting } from "./lib/greeting.js";\n' +
        'const page = fs.readFileSync(new URL("./page.html", import.meta.url), "utf8").trim();\nconst none: Nothing[] = [];\nconsole.log(greeting("buur"), page, none.length);\n',
    );

    expect(await build(src, out)).toEqual({ written: 4, removed: 0 });
    expect(fs.existsSync(path.join(out, "lib", "types.d.ts"))).toBe(false);
    expect((await run(process.execPath, [path.join(out, "main.js")])).stdout).toBe("hallo buur <p>pagina</p> 0\n");
    expect(await build(src, out)).toEqual({ written: 0, removed: 0 });

    fs.writeFileSync(path.join(src, "lib", "greeting.ts"), 'export const greeting = (name: string): string => `dag ${name}`;\n');
    fs.rmSync(path.join(src, "lib", "gone.ts"));
    expect(await build(src, out)).toEqual({ written: 1, removed: 1 });
    expect(fs.existsSync(path.join(out, "lib", "gone.js"))).toBe(false);
    expect((await run(process.execPath, [path.join(out, "main.js")])).stdout).toBe("dag buur <p>pagina</p> 0\n");

    // A build recipe that changes (another tsconfig) translates everything again.
    const tsconfig = path.join(temp.dir, "tree", "tsconfig.json");
    fs.writeFileSync(tsconfig, JSON.stringify({ compilerOptions: { target: "ES2022" } }));
    expect((await build(src, out, tsconfig)).written).toBe(3);
  });

  it("given a source that does not parse, then the error names the file and line, and the last good output stays", async () => {
    const src = path.join(temp.dir, "broken", "src");
    const out = path.join(temp.dir, "broken", "dist");
    fs.mkdirSync(src, { recursive: true });
    fs.writeFileSync(path.join(src, "a.ts"), "export const a = 1;\n");
    await build(src, out);
    fs.writeFileSync(path.join(src, "a.ts"), "export const a = ;\n");
    await expect(build(src, out)).rejects.toThrow(/a\.ts:1:\d+ kon niet vertaald worden/);
    expect(fs.readFileSync(path.join(out, "a.js"), "utf8")).toContain("a = 1");
  });

  const env = { ...process.env, DATA_DIR: path.join(temp.dir, "data"), KNOWLEDGE_DIR: STARTER_KNOWLEDGE, LOG_LEVEL: "error" };

  it("given the project, then `ask` through the runner answers exactly as under tsx (same contract objects)", async () => {
    const input = path.join(temp.dir, "q.jsonl");
    fs.writeFileSync(input, `${JSON.stringify({ id: 1, question: "Hoe houden we vrijwilligers vast?" })}\n${JSON.stringify({ id: 2, question: "Wat kost een lidmaatschap van de tennisclub?" })}\n`);
    const opts = { cwd: REPO_ROOT, env, maxBuffer: 10 * 1024 * 1024 };
    const prebuilt = await run(process.execPath, ["scripts/run.mjs", "cli/ask.ts", "--jsonl", input], opts);
    const underTsx = await run(process.execPath, ["--import", "tsx", "src/cli/ask.ts", "--jsonl", input], opts);
    expect(prebuilt.stdout).toBe(underTsx.stdout);
    expect(prebuilt.stdout.trimEnd().split("\n").map((l) => (JSON.parse(l) as { decision: string }).decision)).toEqual(["answer", "handoff"]);
  });

  it("given an unknown entry, then it says how to call it and exits 2", async () => {
    const failed = await run(process.execPath, ["scripts/run.mjs", "cli/bestaat-niet.ts"], { cwd: REPO_ROOT, env }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toMatch(/Gebruik: node scripts\/run\.mjs .*niet gevonden: cli\/bestaat-niet\.ts/);
  });

  it("given npm start's entry, then the web chat serves its page and /healthz from the prebuilt code", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ["scripts/run.mjs", "main.ts"], { cwd: REPO_ROOT, env: { ...env, LOG_LEVEL: "info", WEB_PORT: String(port) }, stdio: ["ignore", "ignore", "pipe"] });
    try {
      await new Promise<void>((resolve, reject) => {
        let log = "";
        child.once("exit", (code) => reject(new Error(`exited with ${code}: ${log}`)));
        child.stderr!.on("data", (chunk: Buffer) => {
          log += chunk.toString();
          if (log.includes("web chat on")) resolve();
        });
      });
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("<html");
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
    } finally {
      child.kill("SIGKILL");
    }
  });
});
