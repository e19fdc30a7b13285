import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../../src/config.js";
import { submitLesson } from "../../src/core/introductions/lesson-machine.js";
import type { Introduction } from "../../src/core/introductions/introduction-types.js";
import { openDatabase } from "../../src/store/open-database.js";
import { SqliteIntroductionRepository } from "../../src/store/sqlite-introduction-repository.js";
import { SqliteLessonRepository } from "../../src/store/sqlite-lesson-repository.js";
import { CHROMIUM } from "../helpers/browser.js";
import { teamLinkSecret } from "../helpers/team-login.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";
import { startWebApp, type WebApp } from "../helpers/web-app.js";

/** A lesson someone shared after an introduction, stored in the app's database as the learning loop stores it. */
function proposeLesson(databasePath: string, id: string, text: string): void {
  const db = openDatabase(databasePath);
  try {
    const intro: Introduction = {
      id, status: "accepted", question: "Hoe starten we een repaircafé?", initiativeId: "repair", initiativeName: "Repaircafé Zeist",
      asker: { platform: "slack", userId: `U-${id}`, name: "Sanne", conversationId: "D1:1.1" }, contact: { platform: "slack", userId: "U-kees", name: "Kees" },
      theme: "duurzaamheid", region: "Zeist", createdAt: new Date().toISOString(), helped: { asker: true },
    };
    new SqliteIntroductionRepository(db).record({ intro, event: { type: "created" }, outcome: "ok", effects: [] });
    const result = submitLesson(intro, undefined, { id: `les-${id}`, author: intro.asker, text, share: true, now: new Date() });
    if (!result.ok) throw new Error(result.code);
    new SqliteLessonRepository(db).record({ lesson: result.lesson, type: "submitted", actor: intro.asker.userId, outcome: "ok" });
  } finally {
    db.close();
  }
}

/** The team view's proposed additions from introductions, in a browser: only coordinators see them, and a click decides. */
describe.skipIf(!CHROMIUM)("team view: proposed additions from introductions", () => {
  const temp = tempDir();
  let web: WebApp | undefined;
  let config: Config;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    config = testConfig(temp.dir, { HANDOFF_TICK_SECONDS: "0.2" });
    web = await startWebApp(config);
    ({ url, browser } = web);
  });
  afterAll(async () => {
    await web?.stop();
    temp.cleanup();
  });

  it("given two shared lessons, then a coordinator takes one into the knowledge store and rejects the other; a tolk sees neither", async () => {
    proposeLesson(config.databasePath, "a", "Vraag de bibliotheek om ruimte: die is er vaak gratis op zaterdag.");
    proposeLesson(config.databasePath, "b", "Zorg voor een vaste kern van drie reparateurs.");
    const page = await browser.newPage();
    await page.goto(`${url}/tolk#sleutel=${teamLinkSecret(config.databasePath, "coordinator")}`);
    const first = page.locator("section.lesson", { hasText: "bibliotheek" });
    await first.waitFor({ timeout: 15_000 });
    expect(await page.locator("section.lesson").count()).toBe(2);
    expect(await first.locator(".times").innerText()).toMatch(/^Van de vrager · thema duurzaamheid · regio Zeist · het hielp · /);
    expect(await page.locator("#lessons").innerText()).not.toMatch(/Sanne|Kees|U-a|Repaircafé Zeist/);

    await first.locator("button.accept").click();
    await page.locator("#lessons-result", { hasText: "Toegevoegd aan de kennisbank als lessen/" }).waitFor({ timeout: 30_000 });
    expect(fs.readdirSync(path.join(config.knowledgeDir, "lessen"))).toHaveLength(1);
    await page.locator("section.lesson", { hasText: "drie reparateurs" }).locator("button.reject").click();
    await page.locator("#lessons-result", { hasText: "Afgewezen" }).waitFor({ timeout: 15_000 });
    await page.locator("#lessons", { hasText: "Er liggen geen voorstellen." }).waitFor({ timeout: 15_000 });

    const tolk = await browser.newPage();
    await tolk.goto(`${url}/tolk#sleutel=${teamLinkSecret(config.databasePath, "tolk")}`);
    await tolk.locator("#who", { hasText: "ingelogd" }).waitFor({ timeout: 15_000 });
    expect(await tolk.locator("#signals").isHidden()).toBe(true);
    expect(await tolk.locator("section.lesson").count()).toBe(0);
  }, 120_000);
});
