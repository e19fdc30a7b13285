import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieve } from "../../src/core/retrieval/retrieve.js";
import { KnowledgeStore } from "../../src/store/knowledge-store.js";
import { storeOfTexts } from "../helpers/temp-knowledge.js";

describe("a separable verb the store lacks, and a long word with two slips, on a real store", () => {
  let cleanup: () => void;
  let store: KnowledgeStore;

  beforeAll(async () => {
    // The store says "ruimen ... op" split, never "opruimen"; "bibliotheek" only spelled right.
    ({ store, cleanup } = await storeOfTexts({
      "zwerfafval.txt": "Elke eerste zaterdag ruimen bewoners samen het zwerfafval in het park op. Knijpers en zakken liggen bij de bibliotheek.\n",
      "speeltuin.txt": "De speeltuinvereniging onderhoudt de speeltuin achter de school. Ouders schilderen ieder voorjaar de toestellen.\n",
      "dorpshuis.txt": "Het dorpshuis verhuurt de grote zaal aan verenigingen. De beheerder maakt de zaal schoon na elk feest.\n",
      "gereedschap.txt": "Buurten die samenwerken met de school delen hun gereedschap en hun ladders.\n",
      "moestuin.txt": "Vrijwilligers werken elke week in de moestuin; werken in de tuin houdt je fit.\n",
      "braderie.txt": "Wie de braderie wil organiseren, vraagt de vergunning vroeg aan. De participatie van winkeliers maakt het feest. Winkeliers houden de stoep vrij.\n",
    }));
  });
  afterAll(() => cleanup());

  it("given 'opruimen' typed while the store only says 'ruimen … op', then the verb without its particle finds it, counting less", () => {
    const retrieval = retrieve(store, "Wie helpt met opruimen van zwerfafval?");
    const verb = retrieval.terms.find((t) => t.word === "opruimen" && t.origin === "inflection");
    expect(verb).toMatchObject({ df: 1 });
    expect(verb!.weight).toBeLessThan(1);
    expect(retrieval.hits[0]?.document.id).toBe("zwerfafval.txt");
    // Only the particle-less verb is added, no made-up word for the particle.
    expect(retrieval.terms.filter((t) => t.word === "opruimen").map((t) => t.origin).sort()).toEqual(["inflection", "typed"]);
  });

  it("given a separable verb the question splits ('samen te werken') and the store holds whole, then the whole verb is searched too, counting less", () => {
    const retrieval = retrieve(store, "Heeft het zin om met de buurt samen te werken?");
    const joined = retrieval.terms.find((t) => t.term === "samenwerk");
    expect(joined).toMatchObject({ word: "werken", origin: "inflection", df: 1 });
    expect(joined!.weight).toBeLessThan(1);
    expect(retrieval.hits[0]?.document.id).toBe("gereedschap.txt");
    // The split verb's own word stays a term of its own.
    expect(retrieval.terms.some((t) => t.term === "werk" && t.origin === "typed")).toBe(true);
  });

  it("given a noun made from a verb ('organisator') or a verb whose noun the store holds ('participeren'), then the other form is searched too, counting less", () => {
    const agent = retrieve(store, "Wie is de organisator van de braderie?");
    expect(agent.terms.find((t) => t.word === "organisator" && t.origin === "inflection")).toMatchObject({ term: "organiser", df: 1 });
    const verb = retrieve(store, "Hoe laat je winkeliers participeren?");
    const noun = verb.terms.find((t) => t.word === "participeren" && t.origin === "inflection");
    expect(noun).toMatchObject({ df: 1 });
    expect(noun!.weight).toBeLessThan(1);
    expect(verb.hits[0]?.document.id).toBe("braderie.txt");
    // A noun in -ing that the stemmer leaves whole has its own sense: "houding" is not searched as "houden".
    expect(retrieve(store, "Welke houding hebben winkeliers?").terms.filter((t) => t.word === "houding" && t.origin === "inflection")).toEqual([]);
  });

  it("given a split particle whose joined verb the store does not know, then nothing is added", () => {
    const retrieval = retrieve(store, "Wie schildert de toestellen samen?");
    expect(retrieval.terms.filter((t) => t.origin === "inflection" && t.term.startsWith("samen"))).toEqual([]);
  });

  it("given a word starting like a particle whose rest the store does not know, then nothing is added", () => {
    const retrieval = retrieve(store, "Wie kan de omheining repareren?");
    expect(retrieval.terms.filter((t) => t.word === "omheining" && t.origin !== "typed")).toEqual([]);
  });

  it("given a long word with two letters left out, then the store's word two edits away is searched, below a single slip", () => {
    // "bibiloteek": two letters swapped and one left out of "bibliotheek".
    const retrieval = retrieve(store, "Waar liggen de knijpers in de bibiloteek?");
    const slip = retrieval.terms.find((t) => t.word === "bibiloteek" && t.origin === "typo");
    expect(slip).toMatchObject({ df: 1 });
    expect(slip!.weight).toBeLessThan(0.9);
    expect(retrieval.hits[0]?.document.id).toBe("zwerfafval.txt");
  });

  it("given a short word two edits from a store word, then it is not read as a double slip", () => {
    // "zall" is one edit from "zaal" (a single slip is fine); "zxlx" is two edits and short: no guess.
    const retrieval = retrieve(store, "Waar is de zxlx?");
    expect(retrieval.terms.filter((t) => t.origin === "typo")).toEqual([]);
  });
});
