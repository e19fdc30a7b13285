import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import { createLogger } from "../../src/logger.js";
import { APPLICATION_ID, BOT, FakeDiscord, GENERAL, TOKEN } from "../fakes/fake-discord.js";
import { FakeSlackApi, signedSlackRequest } from "../fakes/fake-slack-api.js";
import { freePort } from "../helpers/free-port.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";

const PUBLIC = "https://vraag.ons-netwerk.nl";
const SECRET = "test-signing-secret-123";

/** With PUBLIC_BASE_URL set, Slack and Discord answers link each source to its page on the web chat. */
describe("source links in Slack and Discord", () => {
  const temp = tempDir();
  const slack = new FakeSlackApi();
  const discord = new FakeDiscord();
  let app: App;
  let eventsUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    const config = testConfig(temp.dir, {
      PUBLIC_BASE_URL: `${PUBLIC}/`, SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: await slack.start(), PORT: String(port),
      DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: await discord.start(),
    });
    app = createApp(config, createLogger("error"));
    await app.start();
    eventsUrl = `http://127.0.0.1:${port}/slack/events`;
  });
  afterAll(async () => {
    await app?.stop();
    await slack.stop();
    await discord.stop();
    temp.cleanup();
  });

  it("given a mention in Slack, then the sources in the context block are links to their pages", async () => {
    const body = JSON.stringify({
      token: "legacy", team_id: "T0TEST", api_app_id: "A0TEST", type: "event_callback", event_id: "EvLink1", event_time: 1_700_000_000,
      event: { type: "app_mention", user: "U0ASKER", text: "<@U0BOT> Wat is Vereniging Dwarsverband?", ts: "1700000001.000300", channel: "C0VRAGEN", event_ts: "1700000001.000300" },
    });
    expect((await fetch(eventsUrl, { method: "POST", headers: signedSlackRequest(SECRET, body), body })).status).toBe(200);
    const [post] = await slack.waitFor("chat.postMessage");
    const context = (post!.body.blocks as Array<{ type: string; elements?: Array<{ text: string }> }>).find((b) => b.type === "context")!;
    const text = context.elements![0]!.text;
    expect(text).toMatch(/^Bronnen:\n\[1\] <https:\/\/vraag\.ons-netwerk\.nl\/bron\/[^|>]+\?passage=[^|>]+#passage-\d+\|[^>]+>/);
    const link = /<(https:[^|]+)\|/.exec(text)![1]!;

    // The link is the page the web chat serves for that source.
    const local = link.replace(PUBLIC, (app.channels[0] as unknown as { url: string }).url);
    const page = await (await fetch(local)).text();
    expect(page).toContain('<p id="passage-');
    expect(page).toMatch(/<mark>[^<]*twintig buurthuizen/);
  });

  it("given a mention in Discord, then the sources field holds markdown links to their pages", async () => {
    const question = discord.message({ channelId: GENERAL, content: `<@${BOT.id}> Wat is Vereniging Dwarsverband?`, mentionsBot: true });
    discord.dispatch("MESSAGE_CREATE", question);
    const [answer] = await discord.waitFor("POST", new RegExp(`^/channels/${question.id}/messages$`));
    const embeds = answer!.body.embeds as Array<{ fields?: Array<{ name: string; value: string }> }>;
    expect(embeds[0]!.fields![0]!.value).toMatch(/^\[1\] \[[^\]]+\]\(https:\/\/vraag\.ons-netwerk\.nl\/bron\/[^)\s]+\)/);
  });

  it("given Slack and Discord connected, then /healthz says so for each; once Discord is gone, it is 503", async () => {
    const web = (app.channels[0] as unknown as { url: string }).url;
    const healthy = await fetch(`${web}/healthz`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toMatchObject({ ok: true, channels: { web: { ok: true }, slack: { ok: true }, discord: { ok: true } } });
    const discordAdapter = app.channels.find((c) => c.name === "discord")!;
    await discordAdapter.stop();
    const down = await fetch(`${web}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ ok: false, channels: { discord: { ok: false }, slack: { ok: true } } });
  });
});
