import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readOpenTaal } from "../../src/core/text/dutch-dictionary.js";
import { readOpenTaalInSlices } from "../../src/core/text/open-taal-slices.js";

describe("the Dutch word list read in slices (the background warm-up)", () => {
  it("given the list read a slice at a time, then it knows exactly the words the list read whole knows", () => {
    const whole = readOpenTaal();
    const load = readOpenTaalInSlices(1000);
    let steps = 1;
    while (!load.step()) steps++;
    const sliced = load.finish();
    expect(steps).toBeGreaterThan(10);
    // Words of the starter documents as written (names, compounds, OCR damage), plus made-up ones.
    const text = fs.readdirSync("knowledge").filter((f) => /\.(md|txt)$/.test(f)).map((f) => fs.readFileSync(path.join("knowledge", f), "utf8")).join(" ");
    const words = [...new Set(text.match(/\p{L}{2,}/gu) ?? [])].slice(0, 6000);
    words.push("zonnecoöperatie", "buurtbusvereniging", "vrijwilligersvergoeding", "xqzvw", "codperatie", "Amsterdam", "amsterdam");
    const differ = words.filter((w) => whole.knows(w) !== sliced.knows(w));
    expect(differ).toEqual([]);
    expect(words.filter((w) => sliced.knows(w)).length).toBeGreaterThan(words.length / 3);
  }, 120_000);
});
