import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../../src/config.js";
import { CHROMIUM, holdRequests, launchBrowser } from "../helpers/browser.js";
import { teamLinkSecret, teamLogin, type TeamClient } from "../helpers/team-login.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";
import { startWebServer, type WebServer } from "../helpers/web-server.js";

const MB = 1024 * 1024;

/** A coordinator adds documents in the team view: every refusal names its real reason, as the command line does. */
describe("adding a document in the team view", () => {
  const temp = tempDir();
  let config: Config;
  let web: WebServer;
  let coordinator: TeamClient;

  beforeAll(async () => {
    config = testConfig(temp.dir, { INGEST_MAX_FILE_MB: "1" });
    web = await startWebServer(config);
    coordinator = await teamLogin(web.url, config.databasePath, "coordinator");
  });
  afterAll(async () => {
    await web?.stop();
    temp.cleanup();
  });

  const upload = async (fileName: string, bytes: Buffer) => {
    const res = await coordinator.post("/api/tolk/documenten", { fileName, contentBase64: bytes.toString("base64") });
    return { status: res.status, ...((await res.json()) as { result?: string; error?: string }) };
  };

  it("given an empty file, then it says the file is empty (a file was chosen), and keeps nothing", async () => {
    const answer = await upload("leeg.txt", Buffer.alloc(0));
    expect(answer.error ?? "").not.toMatch(/Kies een bestand/);
    expect(answer.result).toMatch(/leeg\.txt: het bestand is leeg/);
    expect(fs.existsSync(path.join(config.knowledgeDir, "leeg.txt"))).toBe(false);
  });

  it("given a damaged file with a space in its name, then the refusal names it as uploaded, not by the marked name it is not kept under", async () => {
    const answer = await upload("kapot verslag.pdf", Buffer.from("%PDF-1.4\nhier hield het bestand op"));
    expect(answer.result).toMatch(/✗ kapot verslag\.pdf: geen geldige PDF/);
    expect(answer.result).not.toMatch(/kapot-verslag-[0-9a-f]{8}/);
    expect(fs.readdirSync(config.knowledgeDir).filter((name) => name.includes("kapot"))).toEqual([]);
  });

  it("given a file over INGEST_MAX_FILE_MB, then it names its size, the limit and the setting, in Dutch numbers", async () => {
    const answer = await upload("groot.txt", Buffer.alloc(Math.round(2.5 * MB), "a"));
    expect(answer.status).toBe(413);
    expect(answer.error).toMatch(/^Het bestand is te groot \(2,5 MB; maximum 1 MB, in te stellen met INGEST_MAX_FILE_MB\)\.$/);
    // Just over the limit, inside what the request may carry: the same reason, from the check on the file itself.
    const over = await upload("iets-te-groot.txt", Buffer.alloc(MB + 200 * 1024, "a"));
    expect(over.result ?? over.error).toMatch(/te groot \(1,2 MB; maximum 1 MB, in te stellen met INGEST_MAX_FILE_MB\)/);
  });

  it("given a file name of 300 characters, then it says the name is too long (not that the type is unreadable)", async () => {
    const answer = await upload(`${"verslag-".repeat(37)}abcd.md`, Buffer.from("# Verslag\n\nDe buurtbus rijdt ook op zaterdag.\n"));
    const text = answer.result ?? answer.error ?? "";
    expect(text).toMatch(/bestandsnaam is te lang \(hooguit 200 tekens, minder met letters als ë of é\)/);
    expect(text).not.toMatch(/bestandstype/);
  });

  it("given neither a file nor an address, then it asks for one", async () => {
    const res = await coordinator.post("/api/tolk/documenten", {});
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe("Kies een bestand of vul een webadres in.");
  });

  it("given a file whose base64 is corrupt, then it is refused with a Dutch reason, and nothing is kept or read in", async () => {
    for (const contentBase64 of ["Dit is geen base64!", "SGFsbG8gd2VyZWxk*", "SGFsbG8=d2VyZWxk", "SGFsbG8"]) {
      const res = await coordinator.post("/api/tolk/documenten", { fileName: "kapot.txt", contentBase64 });
      expect(res.status, contentBase64).toBe(400);
      expect(((await res.json()) as { error: string }).error, contentBase64).toBe("Het bestand kwam beschadigd aan. Kies het nog eens.");
    }
    expect(fs.existsSync(path.join(config.knowledgeDir, "kapot.txt"))).toBe(false);
    // Whole base64 still goes in (also with line breaks, as some encoders write it).
    const good = Buffer.from("# Verslag\n\nDe buurtbus rijdt ook op zaterdag.\n").toString("base64");
    const res = await coordinator.post("/api/tolk/documenten", { fileName: "heel.md", contentBase64: `${good.slice(0, 20)}\r\n${good.slice(20)}` });
    expect(((await res.json()) as { result: string }).result).toMatch(/1 toegevoegd/);
  });

  it("given 'a b.txt' and then 'a-b.txt', then they are two files, neither replaces the other; the same name again updates its own", async () => {
    const spaced = await upload("buurt bus.txt", Buffer.from("De buurtbus rijdt op zaterdag naar de markt in Lopik.\n"));
    const dashed = await upload("buurt-bus.txt", Buffer.from("De buurtbus stopt in de winter bij de kerk van Jaarsveld.\n"));
    expect(spaced.result).toMatch(/1 toegevoegd/);
    expect(dashed.result).toMatch(/1 toegevoegd/);
    expect(dashed.result).not.toMatch(/[1-9] bijgewerkt/);
    const kept = () => fs.readdirSync(config.knowledgeDir).filter((f) => f.startsWith("buurt")).sort();
    expect(kept()).toHaveLength(2);
    const texts = kept().map((f) => fs.readFileSync(path.join(config.knowledgeDir, f), "utf8")).join("");
    expect(texts).toContain("Lopik");
    expect(texts).toContain("Jaarsveld");
    // The same names again: each updates its own file, and no third one appears.
    expect((await upload("buurt bus.txt", Buffer.from("De buurtbus rijdt nu ook op vrijdag naar Lopik.\n"))).result).toMatch(/1 bijgewerkt/);
    expect((await upload("buurt-bus.txt", Buffer.from("De buurtbus stopt in de winter niet meer in Jaarsveld.\n"))).result).toMatch(/1 bijgewerkt/);
    expect(kept()).toHaveLength(2);
    expect(fs.readFileSync(path.join(config.knowledgeDir, "buurt-bus.txt"), "utf8")).toMatch(/niet meer in Jaarsveld/);
  });

  it("given a clean name that ends in a date ('notulen-20240131.txt', uploaded by an earlier version), then uploading it again updates that file under its own name", async () => {
    fs.writeFileSync(path.join(config.knowledgeDir, "notulen-20240131.txt"), "De buurtraad sprak op 31 januari over de speeltuin in Benschop.\n");
    expect((await upload("notulen-20240131.txt", Buffer.from("De buurtraad sprak op 31 januari over de speeltuin en de bankjes in Benschop.\n"))).result).toMatch(/1 (bijgewerkt|toegevoegd)/);
    expect(fs.readdirSync(config.knowledgeDir).filter((f) => f.startsWith("notulen"))).toEqual(["notulen-20240131.txt"]);
    expect(fs.readFileSync(path.join(config.knowledgeDir, "notulen-20240131.txt"), "utf8")).toMatch(/de bankjes/);
  });

  describe.skipIf(!CHROMIUM)("in the team page", () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => browser?.close());

    it("given a file being added, then 'Toevoegen' cannot be pressed again until the server answered", async () => {
      const page = await browser.newPage();
      await page.goto(`${web.url}/tolk#sleutel=${teamLinkSecret(config.databasePath, "coordinator")}`);
      await page.locator("#signals").waitFor();
      // Hold the upload on its way to the server, to look at the page while it is busy.
      const { onItsWay, release } = await holdRequests(page, "**/api/tolk/documenten");
      await page.setInputFiles("#doc-file", { name: "buurtbus.md", mimeType: "text/markdown", buffer: Buffer.from("# Buurtbus\n\nDe buurtbus van Lopik rijdt voortaan ook op zaterdag naar de markt.\n") });
      await page.click("#doc-add");
      await onItsWay;
      expect(await page.locator("#doc-add").isDisabled()).toBe(true);
      expect(await page.locator("#doc-result").innerText()).toBe("Bezig…");
      release();
      await page.locator("#doc-result", { hasText: "1 toegevoegd" }).waitFor();
      expect(await page.locator("#doc-add").isDisabled()).toBe(false);

      // Over the limit: said at once, with the limit, and nothing is sent.
      await page.setInputFiles("#doc-file", { name: "groot.txt", mimeType: "text/plain", buffer: Buffer.alloc(Math.round(1.5 * MB), "a") });
      await page.click("#doc-add");
      await page.locator("#doc-result", { hasText: "te groot (1,5 MB; maximum 1 MB, in te stellen met INGEST_MAX_FILE_MB)" }).waitFor();
      await page.close();
    });
  });
});
