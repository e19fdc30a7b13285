import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssistant, type Assistant } from "../../src/core/assistant.js";
import { Vocabulary } from "../../src/core/text/vocabulary.js";
import { splitSources } from "../../src/channels/split-text.js";
import { ingestSources } from "../../src/ingest/ingest-sources.js";
import { KnowledgeStore } from "../../src/store/knowledge-store.js";
import { openDatabase } from "../../src/store/open-database.js";
import { tempDir } from "../helpers/temp-knowledge.js";

/** Documents and questions written for this test (not from any evaluation set). */
const DOCUMENTS: Record<string, string> = {
  "buurtbus.md": `# Buurtbus De Wielewaal

De buurtbus De Wielewaal rijdt sinds 2016 tussen de kleine kernen van de gemeente. Veertien vrijwillige chauffeurs rijden
in diensten van een halve dag. De bus is eigendom van de vereniging; de gemeente betaalt de brandstof.

## Nieuwe chauffeurs werven

Stappen die de vereniging zet om chauffeurs te vinden:

- Een oproep in de dorpskrant met een foto van de chauffeurs.
- Een meeloopdag waarop belangstellenden een rit meerijden.
- Een vaste maatje-chauffeur voor elke nieuwe vrijwilliger.
- Een jaarlijkse bedankavond voor alle chauffeurs en hun partners.

## Geld

De exploitatie van de bus wordt betaald uit ritopbrengsten, een bijdrage van de provincie en sponsoring door
lokale ondernemers. Het bestuur zoekt elk jaar opnieuw naar aanvullende financiering.`,
  "repaircafe.md": `# Repair Café Oosterwijk

Het Repair Café Oosterwijk is een plek waar bewoners samen kapotte spullen repareren. Vrijwilligers met verstand van
elektra, fietsen en kleding helpen bezoekers hun spullen zelf te maken. Het café wordt gehouden in het wijkcentrum en
draait volledig op vrijwillige inzet. Het doel is minder afval en meer contact tussen buren.`,
  "zorg.md": `# Zorgcoöperatie Hart van het Dorp

De zorgcoöperatie organiseert buurthulp voor ouderen die langer thuis willen wonen. Leden helpen elkaar met
boodschappen, vervoer naar de huisarts en een kop koffie. Eenzaamheid onder ouderen neemt af wanneer buren elkaar
vaker zien. De coöperatie werkt samen met de wijkverpleging en het sociaal team van de gemeente.`,
  "wijkcentrum.md": `# Wijkcentrum De Linde

Wijkcentrum De Linde is open op maandag tot en met vrijdag van 9.00 tot 17.00 uur en op zaterdag van 10.00 tot 13.00 uur.
In het wijkcentrum vergaderen de bewonerscommissie en de moestuinclub. Zalen huren kan via de beheerder, bereikbaar op
telefoonnummer 0341-123456.`,
  "speeltuin.md": `# Speeltuin De Klimboom

De speeltuinvereniging De Klimboom kreeg in 2022 nieuwe speeltoestellen. De toestellen zijn bekostigd door een
landelijk fonds en van de opbrengst van de jaarlijkse rommelmarkt. Een nieuwe penningmeester neemt dit jaar de
boekhouding over van de oprichters.

## Het pannaveldje

Het pannaveldje naast de speeltuin is betaald door het Oranje Fonds en de gemeente. De buurt onderhoudt het veldje zelf.`,
};

