import { describe, expect, it } from "vitest";
import { plainTitle, repeatsTitle } from "../../src/core/plain-title.js";
import { sourceLabel, type SearchHit } from "../../src/core/types.js";

const hit = (title: string, section?: string, page?: number) =>
  ({ document: { id: "d.md", title }, passage: { section, page } }) as unknown as SearchHit;

/** The one formatter of source labels (web, Slack, Discord and the command line all show sourceLabel's text). */
describe("source labels", () => {
  it("given a section equal to the title, then the title once", () => {
    expect(sourceLabel(hit("Nieuw verslag", "Nieuw verslag"))).toBe("Nieuw verslag");
    expect(sourceLabel(hit("Nieuw verslag", "nieuw verslag."))).toBe("Nieuw verslag");
  });

  it("given a long question as both title and section, then the title once (not a shortened copy after it)", () => {
    const question = "Waar kunnen we een AED-kastje voor het dorpshuis lenen of kopen, en wie betaalt het onderhoud ervan?";
    expect(sourceLabel(hit(question, question))).toBe(question);
  });

  it("given a section that is the start of the title, then the title once; a section that adds words stays", () => {
    expect(sourceLabel(hit("Waar kunnen we een AED-kastje lenen?", "Waar kunnen we"))).toBe("Waar kunnen we een AED-kastje lenen?");
    expect(sourceLabel(hit("Verslag", "Verslag van de netwerkavond"))).toBe("Verslag — Verslag van de netwerkavond");
    expect(sourceLabel(hit("Waarom samenwerken", "Waar"))).toBe("Waarom samenwerken — Waar");
    expect(sourceLabel(hit("Toolkit", "Financiering"))).toBe("Toolkit — Financiering");
    expect(sourceLabel(hit("Verslag", undefined, 3))).toBe("Verslag — pagina 3");
  });

  it("given markup typed into a tolk's question, then plain text", () => {
    const question = "Hoe kunnen we de buurtbus <u>repareren</u>?";
    expect(sourceLabel(hit(question, question))).toBe("Hoe kunnen we de buurtbus repareren?");
    expect(plainTitle("Is 5 <10 en <b>a</b> > b?")).toBe("Is 5 <10 en a > b?");
    expect(repeatsTitle("", "Verslag")).toBe(false);
  });
});
