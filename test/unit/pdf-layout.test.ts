import { describe, expect, it } from "vitest";
import { loadPdf } from "../../src/ingest/loaders/load-pdf.js";
import { makeLayoutPdf, type PdfLine } from "../helpers/make-pdf.js";

// Lines of about 85 characters reach the right margin at 10 pt Helvetica; shorter ones end a paragraph.
const wrapped = (...lines: string[]): PdfLine[] => lines.map((text) => ({ text }));

describe("reading a PDF as a person reads it", () => {
  it("given headings in a larger font, then each starts a section, and the first one titles a PDF without a title", async () => {
    const pdf = makeLayoutPdf([
      [
        { text: "Buurtbus Lopikerwaard", size: 20 },
        { text: "Jaarverslag van het bestuur", size: 20 },
        { text: "Wie we zijn", size: 14, gap: 36 },
        ...wrapped("De buurtbus rijdt sinds 2019 op werkdagen tussen de kernen en het station, met chauffeurs die", "allemaal vrijwilliger zijn."),
        { text: "Geld en subsidie", size: 14, gap: 30 },
        ...wrapped("De gemeente betaalt de brandstof; de provincie gaf een bijdrage voor de bus zelf."),
      ],
    ]);

    const doc = await loadPdf(pdf);

    expect(doc.title).toBe("Buurtbus Lopikerwaard Jaarverslag van het bestuur");
    expect(doc.blocks.map((b) => [b.heading, b.page])).toEqual([["Wie we zijn", 1], ["Geld en subsidie", 1]]);
    expect(doc.blocks[0]!.text).toBe("De buurtbus rijdt sinds 2019 op werkdagen tussen de kernen en het station, met chauffeurs die allemaal vrijwilliger zijn.");
  });

  it("given wrapped lines, short lines, list items and a paragraph gap, then sentences are whole and the writer's breaks stay", async () => {
    const pdf = makeLayoutPdf([
      [
        { text: "Zo pakten we het aan", size: 14 },
        ...wrapped(
          "We begonnen met een avond in het dorpshuis waar iedereen kon vertellen wat er in de gemeen-",
          "schap nodig was, en daarna met een enquete onder de inwoners.",
          "Wat we leerden:",
        ),
        { text: "\x95 begin klein en vier wat lukt", x: 80 },
        { text: "\x95 zoek de wethouder pas op met een plan", x: 80 },
        { text: "In de provincie Noord-Holland en in de provincie Zuid-Holland werken dorpen al zo; in Noord-", gap: 26 },
        { text: "Holland zelfs al sinds 2015." },
      ],
    ]);

    const [block] = (await loadPdf(pdf)).blocks;

    expect(block!.text).toBe(
      [
        "We begonnen met een avond in het dorpshuis waar iedereen kon vertellen wat er in de gemeenschap nodig was, en daarna met een enquete onder de inwoners.",
        "Wat we leerden:",
        "• begin klein en vier wat lukt",
        "• zoek de wethouder pas op met een plan",
        "",
        "In de provincie Noord-Holland en in de provincie Zuid-Holland werken dorpen al zo; in Noord-Holland zelfs al sinds 2015.",
      ].join("\n"),
    );
  });

  it("given a running header, a footer with page numbers and a lone page number, then none of them is text", async () => {
    const page = (n: number, body: string): PdfLine[] => [
      { text: "Netwerk Zorgzame Dorpen - verslag 2021", size: 8 },
      { text: `Hoofdstuk ${n}`, size: 14, gap: 30 },
      ...wrapped(body),
      { text: `Pagina ${n} van 3`, size: 8, gap: 400 },
      { text: String(n), size: 8 },
    ];
    const pdf = makeLayoutPdf([page(1, "De zorgcooperatie begon met twaalf vrijwilligers."), page(2, "Nu zijn er negentig."), page(3, "De gemeente betaalt de ondersteuner.")]);

    const doc = await loadPdf(pdf);

    expect(doc.blocks.map((b) => `${b.heading}: ${b.text}`)).toEqual([
      "Hoofdstuk 1: De zorgcooperatie begon met twaalf vrijwilligers.",
      "Hoofdstuk 2: Nu zijn er negentig.",
      "Hoofdstuk 3: De gemeente betaalt de ondersteuner.",
    ]);
  });

  it("given a page in two columns, then each column's wrapped lines are joined by its own width", async () => {
    const column = (x: number, lines: string[]): PdfLine[] => lines.map((text, i) => ({ text, x, y: 700 - i * 12.5 }));
    const pdf = makeLayoutPdf([
      [
        ...column(72, ["De dorpsraad vroeg de gemeente om", "een bijdrage voor het dorpshuis en", "kreeg die na een jaar.", "Wat hielp:"]),
        ...column(320, ["Het bestuur schreef een plan met de", "kosten en de opbrengsten van de", "verhuur erin."]),
      ],
    ]);

    const [block] = (await loadPdf(pdf)).blocks;

    expect(block!.text).toBe("De dorpsraad vroeg de gemeente om een bijdrage voor het dorpshuis en kreeg die na een jaar.\nWat hielp:\n\nHet bestuur schreef een plan met de kosten en de opbrengsten van de verhuur erin.");
  });

  it("given one font size throughout, then each page is a block cited by its number, and a sentence over a page break is whole", async () => {
    const pdf = makeLayoutPdf([
      wrapped("Op de eerste pagina staat hoe de energiecooperatie begon, met een avond in het dorpshuis en", "een paar buren.", "Daarna kwam de vergunning van de gemeente, die liet lang op zich wachten, maar kwam er wel"),
      wrapped("uiteindelijk, in het voorjaar.", "Het dak van de school werd het eerste project."),
    ]);

    const doc = await loadPdf(pdf);

    expect(doc.blocks.map((b) => [b.heading, b.page])).toEqual([["pagina 1", 1], ["pagina 2", 2]]);
    expect(doc.blocks[0]!.text).toContain("dorpshuis en een paar buren.\nDaarna kwam de vergunning van de gemeente, die liet lang op zich wachten, maar kwam er wel uiteindelijk, in het voorjaar.");
    expect(doc.blocks[1]!.text).toBe("Het dak van de school werd het eerste project.");
  });
});
