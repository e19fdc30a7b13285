import { describe, expect, it } from "vitest";
import { loadGidsVocabulary } from "../../src/app/gids-vocabulary.js";
import type { InitiativeProfile } from "../../src/core/gids/initiative.js";
import { GidsMatcher } from "../../src/core/gids/initiative-matcher.js";
import { participleStems } from "../../src/core/gids/participles.js";
import { isFrameWord, isMistypedFrameWord, withoutResidence } from "../../src/core/gids/question-frame.js";
import { stemDutch } from "../../src/core/text/stem.js";
import { STARTER_KNOWLEDGE } from "../helpers/temp-knowledge.js";

const profile = (id: string, over: Partial<InitiativeProfile>): InitiativeProfile => ({
  id, name: id, themes: [], description: "", experience: "", seeking: "", status: "published",
  contacts: [{ name: "Iemand", handles: { slack: `U${id}` }, contactable: true }], ...over,
} as unknown as InitiativeProfile);

describe("initiatievengids: what a question is about", () => {
  it("given where the asker lives and numbers, then they are not the topic", () => {
    expect(withoutResidence("Ik woon in Ter Apel en zoek een koor").trim()).toBe("en zoek een koor");
    expect(withoutResidence("we live in Kampen and want a choir")).not.toMatch(/Kampen/);
    expect(withoutResidence("Ik woon graag op het platteland")).toBe("Ik woon graag op het platteland");
    expect(isFrameWord("1984")).toBe(true);
    expect(isFrameWord("runnen")).toBe(true);
    expect(isFrameWord("koor")).toBe(false);
  });

  it("given a strong verb's participle, then it also stands for its infinitive (gesloten → sluiten)", () => {
    // What the stemmer already brings together (gebleven, geholpen) or the participle adds.
    const meets = (participle: string, infinitive: string) => [stemDutch(participle), ...participleStems(participle)].includes(stemDutch(infinitive));
    expect(meets("aangesloten", "aansluiten")).toBe(true);
    expect(meets("gebleven", "blijven")).toBe(true);
    expect(meets("geholpen", "helpen")).toBe(true);
    expect(meets("gevonden", "vinden")).toBe(true);
    expect(meets("opgeschreven", "opschrijven")).toBe(true);
    expect(participleStems("gezonden")).not.toContain("zon");
  });

  it("given everyday and English words, then the gids's word file leads them to its themes, each word on its own", () => {
    const vocabulary = loadGidsVocabulary(STARTER_KNOWLEDGE);
    const leads = (word: string, language: "nl" | "en" = "nl") => vocabulary.expand(word, [stemDutch(word)], language).map((e) => e.term);
    expect(leads("wagen")).toContain(stemDutch("vervoer"));
    expect(leads("senioren")).toContain(stemDutch("ouderen"));
    expect(leads("defibrillator")).toContain(stemDutch("veiligheid"));
    expect(leads("windmolen")).toContain(stemDutch("energie"));
    expect(leads("windmolen")).not.toContain(stemDutch("zonnepaneel"));
    expect(leads("speeltuin")).toContain(stemDutch("kinderen"));
    expect(leads("ouderen")).not.toContain(stemDutch("kinderen"));
  });

  it("given a word that only looks like a compound of a frame word ('best|rijden'), then its parts lead nowhere", () => {
    const profiles = [
      profile("rijders", { themes: ["vervoer"], experience: "vrijwilligers rijden ouderen naar de dokter" }),
      profile("natuur", { themes: ["natuur"], experience: "eikenprocessierups bestrijden met mezenkasten" }),
    ];
    const matcher = new GidsMatcher({ list: () => profiles }, loadGidsVocabulary(STARTER_KNOWLEDGE));
    const ids = matcher.candidates("Hoe bestrijden we plagen?").candidates.map((c) => c.profile.id);
    expect(ids).toEqual(["natuur"]);
  });

  it("given a mistyped stop or frame word ('begnnen', 'iemnd'), then it is no topic word, though typo correction finds it in a profile", () => {
    expect(isMistypedFrameWord("begnnen")).toBe(true);
    expect(isMistypedFrameWord("iemnd")).toBe(true);
    expect(isMistypedFrameWord("eigelijk")).toBe(true);
    expect(isMistypedFrameWord("moestuin")).toBe(false);
    expect(isMistypedFrameWord("weten")).toBe(false);
    const profiles = [
      profile("repair", { themes: ["repair"], experience: "begin 2020 een repair café gestart in het dorpshuis" }),
      profile("tuin", { themes: ["voedsel"], experience: "moestuin met buren; oogst delen" }),
    ];
    const matcher = new GidsMatcher({ list: () => profiles }, loadGidsVocabulary(STARTER_KNOWLEDGE));
    expect(matcher.candidates("Hoe begnnen we met een moestuin?").candidates.map((c) => c.profile.id)).toEqual(["tuin"]);
  });

  it("given a hostile 'word' of 100 000 letters, then it is no mistyped frame word, without making its edits (each as long as the word)", () => {
    expect(isMistypedFrameWord("qz".repeat(50_000))).toBe(false);
  });
});
