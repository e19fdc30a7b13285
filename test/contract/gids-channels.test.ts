import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import type { ProfileDraft } from "../../src/core/gids/initiative.js";
import { createLogger } from "../../src/logger.js";
import { openDatabase } from "../../src/store/open-database.js";
import { SqliteInitiativeDirectory } from "../../src/store/sqlite-initiative-directory.js";
import { APPLICATION_ID, FakeDiscord, TOKEN, type DiscordCall } from "../fakes/fake-discord.js";
import { FakeSlackApi, signedSlackRequest } from "../fakes/fake-slack-api.js";
import { freePort } from "../helpers/free-port.js";
import { eventCallback, SLACK_SECRET, waitForCall } from "../helpers/slack-flow.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";

const PROFILES: ProfileDraft[] = [
  {
    name: "Dorpshuis De Schakel", place: "Lopik", municipality: "Lopik", province: "Utrecht", themes: ["vervoer"], description: "Dorpshuis met een buurtbus.",
    experience: "buurtbus sinds 2019; vrijwillige chauffeurs", seeking: "", contacts: [{ name: "Wim", handles: { slack: "U0WIM", discord: "960000000000000099" }, contactable: true }],
  },
  {
    name: "Buurtbus Stil", place: "Benschop", municipality: "Lopik", province: "Utrecht", themes: ["vervoer"], description: "", experience: "buurtbus met elektrische aandrijving",
    seeking: "", contacts: [{ name: "Niemand", handles: { slack: "U0NIEMAND" }, contactable: false }],
  },
];

/** A data folder whose database already holds the gids, as after `kennis -- initiatieven import`. */
function gidsIn(dir: string): void {
  const db = openDatabase(path.join(dir, "vliegwiel.db"));
  const directory = new SqliteInitiativeDirectory(db);
  for (const p of PROFILES) directory.save(p, { platform: "beheer", userId: "test" });
  db.close();
}

const QUESTION = "Hoe beginnen we een buurtbus voor ouderen in ons dorp?";

describe("initiatievengids in Slack (against the fake Slack Web API)", () => {
  const temp = tempDir();
  const slack = new FakeSlackApi();
  let app: App;
  let eventsUrl: string;
  const event = (id: string, e: Record<string, unknown>) => {
    const body = JSON.stringify(eventCallback(id, e));
    return fetch(eventsUrl, { method: "POST", headers: signedSlackRequest(SLACK_SECRET, body), body });
  };

  beforeAll(async () => {
    gidsIn(temp.dir);
    const port = await freePort();
    const config = testConfig(temp.dir, { WEB_ENABLED: "false", SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: SLACK_SECRET, SLACK_API_URL: await slack.start(), PORT: String(port) });
    app = createApp(config, createLogger("error"));
    await app.start();
    eventsUrl = `http://127.0.0.1:${port}/slack/events`;
  });
  afterAll(async () => { await app.stop(); await slack.stop(); temp.cleanup(); });

  it("given a question an initiative has done, then the answer shows it under 'Dit hebben anderen al gedaan', one block per initiative", async () => {
    await event("EvGids1", { type: "message", user: "U0VRAGER", text: QUESTION, ts: "1700000001.000100", channel: "D0GIDS1", channel_type: "im" });
    const post = await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === "D0GIDS1", 60_000);
    const blocks = post.body.blocks as Array<{ type: string; block_id?: string; text?: { text: string } }>;
    const heading = blocks.findIndex((b) => b.text?.text === "*Dit hebben anderen al gedaan:*");
    expect(heading).toBeGreaterThanOrEqual(0);
    expect(blocks[heading + 1]).toMatchObject({ type: "section", block_id: "vliegwiel_initiative:dorpshuis-de-schakel-lopik", text: { text: "• Dorpshuis De Schakel in Lopik — buurtbus sinds 2019" } });
    // The one nobody may contact is not there, nor any contact's name or id.
    expect(JSON.stringify(blocks)).not.toMatch(/Buurtbus Stil|U0WIM|Wim/);
  });

  it("given a direct question to the gids, then the list itself is the answer, with place and gemeente", async () => {
    await event("EvGids2", { type: "message", user: "U0VRAGER", text: "Welke initiatieven in Lopik doen iets met vervoer?", ts: "1700000002.000100", channel: "D0GIDS2", channel_type: "im" });
    const post = await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === "D0GIDS2", 60_000);
    const texts = (post.body.blocks as Array<{ text?: { text: string } }>).map((b) => b.text?.text ?? "");
    expect(texts).toContain("*In de initiatievengids past dit initiatief bij je vraag:*");
    expect(texts).toContain("• Dorpshuis De Schakel (Lopik, Utrecht) — buurtbus sinds 2019");
  });
});

describe("initiatievengids in Discord (against the fake Discord gateway and REST API)", () => {
  const temp = tempDir();
  const discord = new FakeDiscord();
  let app: App;
  beforeAll(async () => {
    gidsIn(temp.dir);
    const config = testConfig(temp.dir, { WEB_ENABLED: "false", DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: await discord.start() });
    app = createApp(config, createLogger("error"));
    await app.start();
  });
  afterAll(async () => { await app.stop(); await discord.stop(); temp.cleanup(); });

  it("given a question an initiative has done, then the answer's embed has a field with it", async () => {
    const dm = "980000000000000501";
    discord.dispatch("MESSAGE_CREATE", discord.message({ channelId: dm, content: QUESTION, guild: false }));
    const [post] = await discord.waitFor("POST", new RegExp(`^/channels/${dm}/messages$`), 1, 60_000);
    const embeds = (post!.body.embeds ?? []) as Array<{ fields?: Array<{ name: string; value: string }> }>;
    const field = embeds.flatMap((e) => e.fields ?? []).find((f) => f.name === "Dit hebben anderen al gedaan:");
    expect(field?.value).toBe("• Dorpshuis De Schakel in Lopik — buurtbus sinds 2019");
    expect(JSON.stringify((post as DiscordCall).body)).not.toMatch(/Buurtbus Stil|960000000000000099/);
  });
});
