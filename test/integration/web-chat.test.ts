import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import { WebChatChannel } from "../../src/channels/web/web-chat-channel.js";
import { createLogger } from "../../src/logger.js";
import { CHROMIUM, launchBrowser } from "../helpers/browser.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";


describe("local web chat", () => {
  const temp = tempDir();
  let app: App;
  let url: string;

  beforeAll(async () => {
    app = createApp(testConfig(temp.dir), createLogger("error"));
    await app.start();
    url = (app.channels[0] as WebChatChannel).url;
  });
  afterAll(async () => {
    await app.stop();
    temp.cleanup();
  });

  const post = (body: string) =>
    fetch(`${url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body });

  it("given a question over HTTP, then the core's reply comes back as JSON", async () => {
    const res = await post(JSON.stringify({ text: "Wat is een burgerbegroting?", conversationId: "t" }));
    expect(res.status).toBe(200);
    const reply = (await res.json()) as { decision: string; sources: unknown[] };
    expect(reply.decision).toBe("answer");
    expect(reply.sources.length).toBeGreaterThan(0);
  });

  it("given bad requests, then it answers with a clear status and Dutch message", async () => {
    expect((await post("{nope")).status).toBe(400);
    expect((await post(JSON.stringify({ conversationId: "t" }))).status).toBe(400);
    expect((await post(JSON.stringify({ text: "x".repeat(300_000) }))).status).toBe(413);
    expect((await fetch(`${url}/nergens`)).status).toBe(404);
  });

  describe.skipIf(!CHROMIUM)("in a real headless browser", () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => browser?.close());

    it("given an answerable then an unanswerable question, then shows the answer with sources and clearly marks the handoff", async () => {
      const page = await browser.newPage();
      await page.goto(url);
      await expect(page.title()).resolves.toBe("Vliegwiel");

      await page.fill("#question", "Wat is een Community Benefit Agreement?");
      await page.press("#question", "Enter");
      const answer = page.locator('.message.assistant[data-decision="answer"]').first();
      await answer.waitFor();
      const answerText = await answer.innerText();
      expect(answerText).toContain("Bronnen:");
      expect(answerText).toContain("Flevoland op weg naar een krachtige(r) samenleving");

      await page.fill("#question", "Hoe vraag ik een kapvergunning aan voor de boom in onze tuin?");
      await page.click("#send");
      const handoff = page.locator('.message.assistant[data-decision="handoff"]').first();
      await handoff.waitFor();
      expect(await handoff.locator(".badge").innerText()).toMatch(/gaat naar een mens/);
      expect(await page.locator(".message.user").count()).toBe(2);
      await page.close();
    });
  });
});
