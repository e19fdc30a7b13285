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

    expect(await build(src, out)).toMatchObject({ written: 4, removed: 0 });
    expect(fs.existsSync(path.join(out, "lib", "types.d.ts"))).toBe(false);
    expect((await run(process.execPath, [path.join(out, "main.js")])).stdout).toBe("hallo buur <p>pagina</p> 0\n");
    expect(await build(src, out)).toMatchObject({ written: 0, removed: 0 });

    fs.writeFileSync(path.join(src, "lib", "greeting.ts"), 'export const greeting = (name: string): string => `dag ${name}`;\n');
    fs.rmSync(path.join(src, "lib", "gone.ts"));
    expect(await build(src, out)).toMatchObject({ written: 1, removed: 2 });
    expect(fs.existsSync(path.join(out, "lib", "gone.js"))).toBe(false);
    expect(fs.existsSync(path.join(out, "lib", "gone.js.map"))).toBe(false);
    expect((await run(process.execPath, [path.join(out, "main.js")])).stdout).toBe("dag buur <p>pagina</p> 0\n");

    // A build recipe that changes (another tsconfig) translates every source again; the page stays as it is.
    const tsconfig = path.join(temp.dir, "tree", "tsconfig.json");
    fs.writeFileSync(tsconfig, JSON.stringify({ compilerOptions: { target: "ES2022" } }));
    expect((await build(src, out, tsconfig)).written).toBe(2);
  });

  it("given an output left from an older source (a build that lost a race), then the next build sees it by its own mark and mends it", async () => {
    const src = path.join(temp.dir, "race", "src");
    const out = path.join(temp.dir, "race", "dist");
    fs.mkdirSync(src, { recursive: true });
    fs.writeFileSync(path.join(src, "a.ts"), 'console.log("v1");\n');
    await build(src, out);
    const old = fs.readFileSync(path.join(out, "a.js"));
    fs.writeFileSync(path.join(src, "a.ts"), 'console.log("v2");\n');
    await build(src, out);
    fs.writeFileSync(path.join(out, "a.js"), old);
    expect(await build(src, out)).toMatchObject({ written: 1, removed: 0 });
    expect((await run(process.execPath, [path.join(out, "a.js")])).stdout).toBe("v2\n");
  });

  it("given nothing changed since the last build, then the manifest answers without reading a source; any change makes it check fully", async () => {
    const src = path.join(temp.dir, "manifest", "src");
    const out = path.join(temp.dir, "manifest", "dist");
    fs.mkdirSync(src, { recursive: true });
    const source = path.join(src, "a.ts");
    // Written a minute ago: a source modified in the last two seconds is checked again at the next run.
    const write = (file: string, text: string) => {
      fs.writeFileSync(file, text);
      fs.utimesSync(file, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    };
    write(source, 'console.log("een");\n');
    write(path.join(src, "page.html"), "<p>een</p>\n");
    expect(await build(src, out)).toEqual({ written: 2, removed: 0, unchanged: false });
    expect(await build(src, out)).toEqual({ written: 0, removed: 0, unchanged: true });

    // The same size and the old modification time put back: the change time still tells.
    const before = fs.statSync(source);
    fs.writeFileSync(source, 'console.log("twe");\n');
    fs.utimesSync(source, before.atime, before.mtime);
    expect(await build(src, out)).toEqual({ written: 1, removed: 0, unchanged: false });
    expect((await run(process.execPath, [path.join(out, "a.js")])).stdout).toBe("twe\n");

    // Just modified: checked fully again until it is two seconds old (an edit in the same clock tick).
    fs.writeFileSync(source, 'console.log("drie");\n');
    expect(await build(src, out)).toMatchObject({ written: 1, unchanged: false });
    expect(await build(src, out)).toMatchObject({ written: 0, unchanged: false });
    fs.utimesSync(source, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));

    // A page edited, a source added, an output deleted, a manifest damaged: each is a full check.
    write(path.join(src, "page.html"), "<p>twee</p>\n");
    expect(await build(src, out)).toMatchObject({ written: 1, unchanged: false });
    write(path.join(src, "b.ts"), "export {};\n");
    expect(await build(src, out)).toMatchObject({ written: 1, unchanged: false });
    fs.rmSync(path.join(out, "b.js"));
    expect(await build(src, out)).toMatchObject({ written: 1, unchanged: false });
    fs.writeFileSync(path.join(out, ".build-manifest.json"), "{kapot");
    expect(await build(src, out)).toEqual({ written: 0, removed: 0, unchanged: false });
    expect(await build(src, out)).toEqual({ written: 0, removed: 0, unchanged: true });
    fs.rmSync(path.join(src, "b.ts"));
    expect(await build(src, out)).toMatchObject({ removed: 2, unchanged: false });
    expect(fs.readFileSync(path.join(out, "page.html"), "utf8")).toBe("<p>twee</p>\n");
  });

  it("given four processes building one tree at once, then each succeeds and the output is whole", async () => {
    const root = path.join(temp.dir, "together");
    fs.mkdirSync(path.join(root, "src"), { recursive: true });
    for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(root, "src", `m${i}.ts`), `export const n${i}: number = ${i};\n`);
    fs.writeFileSync(path.join(root, "src", "main.ts"), `${Array.from({ length: 40 }, (_, i) => `import { n${i} } from "./m${i}.js";`).join("\n")}\nconsole.log(${Array.from({ length: 40 }, (_, i) => `n${i}`).join(" + ")});\n`);
    const builder = `import { buildFresh } from ${JSON.stringify(path.join(REPO_ROOT, "scripts", "prebuilt.mjs"))}; await buildFresh("src", "dist");`;
    await Promise.all(Array.from({ length: 4 }, () => run(process.execPath, ["--input-type=module", "-e", builder], { cwd: root })));
    expect((await run(process.execPath, [path.join(root, "dist", "main.js")])).stdout).toBe(`${(39 * 40) / 2}\n`);
    expect(fs.readdirSync(path.join(root, "dist")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("given a tsconfig with comments and a folder linked in, then it builds as tsc reads them", async () => {
    const root = path.join(temp.dir, "linked");
    fs.mkdirSync(path.join(root, "src"), { recursive: true });
    fs.mkdirSync(path.join(root, "shared"));
    fs.writeFileSync(path.join(root, "shared", "word.ts"), 'export const word = "buurt";\n');
    fs.symlinkSync(path.join(root, "shared"), path.join(root, "src", "shared"));
    fs.writeFileSync(path.join(root, "src", "main.ts"), 'import { word } from "./shared/word.js";\nconsole.log(word);\n');
    fs.writeFileSync(path.join(root, "tsconfig.json"), '{\n  // settings as tsc reads them\n  "compilerOptions": { "target": "ES2022", },\n}\n');
    await build(path.join(root, "src"), path.join(root, "dist"), path.join(root, "tsconfig.json"));
    expect((await run(process.execPath, [path.join(root, "dist", "main.js")])).stdout).toBe("buurt\n");
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

  it("given a dist/ the user cannot write (a read-only install), then the command still runs, through tsx", async () => {
    const root = path.join(temp.dir, "readonly");
    for (const dir of ["scripts", "src", "dist", "node_modules"]) fs.mkdirSync(path.join(root, dir), { recursive: true });
    for (const file of ["run.mjs", "prebuilt.mjs"]) fs.copyFileSync(path.join(REPO_ROOT, "scripts", file), path.join(root, "scripts", file));
    for (const pkg of ["tsx", "esbuild", "@esbuild"]) fs.cpSync(path.join(REPO_ROOT, "node_modules", pkg), path.join(root, "node_modules", pkg), { recursive: true });
    fs.writeFileSync(path.join(root, "package.json"), JSON.stringify({ type: "module" }));
    fs.writeFileSync(path.join(root, "src", "hello.ts"), 'const who: string = process.argv[2] ?? "niemand";\nconsole.log(`hallo ${who}`);\n');
    // Root may write anywhere, so as root the command runs as "nobody" (the folders readable, dist/ root's own).
    const asRoot = process.getuid?.() === 0;
    for (let dir = root; dir !== path.dirname(dir); dir = path.dirname(dir)) if (dir.startsWith(temp.dir)) fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(root, "dist"), 0o555);
    const { stdout } = await run(process.execPath, [path.join(root, "scripts", "run.mjs"), "hello.ts", "buur"], {
      cwd: root, ...(asRoot ? { uid: 65534, gid: 65534 } : {}), env: { PATH: process.env.PATH, HOME: root },
    });
    expect(stdout).toBe("hallo buur\n");
    expect(fs.readdirSync(path.join(root, "dist"))).toEqual([]);
  });

  const env = { ...process.env, DATA_DIR: path.join(temp.dir, "data"), KNOWLEDGE_DIR: STARTER_KNOWLEDGE, LOG_LEVEL: "error" };

  it("given the project, then `ask` through the runner answers exactly as under tsx (same contract objects)", async () => {
    const input = path.join(temp.dir, "q.jsonl");
    fs.writeFileSync(input, `${JSON.stringify({ id: 1, question: "Hoe houden we vrijwilligers vast?" })}\n${JSON.stringify({ id: 2, question: "Wat kost een lidmaatschap van de tennisclub?" })}\n`);
    const opts = (dataDir: string) => ({ cwd: REPO_ROOT, env: { ...env, DATA_DIR: path.join(temp.dir, dataDir) }, maxBuffer: 10 * 1024 * 1024 });
    // Each with a store of its own, so neither reads what the other analysed and kept.
    const prebuilt = await run(process.execPath, ["scripts/run.mjs", "cli/ask.ts", "--jsonl", input], opts("data-prebuilt"));
    const underTsx = await run(process.execPath, ["--import", "tsx", "src/cli/ask.ts", "--jsonl", input], opts("data-tsx"));
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
          if (log.includes("webchat op")) resolve();
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
