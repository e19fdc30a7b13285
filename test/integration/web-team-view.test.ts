import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM } from "../helpers/browser.js";
import type { Config } from "../../src/config.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";
import { startWebApp, type WebApp } from "../helpers/web-app.js";
import { teamLinkSecret } from "../helpers/team-login.js";

/** The team view while questions keep coming in: what a tolk types, ticks and focuses survives every redraw. */
describe.skipIf(!CHROMIUM)("team view", () => {
  const temp = tempDir();
  let url: string;
  let browser: Browser;
  let web: WebApp | undefined;
  let config: Config;

  beforeAll(async () => {
    config = testConfig(temp.dir, { HANDOFF_TICK_SECONDS: "0.2" });
    web = await startWebApp(config);
    ({ url, browser } = web);
  });
  afterAll(async () => {
    await web?.stop();
    temp.cleanup();
  });

  const post = async (route: string, body: object) =>
    (await (await fetch(`${url}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).json()) as Record<string, unknown>;
  /** An asker in their own conversation shares a question the store cannot answer. */
  const share = async (conversationId: string, text: string) => {
    const asker = { conversationId, userId: `u-${conversationId}` };
    const reply = await post("/api/messages", { ...asker, text });
    expect(reply.decision).toBe("handoff");
    await post("/api/actions", { ...asker, action: "share", handoffId: reply.handoffId });
    return asker;
  };

  it("given a tolk typing an answer with 'Toevoegen aan kennisbank' ticked, then new questions and messages keep both, and the focus", async () => {
    const first = await share("team-1", "Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest?");
    await share("team-2", "Hoe regel ik een ontheffing voor een kampvuur?");
    const page = await browser.newPage();
    await page.goto(`${url}/tolk#sleutel=${teamLinkSecret(config.databasePath, "tolk")}`);
    await page.locator('#tabs button[data-tab="open"]', { hasText: "(2)" }).waitFor();
    expect(await page.locator("section.handoff:visible").count()).toBe(2);
    expect(await page.locator("section.handoff .times").first().innerText()).toMatch(/^gevraagd .+ · wacht al \d+ min$/);

    await page.locator("section.handoff:visible", { hasText: "evenementenvergunning" }).locator("button.claim").click();
    const card = page.locator('section.handoff[data-status="claimed"]');
    await card.waitFor();
    expect(await page.locator('#tabs button[aria-selected="true"]').innerText()).toBe("Opgepakt (1)");
    await card.locator("input.learn").check();
    await card.locator("textarea.reply").fill("Minstens acht weken vooraf aanvragen bij de");
    await card.locator("textarea.reply").focus();

    // The asker writes back (this very card changes) and a new question comes in (the list changes).
    await post("/api/actions", { ...first, action: "reply", text: "Het gaat om 200 mensen.", eventKey: "reply-1" });
    await share("team-3", "Welke verzekering heb ik nodig voor een springkussen op het dorpsplein?");
    await card.getByText("De vrager schrijft: Het gaat om 200 mensen.").waitFor({ timeout: 15_000 });
    await page.locator('#tabs button[data-tab="open"]', { hasText: "(2)" }).waitFor({ timeout: 15_000 });

    expect(await card.locator("textarea.reply").inputValue()).toBe("Minstens acht weken vooraf aanvragen bij de");
    expect(await card.locator("input.learn").isChecked()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("reply");

    // Focus elsewhere (the 3-second redraw used to untick the box then): still ticked after the next change.
    await page.locator("header").click();
    await post("/api/actions", { ...first, action: "reply", text: "En we willen de straat afsluiten.", eventKey: "reply-2" });
    await card.getByText("De vrager schrijft: En we willen de straat afsluiten.").waitFor({ timeout: 15_000 });
    expect(await card.locator("input.learn").isChecked()).toBe(true);

    await card.locator("textarea.reply").fill("Een evenementenvergunning vraag je minstens acht weken vooraf aan bij de gemeente.");
    await card.locator("button.send").click();
    await card.getByText("Tolk van het netwerk: Een evenementenvergunning vraag je minstens").waitFor();
    await card.locator("button.close").click();
    await page.locator('#tabs button[data-tab="resolved"]', { hasText: "(1)" }).waitFor();
    await page.click('#tabs button[data-tab="resolved"]');
    const done = page.locator('section.handoff[data-status="resolved"]');
    expect(await done.locator(".times").innerText()).toMatch(/afgesloten na \d+ min/);
    // Closed with the box ticked: the answer goes into the knowledge store (delivered from the outbox).
    const knowledgeLearned = async () => {
      for (let attempt = 0; attempt < 60; attempt++) {
        const answer = await post("/api/messages", { conversationId: `team-next-${attempt}`, text: "Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest?" });
        if (answer.decision === "answer") return answer;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      return undefined;
    };
    const learned = await knowledgeLearned();
    expect(learned?.text).toContain("acht weken vooraf");
  });
});
