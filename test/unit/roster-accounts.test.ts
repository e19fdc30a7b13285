import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parsePersonRef } from "../../src/store/person-ref.js";
import { YamlRoster } from "../../src/store/yaml-roster.js";
import { tempDir } from "../helpers/temp-knowledge.js";

/** `vergeet roster:<id>` forgets the person as an asker under each account the roster names (forget-command.ts). */
describe("the platform accounts of someone on the roster", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given a text field that is no platform name (e-mail, Telefoon), then it is no account, so forgetting them does not stop on it", () => {
    const file = path.join(temp.dir, "roster.yaml");
    fs.writeFileSync(file, `members:\n  - { id: tina, name: Tina Tamarinde, slack: U0TINA, discord: "960000000000000007", e-mail: tina@example.nl, Telefoon: "06-12345678" }\n`);
    const accounts = new YamlRoster(file).identity("roster", "tina")!.accounts;
    expect(accounts).toEqual(["slack:U0TINA", "discord:960000000000000007"]);
    for (const account of accounts) expect(() => parsePersonRef(account)).not.toThrow();
  });
});