describe("answers from people's own words, on documents of the test's own", () => {
  const temp = tempDir();
  let assistant: Assistant;
  let store: KnowledgeStore;
  const ask = (text: string) => assistant.handle({ channel: "test", conversationId: text, userId: "u1", text });

  beforeAll(async () => {
    const knowledgeDir = path.join(temp.dir, "kennis");
    fs.mkdirSync(knowledgeDir);
    for (const [name, text] of Object.entries(DOCUMENTS)) fs.writeFileSync(path.join(knowledgeDir, name), text);
    store = new KnowledgeStore(openDatabase(path.join(temp.dir, "q.db")));
    await ingestSources({ store, knowledgeDir, maxFileBytes: 1024 * 1024 });
    const vocabulary = new Vocabulary(
      "geld, centen, potje => financiering, exploitatie, sponsoring\nchauffeur, bestuurder, rijder\nbuurthulp, burenhulp, elkaar helpen",
      "volunteer = vrijwilliger\ndriver = chauffeur\nfind = vinden, werven\nbus = bus, buurtbus\nmoney = geld, financiering",
    );
    assistant = createAssistant({ index: store, maxQuestionChars: 2000, minConfidence: 0.5, vocabulary });
  });
  afterAll(() => temp.cleanup());

  it("given everyday words for what the document says in written words, then the passage is found through the synonym file", async () => {
    const withVocabulary = await ask("hoe komen ze aan centen?");
    expect(withVocabulary.passages[0]?.text).toContain("ritopbrengsten");
    const withoutVocabulary = await createAssistant({ index: store, maxQuestionChars: 2000, minConfidence: 0.5 })
      .handle({ channel: "test", conversationId: "no-vocabulary", userId: "u1", text: "hoe komen ze aan centen?" });
    expect(withoutVocabulary.passages).toEqual([]);
  });

  it("given an English question, then the Dutch passage is found and answered", async () => {
    const reply = await ask("How do they find new volunteer drivers for the bus?");
    expect(reply.passages.slice(0, 2).some((p) => p.text.includes("meeloopdag"))).toBe(true);
    expect(reply.decision).toBe("answer");
  });

  it("given an English asker, then the interface speaks English and the quoted passage stays Dutch", async () => {
    const reply = await ask("How do they find new volunteer drivers for the bus?");
    expect(reply.language).toBe("en");
    expect(reply.text).toMatch(/^This is what I found in the knowledge base/);
    expect(reply.text).toContain("\nSources:\n");
    expect(splitSources(reply.text)[1]).toMatch(/^Sources:/);
    expect((await ask("Hello!")).text).toMatch(/^Hi! I'm Vliegwiel/);
    const handedOff = await ask("What is the phone number of the repair café?");
    expect(handedOff.decision).toBe("handoff");
    expect(handedOff.text).toMatch(/^(I can't find|This is about current details)/);
    const dutch = await ask("Hoe vinden ze nieuwe chauffeurs?");
    expect(dutch.language).toBe("nl");
    expect(dutch.text).toMatch(/^Dit vond ik erover in de kennisbank:/);
  });

  it("given a list question, then the answer quotes the whole list from one passage with one source", async () => {
    const reply = await ask("Welke stappen zet de vereniging om nieuwe chauffeurs te vinden?");
    expect(reply.decision).toBe("answer");
    for (const item of ["dorpskrant", "meeloopdag", "maatje-chauffeur", "bedankavond"]) expect(reply.text).toContain(item);
    expect(reply.sources).toHaveLength(1);
    expect(reply.text).not.toMatch(/“Nieuwe chauffeurs werven”/); // a heading is never quoted as the answer
  });

  it("given a question after a detail the documents do not hold, then it goes to a person", async () => {
    for (const question of ["Wat zijn de openingstijden van het Repair Café Oosterwijk?", "Wat is het telefoonnummer van de zorgcoöperatie Hart van het Dorp?"]) {
      const reply = await ask(question);
      expect(reply.decision, question).toBe("handoff");
    }
  });

  it("given opening hours the documents hold, then they are answered, with a note that such details change; asked about now, a person", async () => {
    const hours = await ask("Wat zijn de openingstijden van wijkcentrum De Linde?");
    expect(hours.decision).toBe("answer");
    expect(hours.text).toContain("9.00 tot 17.00 uur");
    expect(hours.notice).toMatch(/zulke gegevens veranderen/);
    expect((await ask("Wie is op dit moment de beheerder van wijkcentrum De Linde?")).decision).toBe("handoff");
  });

  it("given a question after a name the documents leave out ('een landelijk fonds', a new treasurer), then a person; the name given, an answer", async () => {
    for (const question of ["welk fonds heeft de speeltoestellen van de klimboom betaald?", "wie is de nieuwe penningmeester van speeltuin de klimboom"]) {
      expect((await ask(question)).decision, question).toBe("handoff");
    }
    const named = await ask("welk fonds heeft het pannaveldje bij de klimboom betaald?");
    expect(named.decision).toBe("answer");
    expect(named.text).toContain("Oranje Fonds");
  });

  it("given a question after a detail the documents hold, then it is answered with it", async () => {
    const reply = await ask("Hoeveel chauffeurs rijden er op de buurtbus?");
    expect(reply.decision).toBe("answer");
    expect(reply.text).toContain("Veertien");
  });

  it("given greetings and thanks around a question, then the question is answered", async () => {
    const reply = await ask("Hoi! Wat doet de zorgcoöperatie tegen eenzaamheid?");
    expect(reply.kind).toBe("answer");
    expect(reply.passages[0]?.text).toContain("Eenzaamheid");
  });
});
