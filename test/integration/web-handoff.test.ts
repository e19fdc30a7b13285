import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM } from "../helpers/browser.js";
import { teamLinkSecret, teamLogin } from "../helpers/team-login.js";
import { copyOfStarterKnowledge, tempDir, testConfig } from "../helpers/temp-knowledge.js";
import { startWebApp, type WebApp } from "../helpers/web-app.js";

const QUESTION = "Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest?";
const ANSWER = "Een evenementenvergunning vraag je minstens acht weken vooraf aan bij de gemeente; voor een klein buurtfeest volstaat vaak een melding.";

/** The whole handoff loop in the local web chat: asker and tolk in two real browser pages. */
describe.skipIf(!CHROMIUM)("handoff in the local web chat", () => {
  const temp = tempDir();
  let url: string;
  let browser: Browser;
  let web: WebApp | undefined;
  let databasePath: string;
  const teamPage = (memberId: string) => `${url}/tolk#sleutel=${teamLinkSecret(databasePath, memberId)}`;

  beforeAll(async () => {
    const knowledgeDir = copyOfStarterKnowledge(temp.dir);
    const config = testConfig(temp.dir, { KNOWLEDGE_DIR: knowledgeDir, HANDOFF_TICK_SECONDS: "0.2" });
    databasePath = config.databasePath;
    web = await startWebApp(config);
    ({ url, browser } = web);
  });
  afterAll(async () => {
    await web?.stop();
    temp.cleanup();
  });

  const ask = async (page: Page, text: string) => {
    await page.fill("#question", text);
    await page.press("#question", "Enter");
  };
  const waitForText = (page: Page, text: string) => page.getByText(text, { exact: false }).first().waitFor({ timeout: 15_000 });

  it("given an unanswerable question, then consent, claim, answer, follow-up, close and learning all work end to end", async () => {
    const asker = await browser.newPage();
    await asker.goto(url);
    await ask(asker, QUESTION);
    const handoffReply = asker.locator('.message.assistant[data-decision="handoff"]').first();
    await handoffReply.waitFor();
    expect(await handoffReply.innerText()).toMatch(/Mag ik je vraag doorgeven/);

    // Before consent, the team sees nothing of the question.
    const team = await teamLogin(url, databasePath, "tolk");
    const before = (await (await team.get("/api/tolk/handoffs")).json()) as { handoffs: unknown[] };
    expect(before.handoffs).toEqual([]);

    await handoffReply.locator('button[data-action="share"]').click();
    await waitForText(asker, "Je vraag is doorgegeven");

    const tolk = await browser.newPage();
    await tolk.goto(teamPage("tolk"));
    const card = tolk.locator('section.handoff[data-status="open"]').first();
    await card.waitFor({ timeout: 15_000 });
    expect(await card.innerText()).toContain(QUESTION);
    await card.locator("button.claim").click();
    await tolk.locator('section.handoff[data-status="claimed"]').first().waitFor();
    await waitForText(asker, "heeft je vraag opgepakt");

    await tolk.fill("textarea.reply", ANSWER);
    await tolk.click("button.send");
    await waitForText(asker, "Antwoord van Tolk van het netwerk (een mens uit het netwerk)");
    await waitForText(asker, "acht weken vooraf");

    // A new question is answered as a question; the asker reaches the tolk deliberately, with "Antwoord aan …".
    await ask(asker, "Wat is een burgerbegroting?");
    await asker.locator('.message.assistant[data-decision="answer"]').first().waitFor();
    await asker.locator("button.reply-to-helper").first().click();
    await waitForText(asker, "Je schrijft aan Tolk van het netwerk");
    await ask(asker, "Geldt dat ook voor 200 mensen?");
    await waitForText(asker, "Ik heb je bericht doorgegeven");
    await waitForText(tolk, "De vrager schrijft: Geldt dat ook voor 200 mensen?");
    expect(await tolk.getByText("burgerbegroting").count()).toBe(0);

    await tolk.check("input.learn");
    await tolk.click("button.close");
    await waitForText(asker, "Je vraag is afgesloten");

    // The next asker, in a new conversation, is answered from the tolk's approved answer.
    const nextAsker = await browser.newContext().then((c) => c.newPage());
    await nextAsker.goto(url);
    await ask(nextAsker, QUESTION);
    const answer = nextAsker.locator('.message.assistant[data-decision="answer"]').first();
    await answer.waitFor({ timeout: 15_000 });
    expect(await answer.innerText()).toContain("acht weken vooraf");
  });

  it("given an anonymous share, then the team sees neither the asker's name nor ids", async () => {
    const post = async (route: string, body: object) =>
      (await (await fetch(`${url}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).json()) as Record<string, unknown>;
    const asker = { conversationId: "anon-1", userId: "user-geheim-42", userName: "Geheime Gerda" };
    const reply = await post("/api/messages", { ...asker, text: "Hoe regel ik een ontheffing voor een kampvuur?" });
    await post("/api/actions", { ...asker, action: "share_anonymous", handoffId: reply.handoffId });
    const team = await (await (await teamLogin(url, databasePath, "tolk")).get("/api/tolk/handoffs")).text();
    expect(team).toContain("kampvuur");
    expect(team).toContain("anoniem");
    expect(team).not.toMatch(/Geheime Gerda|user-geheim-42|anon-1/);
  });

  it("given the signals report, then coordinators see it in the team view and others are refused", async () => {
    expect((await (await teamLogin(url, databasePath, "tolk")).get("/api/tolk/signalen")).status).toBe(403);
    const res = await (await teamLogin(url, databasePath, "coordinator")).get("/api/tolk/signalen");
    expect(res.status).toBe(200);
    expect(((await res.json()) as { report: string }).report).toMatch(/\d+ vra(?:ag|gen) gesteld/);
    const page = await browser.newPage();
    await page.goto(teamPage("coordinator"));
    await page.locator("#signals-report").getByText("Signalen sinds").waitFor();
  });

  it("given a coordinator adds a document from the team view, then the next question is answered from it; others may not", async () => {
    const file = path.join(temp.dir, "toolkit-dorpsmoestuin.md");
    fs.writeFileSync(file, "# Toolkit dorpsmoestuin\n\nEen dorpsmoestuin start je met een ruilbeurs voor zaden en een gedeelde gereedschapsschuur.\n");
    const page = await browser.newPage();
    await page.goto(teamPage("coordinator"));
    await page.locator("#doc-file").setInputFiles(file);
    await page.click("#doc-add");
    await page.locator("#doc-result").getByText("1 toegevoegd").waitFor();

    const res = await fetch(`${url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: "Hoe start je een dorpsmoestuin?", conversationId: "doc-1" }) });
    const reply = (await res.json()) as { decision: string; text: string };
    expect(reply.decision).toBe("answer");
    expect(reply.text).toContain("ruilbeurs voor zaden");

    const refused = await (await teamLogin(url, databasePath, "tolk")).post("/api/tolk/documenten", { url: "https://example.org" });
    expect(refused.status).toBe(403);
  });

  it("given someone without a personal link opens the tolk view, then they are told how to log in and see nothing", async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/tolk?als=coordinator`);
    await waitForText(page, "Log in met je persoonlijke link");
    expect(await page.locator("section.handoff").count()).toBe(0);
  });
});
