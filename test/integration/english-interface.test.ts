import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import { renderDiscordReply } from "../../src/channels/discord/render-discord-reply.js";
import { renderSlackReply } from "../../src/channels/slack/render-slack-reply.js";
import { WebChatChannel } from "../../src/channels/web/web-chat-channel.js";
import type { Reply } from "../../src/core/reply.js";
import type { Config } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { teamLogin } from "../helpers/team-login.js";
import { until } from "../faults/kill-points.js";
import { CHROMIUM, launchBrowser } from "../helpers/browser.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";

/** Every label of a rendered message's buttons, and its handoff heading. */
const slackLabels = (reply: Reply) => JSON.stringify(renderSlackReply(reply).blocks);
const discordLabels = (reply: Reply) => JSON.stringify(renderDiscordReply(reply));

describe("an English asker sees the interface in English: texts, buttons and headings", () => {
  const temp = tempDir();
  let app: App;
  let url: string;
  let config: Config;
  const ask = async (text: string, conversationId: string) =>
    (await (await fetch(`${url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text, conversationId }) })).json()) as Reply & { labels: Record<string, string>; badge: string };

  beforeAll(async () => {
    config = testConfig(temp.dir, { HANDOFF_TICK_SECONDS: "0.2" });
    app = createApp(config, createLogger("error"));
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

  it("given an English asker's handoff, then every step they read is English, and the tolk's answer arrives marked in English", async () => {
    const conversationId = "en-loop";
    const asked = await ask("I would like to talk to a person about insurance for our volunteers", conversationId);
    expect(asked.text).toContain("May I pass your question on");
    const act = async (action: string, extra: object = {}) =>
      (await (await fetch(`${url}/api/actions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ action, conversationId, handoffId: asked.handoffId, ...extra }) })).json()) as Reply & { labels: Record<string, string> };
    expect((await act("share")).text).toContain("Thank you! I am passing your question on");
    const feed = async () => ((await (await fetch(`${url}/api/conversations/${conversationId}/messages`)).json()) as Array<{ text: string }>).map((m) => m.text);
    await until(async () => (await feed()).some((t) => t.startsWith("Your question has been passed on")), "the shared notice");
    const tolk = await teamLogin(url, config.databasePath, "tolk");
    expect(await tolk.postJson(`/api/tolk/handoffs/${asked.handoffId}/claim`, {})).toMatchObject({ ok: true });
    expect(await tolk.postJson(`/api/tolk/handoffs/${asked.handoffId}/reply`, { text: "Kijk bij de vrijwilligersverzekering van de gemeente." })).toMatchObject({ ok: true });
    await until(async () => (await feed()).some((t) => t.startsWith("Answer from")), "the relayed answer");
    const texts = await feed();
    expect(texts.some((t) => / has picked up your question\./.test(t))).toBe(true);
    expect(texts.find((t) => t.startsWith("Answer from"))).toContain("Kijk bij de vrijwilligersverzekering van de gemeente.");
    expect(texts.join("\n")).not.toMatch(/Je vraag|Antwoord van|opgepakt/);
    // Writing back to the helper, and what the asker reads then, in English too.
    const write = await act("write_to_helper");
    expect(write.text).toContain("Write your message here");
    expect(write.language).toBe("en");
    const sent = await act("reply", { text: "Thanks, we will ask them." });
    expect(sent.text).toBe("I have passed your message on to the person handling your question.");
    expect(sent.labels.write_to_helper).toBe("Add something");
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
