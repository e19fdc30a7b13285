import { describe, expect, it } from "vitest";
import { readableSentences } from "../../src/core/answer/readable-text.js";

describe("a short list under the line that announces it, in OCR text", () => {
  it("given a list whose items stand line under line, then it ends at the first blank line, and lone OCR'd bullets are no items", () => {
    const text = [
      "Een goede buurtbus heeft drie dingen nodig:",
      "o vaste chauffeurs;",
      "o een planner die de ritten verdeelt;",
      "o een potje voor onderhoud.",
      "",
      "m",
      "",
      "¢ Wat niet vanzelf gaat",
      "",
      "O",
      "",
      "O",
      "",
      "De gemeente betaalt de verzekering van de bus.",
    ].join("\n");
    const sentences = readableSentences(text);
    expect(sentences[0]).toBe("Een goede buurtbus heeft drie dingen nodig:\nvaste chauffeurs\neen planner die de ritten verdeelt\neen potje voor onderhoud.");
    expect(sentences.join("\n")).not.toMatch(/^O\.?$/m);
    expect(sentences).toContain("De gemeente betaalt de verzekering van de bus.");
  });

  it("given a list with a blank line between every item (as OCR spaces a slide), then it runs on over the blank lines", () => {
    const text = "Wat de werkgroep doet:\n\nKoffieochtend\n\nKlussendienst\n\nBoodschappenhulp\n\nDe werkgroep komt elke maand bijeen in het dorpshuis.";
    expect(readableSentences(text)[0]).toBe("Wat de werkgroep doet:\nKoffieochtend\nKlussendienst\nBoodschappenhulp.");
  });
});

describe("OCR debris in a slide's text", () => {
  it("given symbols standing alone and bullets read as the letter o, then they are left out; a dash, a percentage and dots stay", () => {
    const [sentence] = readableSentences("Twaalf buurten, veel verschillende =% initiatieven (ook kleine); o Iedereen doet mee – jong en oud, 45 % van de bewoners … of meer.");
    expect(sentence).toBe("Twaalf buurten, veel verschillende initiatieven (ook kleine); Iedereen doet mee – jong en oud, 45 % van de bewoners … of meer.");
    expect(readableSentences("— . Broodfonds en buurtapp in elk dorp van de gemeente.")[0]).toBe("Broodfonds en buurtapp in elk dorp van de gemeente.");
  });
});

describe("a short word inside quotation marks", () => {
  it("given a quotation that ends in a two-letter word ('… vrijwilligerswerk is”.') or is one ('“ja”'), then the word stays", () => {
    expect(readableSentences("Mensen haken af “omdat het maar vrijwilligerswerk is”. Daarom belt de coördinator elke maand.")[0]).toBe("Mensen haken af “omdat het maar vrijwilligerswerk is”.");
    expect(readableSentences("Zij zei “ja” tegen het plan van de werkgroep en de buurt.")[0]).toBe("Zij zei “ja” tegen het plan van de werkgroep en de buurt.");
  });
});
