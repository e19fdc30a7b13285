import { afterAll, describe, expect, it } from "vitest";
import { YamlRoster } from "../../src/store/yaml-roster.js";
import { tempDir } from "../helpers/temp-knowledge.js";

describe("a ROSTER_FILE that is no file", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given a folder named as the roster, then the warning says in Dutch that it is a folder, not Node's EISDIR", () => {
    const warnings: string[] = [];
    const roster = new YamlRoster(temp.dir, (message) => warnings.push(message));
    expect(roster.identity("roster", "tina")).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("is een map, geen bestand");
    expect(warnings[0]).not.toMatch(/EISDIR|illegal operation/);
  });
});
