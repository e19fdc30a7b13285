import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asksAboutRules } from "../../src/core/decision/asks-about-rules.js";
import { assessAnswerability, confidenceOf, RULES_FACTOR } from "../../src/core/decision/answerability.js";
import { gatherEvidence } from "../../src/core/decision/answer-evidence.js";
import { retrieve } from "../../src/core/retrieval/retrieve.js";
import type { KnowledgeStore } from "../../src/store/knowledge-store.js";
import { storeOfTexts } from "../helpers/temp-knowledge.js";

describe("a question about what rules, taxes or insurers require", () => {
  it.each([
    ["hebben we een vergunning nodig voor een rommelmarkt op het plein?", true],
    ["moet de kringloopwinkel btw rekenen over verkochte spullen", true],
    ["zijn de vrijwilligers van de klussendienst verzekerd als er iets misgaat?", true],
    ["is het wettelijk verplicht om een jaarverslag te maken?", true],
    ["Do we need a licence to sell coffee at the market?", true],
    ["hebben de chauffeurs van de buurtbus een VOG nodig?", true],
    ["hoe worden we een ANBI zodat giften aftrekbaar zijn", true],
    ["wat kostte de notaris voor de statuten van de stichting?", false],
    ["mogen we foto's van de kinderen op onze website zetten, hoe zit het met portretrecht?", true],
    ["Do our volunteers need a certificate of conduct?", true],
    ["welke rechtsvorm past bij een netwerk van initiatieven?", false],
    ["hoe vinden we nieuwe vrijwilligers voor de klussendienst?", false],
    ["wat kost een kop koffie in het buurthuis?", false],
  ])("given %j, then it asks about rules: %s", (question, expected) => {
    expect(asksAboutRules(question)).toBe(expected);
  });
});

describe("the decision leans to a person for a question about rules", () => {
  let store: KnowledgeStore;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ store, cleanup } = await storeOfTexts({
      "klussendienst.txt": "De klussendienst van de buurtvereniging helpt ouderen met kleine klussen in huis. De vrijwilligers zijn verzekerd via de collectieve vrijwilligersverzekering van de gemeente.\n",
      "rommelmarkt.txt": "Elk voorjaar houdt de buurtvereniging een rommelmarkt op het plein. De opbrengst gaat naar de speeltuin.\n",
    }));
  });
  afterAll(() => cleanup());

  it("given a question about insurance, then its confidence is the evidence's times the rules factor; without such words, the evidence's own", () => {
    const rules = "zijn de vrijwilligers van de klussendienst verzekerd?";
    const found = retrieve(store, rules, 10);
    expect(assessAnswerability(rules, found).confidence).toBeCloseTo(confidenceOf(gatherEvidence(rules, found)) * RULES_FACTOR, 6);
    const plain = "wat doet de klussendienst van de buurtvereniging?";
    const plainFound = retrieve(store, plain, 10);
    expect(assessAnswerability(plain, plainFound).confidence).toBeCloseTo(confidenceOf(gatherEvidence(plain, plainFound)), 6);
  });
});
