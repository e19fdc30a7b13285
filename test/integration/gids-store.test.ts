import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ProfileDraft } from "../../src/core/gids/initiative.js";
import { ProfileService } from "../../src/core/gids/profile-service.js";
import { openDatabase } from "../../src/store/open-database.js";
import { SqliteInitiativeDirectory } from "../../src/store/sqlite-initiative-directory.js";
import { SqliteGidsSignals } from "../../src/store/gids-signals.js";
import { applyRetention } from "../../src/store/retention.js";
import { tempDir } from "../helpers/temp-knowledge.js";

const ANNA = { platform: "slack", userId: "UANNA" };
const BRAM = { platform: "discord", userId: "4242" };
const COORDINATOR = { platform: "web", userId: "coordinator" };

const draft = (over: Partial<ProfileDraft> = {}): ProfileDraft => ({
  name: "Dorpshuis De Schakel",
  place: "Lopik",
  municipality: "Lopik",
  province: "Utrecht",
  themes: ["Vervoer", "dorpshuis", "vervoer"],
  description: "  Een dorpshuis   met een buurtbus. ",
  experience: "buurtbus sinds 2019",
  seeking: "vrijwilligers voor de bar",
  website: "https://deschakel.nl",
  contacts: [{ name: "Anna", handles: { slack: "UANNA" }, contactable: true }],
  ...over,
});

