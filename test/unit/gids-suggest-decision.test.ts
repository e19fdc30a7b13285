import { describe, expect, it } from "vitest";
import { oneWayPerWord } from "../../src/app/gids-vocabulary.js";
import type { InitiativeProfile } from "../../src/core/gids/initiative.js";
import { GidsMatcher } from "../../src/core/gids/initiative-matcher.js";
import type { TopicGroup } from "../../src/core/gids/profile-evidence.js";
import { suggestEvidence } from "../../src/core/gids/suggest-evidence.js";
import { SUGGEST_MODEL, suggestProbability } from "../../src/core/gids/suggest-model.js";
import { Vocabulary } from "../../src/core/text/vocabulary.js";

const profile = (id: string, over: Partial<InitiativeProfile>): InitiativeProfile => ({
  id, name: id, themes: [], description: "", experience: "", seeking: "", status: "published",
  contacts: [{ name: "Iemand", handles: { slack: `U${id}` }, contactable: true }], ...over,
} as unknown as InitiativeProfile);

const group = (word: string, df: number, max = 2): TopicGroup => ({
  word, max, terms: [{ term: word, word, df, origin: "typed", prefix: false, weight: 1 }], weights: new Map(),
});

describe("initiatievengids: whether to suggest at all", () => {
  it("given a theme line of gids-woorden, then each word leads to the themes and not to the other words", () => {
    expect(oneWayPerWord("kano, roeiboot => watersport # boten\nfiets, rijwiel")).toBe("kano => watersport\nroeiboot => watersport\nfiets, rijwiel");
    const vocabulary = new Vocabulary(oneWayPerWord("kano, roeiboot => watersport"));
    const terms = vocabulary.expand("kano", ["kano"], "nl").map((e) => e.term);
    expect(terms).toContain("watersport");
    expect(terms).not.toContain("roeibot");
  });

  it("given the best candidate's evidence, then the features say where and how much it matched", () => {
    const groups = [group("kano", 1), group("verhuur", 2), group("xyzzy", 0)];
    const best = { mass: 3, held: [{ word: "kano", value: 2, field: "experience" as const, term: "kano", weight: 1 }, { word: "verhuur", value: 1, field: "description" as const, term: "verhur", weight: 0.5 }] };
    const evidence = suggestEvidence(best, { mass: 1, held: [] }, groups, 6, 2);
    expect(evidence).toMatchObject({ share: 0.5, evidence: 0.75, direct: 0.5, known: 2 / 3 });
    expect(evidence.wordShare).toBeCloseTo(2 / 3);
    expect(evidence.margin).toBeCloseTo(2 / 3);
    // The second word it holds (1) against a rare word (2); the unknown word's weight (2) of all (6).
    expect(evidence.second).toBe(0.5);
    expect(evidence.unknown).toBeCloseTo(1 / 3);
    // Three topic words of a long question's twelve.
    expect(evidence.length).toBe(0.25);
    const onlyDescribed = suggestEvidence({ mass: 1, held: [best.held[1]!] }, undefined, groups, 6, 2);
    // A word held only in what it is (its description) is not held as typed in what it has done.
    expect(onlyDescribed.direct).toBe(0);
    expect(suggestProbability(onlyDescribed)).toBeLessThan(suggestProbability(evidence));
  });

  it("given a lead that holds two of the question's words against one that holds one as well, then the second word speaks for it; words the gids does not know speak against", () => {
    const groups = [group("molen", 1), group("restauratie", 1), group("korenmolen", 0), group("molenaar", 0)];
    const one = suggestEvidence({ mass: 2, held: [{ word: "molen", value: 2, field: "experience" as const, term: "molen", weight: 1 }] }, undefined, groups, 8, 2);
    const twoHeld = [{ word: "molen", value: 2, field: "experience" as const, term: "molen", weight: 1 }, { word: "restauratie", value: 1, field: "themes" as const, term: "restauratie", weight: 1 }];
    const two = suggestEvidence({ mass: 3, held: twoHeld }, undefined, groups, 8, 2);
    expect([one.second, two.second]).toEqual([0, 0.5]);
    expect(one.unknown).toBe(0.5);
    expect(suggestProbability(two)).toBeGreaterThan(suggestProbability(one));
    const allKnown = suggestEvidence({ mass: 2, held: [{ word: "molen", value: 2, field: "experience" as const, term: "molen", weight: 1 }] }, undefined, groups.slice(0, 2), 4, 2);
    expect(allKnown.unknown).toBe(0);
    expect(suggestProbability(allKnown)).toBeGreaterThan(suggestProbability(one));
    // The same shares in a longer question say more: there every share is spread over more words.
    const longer = suggestEvidence({ mass: 3, held: twoHeld }, undefined, [...groups, ...groups.map((g) => ({ ...g, word: `${g.word}2`, max: 0 }))], 8, 2);
    expect(longer.length).toBe(2 * two.length);
    expect(suggestProbability(longer)).toBeGreaterThan(suggestProbability(two));
  });

  it("given a question an initiative has done, then it is suggested; given one that shares a passing word, then nothing", () => {
    const profiles = [
      profile("kanoclub", { themes: ["sport", "water"], experience: "kanoverhuur aan toeristen; steigers bouwen met vrijwilligers; kanotochten voor scholen", description: "Wij varen in de zomer." }),
      profile("bakkerij", { themes: ["voedsel"], experience: "brood bakken met statushouders; een bakkerij als leerwerkplek", description: "In de zomer bakken we op de markt, in de winter in de kerk." }),
    ];
    const matcher = new GidsMatcher({ list: () => profiles }, undefined, undefined, SUGGEST_MODEL);
    expect(matcher.match("Wie kan ons helpen met kanotochten voor scholen en steigers bouwen?").map((m) => m.initiative.id)).toEqual(["kanoclub"]);
    expect(matcher.match("Wat doen jullie in de winter tegen gladheid op de stoep?")).toEqual([]);
  });

  it("given a longer question that shares one word with an initiative's experience but asks about something the gids lacks, then nothing; given a short question with its word, then that initiative", () => {
    const profiles = [
      profile("voedselbos", { themes: ["natuur", "voedsel"], experience: "een voedselbos aanleggen met de buurt; fruitbomen planten met scholen", description: "Wij zijn een groep buren." }),
      profile("dorpshuis", { themes: ["dorpshuis"], experience: "de bar draaien met vrijwilligers; zaalverhuur aan verenigingen", description: "Het huis van het dorp." }),
    ];
    const matcher = new GidsMatcher({ list: () => profiles }, undefined, undefined, SUGGEST_MODEL);
    expect(matcher.match("Wij willen een natuurbegraafplaats aanleggen; hoe zit het met de vergunning en de grafrechten?")).toEqual([]);
    expect(matcher.match("Hoe begin je met een voedselbos?").map((m) => m.initiative.id)).toEqual(["voedselbos"]);
  });
});
