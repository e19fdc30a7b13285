import { describe, expect, it } from "vitest";
import { chunkPassages } from "../../src/ingest/chunk-passages.js";
import { loadPlainText } from "../../src/ingest/loaders/load-plain-text.js";

const PROSE = "De deelnemers spraken een avond lang over wat hun initiatief nodig heeft om te blijven bestaan.";

describe("headings in plain text", () => {
  it("given numbered headings and a list of short lines, then the headings cut sections and the list stays whole", () => {
    const doc = loadPlainText(
      [
        "Opzet van de avond", "", PROSE, "",
        "2. Eerste ronde", PROSE, "",
        "Wat we willen:", "", "o Nieuwsbrief", "", "Meetings", "", "Thema’s en themabijeenkomsten", "",
        "Kennisbank en trainingen", "", "Helpdesk voor vragen", "",
        "3. Tweede ronde", PROSE, "",
        "Nog een kop na de alinea", "", PROSE,
      ].join("\n"),
    );
    expect(doc.blocks.map((b) => b.heading)).toEqual(["Opzet van de avond", "2. Eerste ronde", "3. Tweede ronde", "Nog een kop na de alinea"]);
    expect(doc.blocks[1]!.text).toContain("Thema’s en themabijeenkomsten\n\nKennisbank en trainingen");
  });

  it("given a short line inside a paragraph or OCR debris, then it is not a heading", () => {
    const doc = loadPlainText([PROSE, "Een korte regel erna", "", "@ Scherm ¢ rommel", "", PROSE].join("\n"));
    expect(doc.blocks.map((b) => b.heading)).toEqual([undefined]);
  });
});

describe("passages", () => {
  const intro = "Functies voor het samenwerkingsverband:";
  const items = Array.from({ length: 60 }, (_, i) => `o Activiteit nummer ${i} voor de buurt`);
  const listText = `${"Inleiding over het netwerk van initiatieven. ".repeat(8)}\n\n${intro}\n\n${items.join("\n\n")}\n\nTot slot een gewone alinea die de lijst afsluit en geen onderdeel meer is van de opsomming.`;

  it("given a passage cut inside a list, then it starts with the line that introduces the list", async () => {
    const passages = await chunkPassages([{ heading: "Lijst", text: listText }]);
    expect(passages.length).toBeGreaterThan(2);
    for (const p of passages.slice(1)) {
      expect(p.text.startsWith(`${intro}\n\n`)).toBe(true);
      expect(p.text.slice(intro.length).trim()).toMatch(/^o Activiteit nummer/);
    }
    expect(passages.at(-1)!.text).toContain("o Activiteit nummer 59");
    expect(passages.every((p) => p.section === "Lijst")).toBe(true);
  });

  it("given a passage cut inside ordinary paragraphs, then nothing is added to it", async () => {
    const paragraphs = Array.from({ length: 40 }, (_, i) => `Alinea ${i}: ${PROSE}`).join("\n\n");
    const passages = await chunkPassages([{ heading: "Gewoon", text: `Onze aanpak:\n\n${paragraphs}` }]);
    expect(passages.length).toBeGreaterThan(2);
    for (const p of passages.slice(1)) expect(p.text).toMatch(/^Alinea \d+:/);
  });
});
