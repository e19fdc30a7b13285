import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";
import { startWebServer, type WebServer } from "../helpers/web-server.js";

/** The text of a source page's document part, its tags taken out (what a reader reads). */
const readable = (page: string): string => /<main>([\s\S]*)<\/main>/.exec(page)![1]!.replace(/<[^>]+>/g, "\n");

/**
 * A source page (/bron/<document>) as a volunteer reads it: Markdown's marks are not shown, and a
 * heading stands once, not once as the page's heading and again as the first line under it.
 */
describe("a source page's text", () => {
  const temp = tempDir();
  let web: WebServer;
  beforeAll(async () => {
    const knowledge = path.join(temp.dir, "kennis");
    fs.mkdirSync(knowledge);
    // Sections long enough to stay sections of their own (a short block is joined to the next).
    const more = "Elke zaterdag is er een werkochtend waarop iedereen welkom is, ook wie weinig tijd heeft of nog nooit " +
      "getuinierd heeft. Na afloop drinken we samen koffie in het dorpshuis en bespreken we wat er de komende weken moet gebeuren.";
    fs.writeFileSync(path.join(knowledge, "moestuin.md"), [
      "# Buurtmoestuin De Groene Hoek", "",
      `**Groene**Hoek is een moestuin van twaalf buren achter het dorpshuis. ${more}`, "",
      "## Hoe houden we vrijwilligers vast?", "",
      "**Hoe houden we vrijwilligers vast?**", "",
      `Nieuwe vrijwilligers krijgen een **maatje** dat hen de eerste maand wegwijs maakt. ${more}`, "",
      "## Wie betaalt wat?", "",
      `De gemeente betaalt het water en de grond. ${more}`, "",
    ].join("\n"));
    fs.writeFileSync(path.join(knowledge, "verslag-avond.txt"), [
      " Opzet van de avond", "",
      `Doel van de avond was met de buren te verkennen hoe we de tuin samen onderhouden. ${more}`, "",
      "1. Welkom", `De voorzitter heette iedereen welkom en vertelde over de eerste oogst. ${more}`, "",
      "2. Rondvraag", `Er waren vragen over de sleutel van het hek en de kosten van het water. ${more}`, "",
    ].join("\n"));
    // With a title of its own, a text file's first line is its first section's heading, not its title.
    fs.writeFileSync(path.join(knowledge, "metadata.yaml"), 'verslag-avond.txt:\n  title: "Verslag tuinavond"\n  kind: verslag\n');
    web = await startWebServer(testConfig(temp.dir, { KNOWLEDGE_DIR: knowledge }));
  });
  afterAll(async () => {
    await web?.stop();
    temp.cleanup();
  });

  const page = async (documentId: string) => readable(await (await fetch(`${web.url}/bron/${encodeURIComponent(documentId)}`)).text());

  it("given a Markdown document with bold words and headings, then its page shows the words without ** or #", async () => {
    const text = await page("moestuin.md");
    expect(text).toContain("GroeneHoek is een moestuin");
    expect(text).toContain("een maatje dat");
    expect(text).not.toContain("**");
    expect(text).not.toMatch(/^\s*#/m);
  });

  it("given a section whose passage opens with its heading (bold in Markdown, plain in a text file), then the heading stands once", async () => {
    const markdown = await page("moestuin.md");
    expect(markdown.split("Hoe houden we vrijwilligers vast?").length - 1, markdown).toBe(1);
    const text = await page("verslag-avond.txt");
    expect(text.split("Opzet van de avond").length - 1, text).toBe(1);
    expect(text.split("2. Rondvraag").length - 1, text).toBe(1);
  });
});
