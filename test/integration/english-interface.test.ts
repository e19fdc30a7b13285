import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import { renderDiscordReply } from "../../src/channels/discord/render-discord-reply.js";
import { renderSlackReply } from "../../src/channels/slack/render-slack-reply.js";
import { WebChatChannel } from "../../src/channels/web/web-chat-channel.js";
import type { Reply } from "../../src/core/reply.js";
import { createLogger } from "../../src/logger.js";
import { CHROMIUM, launchBrowser } from "../helpers/browser.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";

/** Every label of a rendered message's buttons, and its handoff heading. */
const slackLabels = (reply: Reply) => JSON.stringify(renderSlackReply(reply).blocks);
const discordLabels = (reply: Reply) => JSON.stringify(renderDiscordReply(reply));

describe("an English asker sees the interface in English: texts, buttons and headings", () => {
  const temp = tempDir();
  let app: App;
  let url: string;
  const ask = async (text: string, conversationId: string) =>
    (await (await fetch(`${url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text, conversationId }) })).json()) as Reply & { labels: Record<string, string>; badge: string };

  beforeAll(async () => {
    app = createApp(testConfig(temp.dir), createLogger("error"));
    await app.start();
    url = (app.channels[0] as WebChatChannel).url;
  });
  afterAll(async () => {
    await app.stop();
    temp.cleanup();
  });

  it("given an English request for a person, then the consent buttons and the heading are English on Slack, Discord and the web", async () => {
    const reply = await ask("I would like to talk to a person about starting a food bank in our village", "en-person");
    expect(reply.language).toBe("en");
    expect(reply.actions).toEqual(expect.arrayContaining(["share", "share_anonymous", "dont_share"]));
    expect(reply.labels).toMatchObject({ share: "Yes, share my question", share_anonymous: "Share anonymously", dont_share: "Don't share" });
    for (const rendered of [slackLabels(reply), discordLabels(reply)]) {
      expect(rendered).toContain("Yes, share my question");
      expect(rendered).toContain("Don't share");
      expect(rendered).not.toContain("Niet delen");
    }
    if (reply.decision === "handoff") {
      expect(reply.badge).toBe("This question goes to a person (a tolk or vrije actor)");
      expect(slackLabels(reply)).toContain("This question goes to a person");
      expect(discordLabels(reply)).toContain("This question goes to a person");
    }
  });

  it("given an English answer, then the feedback buttons and the sources' heading are English; a Dutch one stays Dutch", async () => {
    const english = await ask("What is a Community Benefit Agreement and what does it do?", "en-answer");
    const dutch = await ask("Wat is een Community Benefit Agreement?", "nl-answer");
    expect(english.language).toBe("en");
    expect(english.decision).toBe("answer");
    expect(slackLabels(english)).toContain('"Helpful"');
    expect(discordLabels(english)).toContain('"Not helpful"');
    expect(discordLabels(english)).toContain('"name":"Sources"');
    expect(dutch.decision).toBe("answer");
    expect(slackLabels(dutch)).toContain('"Nuttig"');
    expect(discordLabels(dutch)).toContain('"name":"Bronnen"');
  });

  describe.skipIf(!CHROMIUM)("in a real headless browser", () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => browser?.close());

    it("given an English request for a person in the web chat, then its buttons read in English", async () => {
      const page = await browser.newPage();
      await page.goto(url);
      await page.fill("#question", "Can I talk to someone from the network about volunteers for our village house?");
      await page.press("#question", "Enter");
      const share = page.locator('button[data-action="share"]').first();
      await share.waitFor();
      expect(await share.innerText()).toBe("Yes, share my question");
      expect(await page.locator('button[data-action="dont_share"]').first().innerText()).toBe("Don't share");
      await page.close();
    });
  });
});
