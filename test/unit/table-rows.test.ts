import { describe, expect, it } from "vitest";
import { labelTableRows } from "../../src/core/answer/table-rows.js";
import { readableSentences } from "../../src/core/answer/readable-text.js";
import { loadHtml } from "../../src/ingest/loaders/load-html.js";

describe("table rows read with their header", () => {
  it("given a Word table whose first row is bold, then each row names its columns and the header row is left out", () => {
    const text = [
      "**Activiteit** | **Dag** | **Bijdrage**",
      "",
      "Repaircafé | eerste zaterdag van de maand | vrijwillige gift",
      "",
      "Buurtmaaltijd | donderdag | € 6 per persoon",
    ].join("\n");
    expect(readableSentences(text)).toEqual([
      "Activiteit: Repaircafé; Dag: eerste zaterdag van de maand; Bijdrage: vrijwillige gift.",
      "Activiteit: Buurtmaaltijd; Dag: donderdag; Bijdrage: € 6 per persoon.",
    ]);
  });

  it("given a markdown table, then its row above the |---| line is the header", () => {
    const lines = ["| Ruimte | Huur per dagdeel |", "|---|:---:|", "| Grote zaal | € 45 |", "| Vergaderkamer | € 20 |"];
    // Kept apart by a blank line: a row ending in "45." would otherwise take the next in as a list item's number.
    expect(labelTableRows(lines)).toEqual(["Ruimte: Grote zaal; Huur per dagdeel: € 45.", "", "Ruimte: Vergaderkamer; Huur per dagdeel: € 20."]);
  });

  it("given a table without a marked header (labels and values), then its rows stay as they are", () => {
    const lines = ["Opgericht | 2016", "", "Leden | 140 huishoudens"];
    expect(labelTableRows(lines)).toEqual(lines);
  });

  it("given a bold row further down (a total), then it is a row of the table, not a new header", () => {
    const lines = ["**Post** | **Bedrag**", "Zaalhuur | € 300", "**Totaal** | **€ 300**"];
    expect(labelTableRows(lines)).toEqual(["Post: Zaalhuur; Bedrag: € 300.", "Post: Totaal; Bedrag: € 300."]);
  });

  it("given a header with an empty corner cell (a table comparing the things it names), then its rows stay as they are", () => {
    const lines = ["**Buurtbus (tot 2020)** | **Belbus (vanaf 2020)**", "Reserveren | niet nodig | een dag vooraf"];
    expect(labelTableRows(lines)).toEqual([lines[0], "", "Reserveren | niet nodig | een dag vooraf"]);
  });

  it("given a markdown table with an empty corner cell, then it is a comparing table too: its rows stay as they are", () => {
    const lines = ["| | Buurtbus | Belbus |", "|---|---|---|", "| Reserveren | niet nodig | een dag vooraf |"];
    expect(labelTableRows(lines)).toEqual([lines[0], "", lines[2]]);
  });

  it("given a row with a cell fewer than the header (an empty cell the loader left out), then it stays as it is rather than mislabelled", () => {
    const lines = ["**Naam** | **Rol** | **Sinds**", "Anna | voorzitter"];
    expect(labelTableRows(lines)).toEqual([lines[0], "", "Anna | voorzitter"]);
  });

  it("given text after the table, then a later row-like line is not read under the old header", () => {
    const lines = ["**Dag** | **Tijd**", "maandag | 9-12", "Daarna volgt de pauze.", "koffie | thee"];
    expect(labelTableRows(lines)).toEqual(["Dag: maandag; Tijd: 9-12.", "Daarna volgt de pauze.", "koffie | thee"]);
  });

  it("given two tables one right after the other (a Word file's), then the second's rows are read under its own header, not the first's", async () => {
    const doc = await loadHtml(`<html><body><h2>Praktisch</h2>
      <table><tr><th>Dienst</th><th>Kosten voor leden</th></tr><tr><td>Maaltijdservice aan huis</td><td>€ 7,50 per maaltijd</td></tr></table>
      <table><tr><th>Dag van de week</th><th>Openingstijden</th></tr><tr><td>Maandag en woensdag</td><td>van 9.00 tot 17.00 uur</td></tr></table>
    </body></html>`);
    expect(readableSentences(doc.blocks.map((b) => b.text).join("\n\n"))).toEqual([
      "Dienst: Maaltijdservice aan huis; Kosten voor leden: € 7,50 per maaltijd.",
      "Dag van de week: Maandag en woensdag; Openingstijden: van 9.00 tot 17.00 uur.",
    ]);
  });

  it("given a bold subtotal amid the rows, then it is a row and the rows after it stay under the table's header", () => {
    const lines = ["**Post** | **Bedrag**", "Subsidie | € 900", "**Subtotaal inkomsten** | **€ 900**", "Zaalhuur | € 300"];
    expect(labelTableRows(lines)).toEqual(["Post: Subsidie; Bedrag: € 900.", "Post: Subtotaal inkomsten; Bedrag: € 900.", "Post: Zaalhuur; Bedrag: € 300."]);
  });

  it("given a bold total and then a second table's header, then the total is a row of the first and the header opens the second", () => {
    const lines = ["**Post** | **Bedrag**", "Zaalhuur | € 300", "**Totaal** | **€ 300**", "**Dag** | **Tijd**", "maandag | 9-12"];
    expect(labelTableRows(lines)).toEqual(["Post: Zaalhuur; Bedrag: € 300.", "Post: Totaal; Bedrag: € 300.", "Dag: maandag; Tijd: 9-12."]);
  });

  it("given a web table with an empty cell, then the row's cells stay under their columns (the empty one says nothing)", () => {
    const text = loadHtml("<body><table><tr><th>Post</th><th>2024</th><th>2025</th></tr><tr><td>Donaties</td><td></td><td>€ 300</td></tr></table></body>").blocks.map((b) => b.text).join("\n");
    expect(readableSentences(text)).toEqual(["Post: Donaties; 2025: € 300."]);
  });

  it("given a web table whose header has an empty corner, then it compares the things it names: its rows are not labelled", () => {
    const text = loadHtml("<body><table><tr><th></th><th>2024</th><th>2025</th></tr><tr><td>Donaties</td><td></td><td>€ 300</td></tr></table></body>").blocks.map((b) => b.text).join("\n");
    expect(readableSentences(text).join(" ")).not.toContain("2024: Donaties");
  });
});

