import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { afterAll, describe, expect, it } from "vitest";
import { addAnswerToKnowledge } from "../../src/app/learning-sink.js";
import { copyOfStarterKnowledge, openTestStore, tempDir } from "../helpers/temp-knowledge.js";

const LOCK = ".metadata.yaml.lock";
const effect = { type: "add_to_knowledge" as const, question: "Hoe regel ik een tapvergunning?", answer: "Via het loket van de gemeente.", theme: "vergunningen" };

/**
 * Another writer of metadata.yaml in a process of its own (as kennis -- vergeet is beside the running
 * app): it takes the lock file, reads the file, waits for a line on stdin, then writes what it read with
 * its own change and lets the lock go.
 */
const OTHER_WRITER = `
const fs = require("node:fs"), os = require("node:os"), path = require("node:path");
const [dir] = process.argv.slice(1);
const lock = path.join(dir, ${JSON.stringify(LOCK)});
fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, host: os.hostname(), at: new Date().toISOString() }), { flag: "wx" });
const read = fs.readFileSync(path.join(dir, "metadata.yaml"), "utf8");
process.stdout.write("held\\n");
process.stdin.once("data", () => {
  fs.writeFileSync(path.join(dir, "metadata.yaml"), read + "# bijgewerkt door de andere schrijver\\n");
  fs.rmSync(lock);
  process.exit(0);
});
`;

describe("two writers of metadata.yaml", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given another process writing metadata.yaml while an approved answer comes in, then neither undoes the other's change", async () => {
    const knowledgeDir = copyOfStarterKnowledge(path.join(temp.dir, "a"));
    const other = spawn(process.execPath, ["-e", OTHER_WRITER, knowledgeDir], { stdio: ["pipe", "pipe", "inherit"] });
    const [first] = (await once(other.stdout!, "data")) as [Buffer];
    expect(first.toString()).toBe("held\n");
    // The approved answer comes in while the other writer holds the file; then the other one writes.
    const adding = addAnswerToKnowledge(effect, "abcdef12-3456", { knowledgeDir, store: openTestStore(path.join(temp.dir, "a")), maxFileBytes: 1024 * 1024 });
    other.stdin!.write("schrijf\n");
    await once(other, "exit");
    const file = await adding;
    const metadata = fs.readFileSync(path.join(knowledgeDir, "metadata.yaml"), "utf8");
    expect(metadata).toContain("# bijgewerkt door de andere schrijver");
    expect(metadata).toContain(`${file}:`);
    expect(fs.existsSync(path.join(knowledgeDir, LOCK))).toBe(false);
  });

  it("given a lock left by a process that is gone (killed while writing), then the approved answer is added and the lock removed", async () => {
    const knowledgeDir = copyOfStarterKnowledge(path.join(temp.dir, "b"));
    const gone = spawn(process.execPath, ["-e", ""]);
    await once(gone, "exit");
    fs.writeFileSync(path.join(knowledgeDir, LOCK), JSON.stringify({ pid: gone.pid, host: os.hostname(), at: new Date().toISOString() }));
    const file = await addAnswerToKnowledge(effect, "abcdef12-3456", { knowledgeDir, store: openTestStore(path.join(temp.dir, "b")), maxFileBytes: 1024 * 1024 });
    expect(fs.readFileSync(path.join(knowledgeDir, "metadata.yaml"), "utf8")).toContain(`${file}:`);
    expect(fs.readdirSync(knowledgeDir).filter((f) => f.startsWith(".metadata.yaml"))).toEqual([]);
  });
});

describe("an approved answer's block in a maintained metadata.yaml", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());
  const options = (knowledgeDir: string) => ({ knowledgeDir, store: openTestStore(path.dirname(knowledgeDir)), maxFileBytes: 1024 * 1024 });

  it("given the maintainers' own layout, then the file stays byte for byte, with the block after it", async () => {
    const knowledgeDir = copyOfStarterKnowledge(path.join(temp.dir, "c"));
    const metadataPath = path.join(knowledgeDir, "metadata.yaml");
    const before = `${fs.readFileSync(metadataPath, "utf8")}eigen.md:   # door Joke\n  title: 'Eigen document'\n  themes: [ energie, wonen ]\n`;
    fs.writeFileSync(metadataPath, before);
    const file = await addAnswerToKnowledge(effect, "abcdef12-3456", options(knowledgeDir));
    const after = fs.readFileSync(metadataPath, "utf8");
    expect(after.slice(0, before.length)).toBe(before);
    expect(after.slice(before.length)).toMatch(new RegExp(`^${file}:\\n  title: Hoe regel ik een tapvergunning\\?\\n`));
  });

  it("given metadata.yaml changed by hand between two approved answers, then the second goes by the change: a broken line refuses it, mended it is added once", async () => {
    const knowledgeDir = copyOfStarterKnowledge(path.join(temp.dir, "d"));
    const metadataPath = path.join(knowledgeDir, "metadata.yaml");
    await addAnswerToKnowledge(effect, "abcdef12-3456", options(knowledgeDir));
    const good = fs.readFileSync(metadataPath, "utf8");
    fs.writeFileSync(metadataPath, `${good}kapot.md:\n  title: [niet gesloten\n`);
    const second = { ...effect, question: "Waar vraag ik een standplaats aan?" };
    const now = new Date("2026-11-29T10:00:00Z");
    await expect(addAnswerToKnowledge(second, "bcdef123-4567", { ...options(knowledgeDir), now })).rejects.toThrow(/^metadata\.yaml regel \d+: geen geldige YAML, het antwoord is er niet aan toegevoegd$/);
    // Mended, with the block already written by hand: it stays as the maintainer wrote it, not twice.
    const own = "antwoorden/2026-11-29-waar-vraag-ik-een-standplaats-aan-bcdef123.md";
    fs.writeFileSync(metadataPath, `${good}${own}:\n  title: Standplaats (door de beheerder)\n`);
    const file = await addAnswerToKnowledge(second, "bcdef123-4567", { ...options(knowledgeDir), now });
    expect(file).toBe(own);
    expect(fs.readFileSync(metadataPath, "utf8")).toBe(`${good}${own}:\n  title: Standplaats (door de beheerder)\n`);
  });
});
