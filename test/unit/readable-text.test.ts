import { describe, expect, it } from "vitest";
import { readableSentences } from "../../src/core/answer/readable-text.js";

describe("readableSentences", () => {
  it("given OCR text with broken lines, stray glyphs and bullet letters, then yields clean sentences", () => {
    const ocr = [
      "e Hoe compenseer je het werk van vrijwilligers en wanneer heb je betaalde",
      "krachten nodig?",
      "O",
      "¢ ]",
      "Er zijn meer manieren dan alleen geld om het voor vrijwilligers aantrekkelijk te",
      "houden, zoals training. Dat werkt goed in dorpen.",
    ].join("\n");
    expect(readableSentences(ocr)).toEqual([
      "Hoe compenseer je het werk van vrijwilligers en wanneer heb je betaalde krachten nodig?",
      "Er zijn meer manieren dan alleen geld om het voor vrijwilligers aantrekkelijk te houden, zoals training.",
      "Dat werkt goed in dorpen.",
    ]);
  });

  it("given markdown emphasis and headings, then strips the markup", () => {
    expect(readableSentences("## **Sociaal cement** in de samenleving\n\nBurgerinitiatieven zijn er in alle soorten en maten.")).toEqual([
      "Sociaal cement in de samenleving",
      "Burgerinitiatieven zijn er in alle soorten en maten.",
    ]);
  });
});
