import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeWrittenText } from "../../src/core/text/analyzer.js";
import { SYNONYM_FILE } from "../../src/ingest/vocabulary-files.js";
import { STARTER_KNOWLEDGE } from "../helpers/temp-knowledge.js";

/**
 * Keeps the shipped synonym file (knowledge/synoniemen.txt) sound as maintainers extend it: every rule reads
 * as `a, b, c` or `a, b => x, y`, every entry keeps a word after the analysis (an entry of stop words only
 * would search for nothing), and no rule is written twice.
 */
const rules = fs.readFileSync(path.join(STARTER_KNOWLEDGE, SYNONYM_FILE), "utf8").split("\n").flatMap((raw, i) => {
  const text = raw.replace(/#.*$/, "").trim();
  return text ? [{ number: i + 1, text }] : [];
});

describe("the synonym file", () => {
  it("given every rule, then it is a group or a one-way rule of entries separated by commas, none empty", () => {
    const malformed = rules.filter(({ text }) => {
      const sides = text.split("=>");
      return sides.length > 2 || sides.some((side) => side.split(",").some((entry) => !entry.trim()));
    });
    expect(malformed.map((r) => `${r.number}: ${r.text}`)).toEqual([]);
  });

  it("given every entry, then it keeps at least one word after stop words are dropped", () => {
    const empty = rules.flatMap(({ number, text }) => text.split(/=>|,/).map((e) => e.trim()).filter((e) => analyzeWrittenText(e).length === 0).map((e) => `${number}: ${e}`));
    expect(empty).toEqual([]);
  });

  it("given the rules, then none is written twice", () => {
    const seen = new Map<string, number>();
    const twice = rules.filter(({ number, text }) => {
      const key = text.replace(/\s+/g, " ").toLowerCase();
      if (seen.has(key)) return true;
      seen.set(key, number);
      return false;
    });
    expect(twice.map((r) => `${r.number}: ${r.text}`)).toEqual([]);
  });
});
