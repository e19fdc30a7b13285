import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatherEvidence } from "../../src/core/decision/answer-evidence.js";
import { retrieve } from "../../src/core/retrieval/retrieve.js";
import { KnowledgeStore } from "../../src/store/knowledge-store.js";
import { storeOfTexts } from "../helpers/temp-knowledge.js";

describe("a question that asks two details is answerable only when the store holds both", () => {
  let cleanup: () => void;
  let store: KnowledgeStore;

  beforeAll(async () => {
    ({ store, cleanup } = await storeOfTexts({
      "belbus.txt": "De belbus van Oosterwolde rijdt vanaf 3 maart 2025 op werkdagen. Een rit met de belbus kost € 2,50 voor leden.\n",
      "klusbus.txt": "De klusbus van Westerhaar brengt gereedschap naar bewoners. Een rit met de klusbus kost € 4 per keer.\n",
      "dorpstuin.txt": "In de dorpstuin werken twaalf vrijwilligers. Ze oogsten elke week groente voor de voedselbank.\n",
    }));
  });
  afterAll(() => cleanup());

  const missing = (question: string) => gatherEvidence(question, retrieve(store, question)).detailMissing;

  it("given a date and an amount asked and a passage that gives both, then no detail is missing", () => {
    expect(missing("wanneer begint de belbus van Oosterwolde en wat gaat een rit kosten?")).toBe(0);
  });

  it("given a date and an amount asked and a passage that only gives the amount, then a detail is missing", () => {
    expect(missing("wat kost een rit met de klusbus van Westerhaar, en wanneer begint die?")).toBe(1);
  });

  it("given a cost asked with the verb further on ('wat heeft … gekost') and a passage without any amount, then it is missing", () => {
    expect(missing("wat heeft de dorpstuin van de voedselbank gekost?")).toBe(1);
    expect(missing("wat heeft een rit met de klusbus gekost?")).toBe(0);
  });

  it("given a count asked with the counted word mistyped ('hoeveel vrijwiligers'), then the count of the word it stands for answers it", () => {
    expect(missing("hoeveel vrijwiligers werken er in de dorpstuin?")).toBe(0);
    expect(missing("hoeveel vrijwilligers werken er in de dorpstuin?")).toBe(0);
    expect(missing("hoeveel leerlingen werken er in de dorpstuin?")).toBe(1);
  });
});