describe("markdown table rows that end in a small figure", () => {
  it("given rows on lines one after the other ending in '€ 45' and '€ 20', then each is a sentence of its own (not one quote of every row)", () => {
    const text = "| Ruimte | Huur per dagdeel |\n|---|---|\n| Grote zaal | € 45 |\n| Vergaderkamer | € 20 |\n| Keuken | € 15 |";
    expect(readableSentences(text)).toEqual(["Ruimte: Grote zaal; Huur per dagdeel: € 45.", "Ruimte: Vergaderkamer; Huur per dagdeel: € 20.", "Ruimte: Keuken; Huur per dagdeel: € 15."]);
  });
});

describe("a table cell that holds a bar itself", () => {
  it("given a web or Word table cell 'Koffie | thee', then its row is still read under the header, the bar kept apart from the cells", async () => {
    const doc = await loadHtml("<body><table><tr><th>Dienst</th><th>Kosten</th></tr><tr><td>Koffie | thee</td><td>€ 1</td></tr><tr><td>Soep</td><td>€ 2</td></tr></table></body>");
    const text = doc.blocks.map((b) => b.text).join("\n\n");
    expect(readableSentences(text)).toEqual(["Dienst: Koffie / thee; Kosten: € 1.", "Dienst: Soep; Kosten: € 2."]);
  });

  it("given a markdown cell with an escaped bar (\\|), then the row keeps its two cells and is not run into the next row", () => {
    const text = "| Dienst | Kosten |\n|---|---|\n| Koffie \\| thee | € 1 |\n| Soep | € 2 |";
    expect(readableSentences(text)).toEqual(["Dienst: Koffie / thee; Kosten: € 1.", "Dienst: Soep; Kosten: € 2."]);
  });
});

describe("a web table whose header row is bold cells (<td><b>), as content systems write it", () => {
  it("given <td><strong>Dienst</strong></td> headers, then the rows are read under them as under <th>", () => {
    const doc = loadHtml("<body><table><tr><td><strong>Dienst</strong></td><td><b>Kosten</b></td></tr><tr><td>Maaltijdservice</td><td>€ 7,50 per maaltijd</td></tr></table></body>");
    expect(readableSentences(doc.blocks.map((b) => b.text).join("\n\n"))).toEqual(["Dienst: Maaltijdservice; Kosten: € 7,50 per maaltijd."]);
  });
});
