import { describe, expect, it } from "vitest";
import { labelTableRows } from "../../src/core/answer/table-rows.js";
import { readableSentences } from "../../src/core/answer/readable-text.js";

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
    expect(labelTableRows(lines)).toEqual(["Ruimte: Grote zaal; Huur per dagdeel: € 45.", "Ruimte: Vergaderkamer; Huur per dagdeel: € 20."]);
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

  it("given a row with a cell fewer than the header (an empty cell the loader left out), then it stays as it is rather than mislabelled", () => {
    const lines = ["**Naam** | **Rol** | **Sinds**", "Anna | voorzitter"];
    expect(labelTableRows(lines)).toEqual([lines[0], "", "Anna | voorzitter"]);
  });

  it("given text after the table, then a later row-like line is not read under the old header", () => {
    const lines = ["**Dag** | **Tijd**", "maandag | 9-12", "Daarna volgt de pauze.", "koffie | thee"];
    expect(labelTableRows(lines)).toEqual(["Dag: maandag; Tijd: 9-12.", "Daarna volgt de pauze.", "koffie | thee"]);
  });
});
