import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CHANNEL_NL, reasonText } from "../../src/core/channel-texts-nl.js";
import { askerNoticeText, stuckText, teamRejectionText, THREAD_STATUS_LABELS, threadButtons } from "../../src/core/handoff/handoff-texts.js";
import { NL } from "../../src/core/replies-nl.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SRC = path.join(ROOT, "src");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** Every relative import of a file (static, dynamic and `export … from`), resolved to a path under the repo. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]!);
  return specifiers.map((spec) => path.relative(ROOT, path.resolve(path.dirname(file), spec)).replace(/\.js$/, ".ts"));
}

const files = sourceFiles(SRC);
const rel = (file: string) => path.relative(ROOT, file);

describe("architecture", () => {
  it("given the import graph, then nothing in src/core imports from outside src/core", () => {
    const wrong = files.filter((f) => rel(f).startsWith("src/core/"))
      .flatMap((f) => importsOf(f).filter((to) => !to.startsWith("src/core/")).map((to) => `${rel(f)} -> ${to}`));
    expect(files.some((f) => rel(f).startsWith("src/core/"))).toBe(true);
    expect(wrong).toEqual([]);
  });

  it("given the import graph, then src/app imports nothing from src/cli", () => {
    const wrong = files.filter((f) => rel(f).startsWith("src/app/"))
      .flatMap((f) => importsOf(f).filter((to) => to.startsWith("src/cli/")).map((to) => `${rel(f)} -> ${to}`));
    expect(wrong).toEqual([]);
  });

  it("given the import graph, then no channel adapter imports a store class or the settings reader", () => {
    const channelFiles = files.filter((f) => rel(f).startsWith("src/channels/"));
    expect(channelFiles.length).toBeGreaterThan(10);
    const wrong = channelFiles.flatMap((f) =>
      importsOf(f).filter((to) => to.startsWith("src/store/") || to === "src/config.ts").map((to) => `${rel(f)} -> ${to}`));
    expect(wrong).toEqual([]);
  });

  it("given the import checker, then it sees a relative import for what it is", () => {
    const sample = path.join(SRC, "channels/discord/discord-channel.ts");
    expect(importsOf(sample)).toContain("src/core/channel.ts");
  });

  it("given every source file, then none is over 250 lines (the benchmark script aside)", () => {
    const long = files.map((f) => ({ file: rel(f), lines: fs.readFileSync(f, "utf8").trimEnd().split("\n").length }))
      .filter(({ lines }) => lines > 250);
    expect(long).toEqual([]);
  });

  it("given every user text, then no English label or internal code reaches it", () => {
    const handoff = {
      id: "h1", question: "Vraag?", theme: "energie", status: "open", sharing: "named", findings: [],
      asker: { channel: "web", conversationId: "c1", userId: "u1", name: "An" }, claimedBy: { userId: "t1", name: "Tolk" },
    } as unknown as Parameters<typeof askerNoticeText>[1];
    const notices = ["consent_request", "not_shared", "consent_expired", "passing_on", "shared", "claimed", "taking_longer", "resolved", "reopened", "delivery_delayed"] as const;
    const texts: string[] = [
      ...Object.values(NL).map((v) => (typeof v === "function" ? v(1000) : v)),
      ...Object.values(CHANNEL_NL).flatMap((v) => (typeof v === "function" ? [(v as (...a: unknown[]) => string)("x.pdf", 1, 2)] : Array.isArray(v) ? v : [v as string])),
      ...notices.map((n) => askerNoticeText(n, handoff)),
      ...["already_claimed", "not_on_roster", "not_claimer", "not_claimed", "something_else"].map((c) => teamRejectionText(c)),
      ...Object.values(THREAD_STATUS_LABELS) as string[],
      ...(["open", "claimed"] as const).flatMap((s) => threadButtons(s).map((b) => b.label)),
      ...[["open_thread", "is_archived (in C0X)"], ["timer:reminder", "database is locked"], ["add_to_knowledge", "metadata.yaml regel 3: geen geldige YAML"]]
        .map(([step, lastError]) => stuckText({ step: step!, channel: "slack", attempts: 6, lastError: lastError! })),
      ...["answerable", "not-in-knowledge", "asked-for-human", "live-facts", "small-talk", "not-allowed", "error", "unknown"].map(reasonText),
    ];
    expect(texts.length).toBeGreaterThan(40);
    const labels = /\b(not-in-knowledge|live-facts|asked-for-human|small-talk|not-allowed|answerable|roster|claimed|resolved|handoff|undefined|null)\b|\b[a-z]+_[a-z_]+\b/;
    const leaks = texts.filter((text) => labels.test(text));
    expect(leaks).toEqual([]);
  });
});