describe("initiatievengids store (SQLite)", () => {
  const temp = tempDir();
  const db = openDatabase(path.join(temp.dir, "gids.db"));
  const directory = new SqliteInitiativeDirectory(db);
  afterAll(() => { db.close(); temp.cleanup(); });

  it("given a new profile, when saved, then it gets a slug id, version 1, clean fields and an audit line", () => {
    const saved = directory.save(draft(), ANNA);
    expect(saved.id).toBe("dorpshuis-de-schakel-lopik");
    expect(saved.version).toBe(1);
    expect(saved.themes).toEqual(["vervoer", "dorpshuis"]);
    expect(saved.description).toBe("Een dorpshuis met een buurtbus.");
    expect(saved.status).toBe("published");
    expect(directory.get(saved.id)).toEqual(saved);
    expect(directory.history(saved.id)).toMatchObject([{ action: "created", actor: "slack:UANNA", version: 1 }]);
    expect(directory.ofMember(ANNA).map((p) => p.id)).toEqual([saved.id]);
  });

  it("given a stored profile, when updated with the right version, then the version rises and the audit names the fields", () => {
    const before = directory.get("dorpshuis-de-schakel-lopik")!;
    const after = directory.save({ ...before, seeking: "een penningmeester" }, ANNA, before.version);
    expect(after.version).toBe(2);
    expect(directory.history(after.id).at(-1)).toMatchObject({ action: "updated", fields: ["seeking"], version: 2 });
  });

  it("given the same save again, then nothing changes (no new version)", () => {
    const before = directory.get("dorpshuis-de-schakel-lopik")!;
    expect(directory.save({ ...before }, ANNA).version).toBe(before.version);
  });

  it("given two editors of one version, when both save, then the second gets a Dutch conflict and loses nothing stored", () => {
    const seen = directory.get("dorpshuis-de-schakel-lopik")!;
    directory.save({ ...seen, experience: "buurtbus sinds 2019, dorpsfeest" }, ANNA, seen.version);
    expect(() => directory.save({ ...seen, experience: "iets anders" }, BRAM, seen.version)).toThrowError(/intussen ook aangepast/);
    expect(directory.get(seen.id)!.experience).toBe("buurtbus sinds 2019, dorpsfeest");
  });

  it("given bad input, then every problem is named in Dutch at once", () => {
    let error: Error & { code?: string } = new Error();
    try {
      directory.save(draft({ name: " ", website: "ftp://x.nl", description: "x".repeat(1200), themes: [] }), ANNA);
    } catch (e) { error = e as Error & { code?: string }; }
    expect(error.code).toBe("profile_invalid");
    expect(error.message).toMatch(/naam van het initiatief ontbreekt/);
    expect(error.message).toMatch(/website moet beginnen met http/);
    expect(error.message).toMatch(/omschrijving is te lang \(1200 tekens, hooguit 1000\)/);
    expect(() => directory.save(draft({ name: "Zonder contact", contacts: [{ name: "Kees", handles: {}, contactable: true }] }), ANNA))
      .toThrowError(/mag benaderd worden, maar heeft geen Slack- of Discord-id/);
  });

  it("given a name and place that exist, when a new profile is made without id, then it is refused (no duplicate)", () => {
    expect(() => directory.save(draft(), BRAM)).toThrowError(/staat al een initiatief/);
  });

  it("given a suggestion, then it is not listed for askers and is published only with a contactable contact", () => {
    const suggestion = directory.save(draft({ name: "Twentse Noabers", place: undefined, municipality: undefined, description: "", experience: "", contacts: [], status: "suggested", suggestedFrom: "verslag.pdf" }), COORDINATOR);
    expect(directory.list().some((p) => p.id === suggestion.id)).toBe(false);
    expect(directory.list({ includeSuggested: true }).some((p) => p.id === suggestion.id)).toBe(true);
    expect(() => directory.save({ ...suggestion, status: "published", description: "Noaberschap in Twente" }, COORDINATOR))
      .toThrowError(/pas zichtbaar als er een contactpersoon/);
    const published = directory.save({ ...suggestion, status: "published", description: "Noaberschap in Twente", contacts: [{ name: "Bram", handles: { discord: "4242" }, contactable: true }] }, COORDINATOR);
    expect(published.status).toBe("published");
    expect(published.suggestedFrom).toBeUndefined();
    expect(directory.history(published.id).at(-1)!.action).toBe("confirmed");
  });

  it("given the rules of the service, then only members and coordinators edit, and only coordinators see suggestions", () => {
    const service = new ProfileService(directory, (u) => u.userId === COORDINATOR.userId);
    const profile = directory.get("dorpshuis-de-schakel-lopik")!;
    expect(() => service.save({ ...profile, seeking: "x" }, BRAM)).toThrowError(/eigen initiatief/);
    expect(() => service.save(draft({ name: "Nieuw", contacts: [] }), BRAM)).toThrowError(/Zet jezelf bij de contactpersonen/);
    expect(service.save({ ...profile, seeking: "koks" }, COORDINATOR).seeking).toBe("koks");
    expect(() => service.suggestions(ANNA)).toThrowError(/Alleen coördinatoren/);
    expect(service.suggestions(COORDINATOR)).toEqual([]);
  });

  it("given a contact who leaves or is forgotten, then they are gone from every profile; their own empty profile goes too", () => {
    const service = new ProfileService(directory, () => false);
    const own = service.save(draft({ name: "Voedseltuin", place: "Zeist", contacts: [{ name: "Bram", handles: { discord: "4242" }, contactable: true }] }), BRAM);
    expect(directory.ofMember(BRAM).map((p) => p.id).sort()).toEqual([own.id, "twentse-noabers"].sort());
    expect(directory.forgetPerson(BRAM)).toBe(2);
    expect(directory.get(own.id)).toBeUndefined();
    expect(directory.get("twentse-noabers")!.contacts).toEqual([]);
    expect(directory.ofMember(BRAM)).toEqual([]);
    expect(JSON.stringify(directory.history("twentse-noabers"))).not.toContain("4242");
  });

  it("given suggestions shown long ago, then retention removes them and keeps recent ones", () => {
    const shown = { channel: "web", initiatives: [{ id: "x", name: "X", themes: ["vervoer"], because: "" }] };
    new SqliteGidsSignals(db, () => new Date("2020-01-01T00:00:00Z")).recordShown(shown);
    new SqliteGidsSignals(db).recordShown(shown);
    applyRetention(db, 365);
    expect(new SqliteGidsSignals(db).counts(new Date("2000-01-01")).shown).toEqual([{ themes: ["vervoer"], region: undefined }]);
  });

  it("given the person themselves, then they can remove their profile at any time", () => {
    const service = new ProfileService(directory, () => false);
    expect(service.leave("dorpshuis-de-schakel-lopik", BRAM)).toBeUndefined();
    expect(service.remove("dorpshuis-de-schakel-lopik", ANNA)).toBe(true);
    expect(directory.get("dorpshuis-de-schakel-lopik")).toBeUndefined();
    expect(directory.history("dorpshuis-de-schakel-lopik").at(-1)).toMatchObject({ action: "removed", actor: "slack:UANNA" });
  });
});
