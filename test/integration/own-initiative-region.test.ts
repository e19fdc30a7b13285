import { afterAll, describe, expect, it } from "vitest";
import { ownInitiativeRegion, signalRegion } from "../../src/core/gids/signal-region.js";
import { openDatabase } from "../../src/store/open-database.js";
import { SqliteInitiativeDirectory } from "../../src/store/sqlite-initiative-directory.js";

/** The signals count a handoff for the region of the asker's own initiative by the gids's one rule (signalRegion). */
describe("the region of an asker's own initiative", () => {
  const db = openDatabase(":memory:");
  afterAll(() => db.close());
  const directory = new SqliteInitiativeDirectory(db);
  const by = { platform: "test", userId: "setup" };
  const base = { description: "", seeking: "", experience: "ervaring", themes: ["dorpshuis"] };
  const contact = (name: string, slack: string) => ({ name, handles: { slack }, contactable: true });
  const wier = directory.save({ ...base, name: "Dorpshuis Wierum", place: "Wierum", contacts: [contact("Anne", "U0ANNE")] }, by);
  const ens = directory.save({ ...base, name: "Zon op Ens", place: "Ens", province: "Flevoland", contacts: [contact("Joke", "U0JOKE")] }, by);
  const bus = directory.save({ ...base, name: "Buurtbus Benschop", place: "Benschop", municipality: "Lopik", province: "Utrecht", contacts: [contact("Kees", "U0KEES")] }, by);

  it("given an initiative with only a kern, then its kern is the asker's region (not unknown)", () => {
    expect(ownInitiativeRegion(directory, { platform: "slack", userId: "U0ANNE" })).toBe("Wierum");
    expect(ownInitiativeRegion(directory, { platform: "slack", userId: "U0ANNE" })).toBe(signalRegion(wier));
  });

  it("given a gemeente or only a provincie, then the same region as the profile counts for in the gids's signals", () => {
    expect(ownInitiativeRegion(directory, { platform: "slack", userId: "U0KEES" })).toBe("Lopik");
    expect(ownInitiativeRegion(directory, { platform: "slack", userId: "U0JOKE" })).toBe("Flevoland");
    expect([bus, ens].map(signalRegion)).toEqual(["Lopik", "Flevoland"]);
  });

  it("given someone who is no contact of any initiative, or the same id on another platform, then no region", () => {
    expect(ownInitiativeRegion(directory, { platform: "slack", userId: "U0NIEMAND" })).toBeUndefined();
    expect(ownInitiativeRegion(directory, { platform: "discord", userId: "U0ANNE" })).toBeUndefined();
  });
});
