import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatherEvidence } from "../../src/core/decision/answer-evidence.js";
import { assessAnswerability, confidenceOf, RULES_FACTOR } from "../../src/core/decision/answerability.js";
import { asksForHandsOnHelp } from "../../src/core/decision/asks-for-hands-on-help.js";
import { retrieve } from "../../src/core/retrieval/retrieve.js";
import type { KnowledgeStore } from "../../src/store/knowledge-store.js";
import { storeOfTexts } from "../helpers/temp-knowledge.js";

describe("a request to help do the asker's own work", () => {
  it.each([
    ["kunnen jullie me helpen met een subsidieaanvraag schrijven", true],
    ["Wil iemand onze begroting even nakijken?", true],
    ["zou iemand mee kunnen kijken naar ons plan?", true],
    ["kan iemand ons helpen bij het invullen van het formulier van het fonds?", true],
    ["wie wil mijn projectplan doorlezen? graag feedback", true],
    ["graag hulp bij het opstellen van onze statuten", true],
    ["Can someone review our plan for the village hall?", true],
    ["could you help me write a grant application?", true],
    ["Kan iemand bij ons langskomen om mee te helpen met het opzetten van een repaircafé?", true],
    ["hoe schrijf je een goede subsidieaanvraag?", false],
    ["Kun je me helpen met het vinden van nieuwe vrijwilligers?", false],
    ["kun je even nakijken of onze begroting klopt?", true],
    ["wat moet er in een projectplan voor het fonds staan?", false],
    ["hoe hebben anderen hun vrijwilligers geholpen met de overstap?", false],
    ["Hoe helpen we ouderen met het invullen van formulieren?", false],
    ["hoe denken andere dorpen mee over de woonvisie?", false],
  ])("given %j, then %s", (question, expected) => {
    expect(asksForHandsOnHelp(question)).toBe(expected);
  });
});

describe("the decision leans to a person for a request to help do the asker's own work", () => {
  let store: KnowledgeStore;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ store, cleanup } = await storeOfTexts({
      "aanvraag.txt": "Een subsidieaanvraag bij het dorpsfonds schrijf je in drie delen: wat je wilt doen, voor wie, en wat het kost. Het fonds beslist binnen zes weken.\n",
    }));
  });
  afterAll(() => cleanup());

  it("given a request to help write the application, then its confidence is the evidence's times the factor; asked how to write one, the evidence's own", () => {
    const request = "kunnen jullie me helpen met het schrijven van een subsidieaanvraag voor het dorpsfonds?";
    const found = retrieve(store, request, 10);
    expect(assessAnswerability(request, found).confidence).toBeCloseTo(confidenceOf(gatherEvidence(request, found)) * RULES_FACTOR, 6);
    const howTo = "hoe schrijf je een subsidieaanvraag voor het dorpsfonds?";
    const howToFound = retrieve(store, howTo, 10);
    expect(assessAnswerability(howTo, howToFound).confidence).toBeCloseTo(confidenceOf(gatherEvidence(howTo, howToFound)), 6);
  });
});
