import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPLICATION_ID, BOT, FakeDiscord, TOKEN } from "../fakes/fake-discord.js";
import { FakeSlackApi, type SlackCall } from "../fakes/fake-slack-api.js";
import { AppProcess } from "../helpers/app-process.js";
import { freePort } from "../helpers/free-port.js";
import { eventually, saveProfile } from "../helpers/intro-flow.js";
import { SLACK_SECRET, SlackDriver } from "../helpers/slack-flow.js";
import { copyOfStarterKnowledge, tempDir } from "../helpers/temp-knowledge.js";
import { DELIVERY_POINTS, DeliveryKiller, FAULT_TEST_MS, PATIENCE_MS, until, type DeliveryPoint } from "./kill-points.js";

const CONTACT_DM = "DU0KEES";
const KEES_DISCORD = "960000000000000031";
const KEES_DM = `97${KEES_DISCORD.slice(2)}`; // the fake's DM channel with Kees
type Row = { components: Array<{ custom_id: string }> };
const discordButtons = (components: unknown) => ((components ?? []) as Row[]).flatMap((r) => r.components).map((c) => c.custom_id);
type Block = { type: string; elements?: Array<{ action_id: string; value: string }> };
const buttonsOf = (call: SlackCall) => ((call.body.blocks ?? []) as Block[]).flatMap((b) => (b.type === "actions" ? b.elements ?? [] : []));

/**
 * The real app (src/main.ts) is killed with SIGKILL at each point of delivering an introduction
 * request to the contact (before the post, in flight, after the post before its commit, after the
 * commit) and started again: the contact gets the request exactly once, and the rest of the loop goes on.
 */
describe("introductions under SIGKILL while the request to the contact is delivered", () => {
  const temp = tempDir();
  const slack = new FakeSlackApi();
  const discord = new FakeDiscord();
  const dbFile = path.join(temp.dir, "vliegwiel.db");
  let app: AppProcess;
  let killer: DeliveryKiller;
  let driver: SlackDriver;
  let ts = 1_700_300_000;
  const results: string[] = [];
  const restart = () => app.start(["Slack luistert op poort", "Discord verbonden als"]);

  beforeAll(async () => {
    const slackApi = await slack.start();
    const discordApi = await discord.start();
    const port = await freePort();
    fs.writeFileSync(path.join(temp.dir, "roster.yaml"), "coordinators: [{ id: carla, name: Carla }]\nmembers: []\n");
    app = new AppProcess({
      ...process.env,
      DATA_DIR: temp.dir, KNOWLEDGE_DIR: copyOfStarterKnowledge(temp.dir), ROSTER_FILE: path.join(temp.dir, "roster.yaml"), LOG_LEVEL: "info",
      WEB_ENABLED: "false", HANDOFF_TICK_SECONDS: "0.2", SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_SIGNING_SECRET: SLACK_SECRET,
      SLACK_API_URL: slackApi, PORT: String(port), SLACK_APP_TOKEN: "",
      DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: discordApi,
    });
    killer = new DeliveryKiller(app, dbFile, "introduction_outbox");
    slack.onRequest = (method, body) => killer.onRequest({ platform: "slack", method, body });
    discord.onRequest = (method, route, body) => killer.onRequest({ platform: "discord", method, route, body });
    discord.onAnswered = () => killer.onAnswered();
    slack.onAnswered = () => killer.onAnswered();
    driver = new SlackDriver(slack, `http://127.0.0.1:${port}/slack/events`);
    await restart();
    saveProfile(dbFile, { id: "de-schakel", name: "Dorpshuis De Schakel", contact: { name: "Kees", handles: { slack: "U0KEES", discord: KEES_DISCORD }, contactable: true } });
  }, FAULT_TEST_MS);
  afterAll(async () => {
    await app.kill();
    await slack.stop();
    await discord.stop();
    temp.cleanup();
    if (results.length) process.stderr.write(`\nintroduction fault points (counted from the fake):\n${results.join("\n")}\n`);
  });

  const isRequest = (request: unknown) => {
    const { platform, method, body } = request as { platform: string; method: string; body: Record<string, unknown> };
    return platform === "slack" && method === "chat.postMessage" && body.channel === CONTACT_DM && JSON.stringify(body.blocks ?? "").includes("vliegwiel_intro_accept");
  };

  async function run(point: DeliveryPoint, n: number) {
    const asker = `U0ASK${n}`;
    const dm = `D0ASK${n}`;
    const thread = `${ts++}.000100`;
    await driver.event(`EvKill${n}`, { type: "message", channel_type: "im", user: asker, text: "Hoe starten we een buurtbus met vrijwilligers?", ts: thread, channel: dm });
    await eventually(() => slack.posts(dm).find((c) => c.body.thread_ts === thread), "the answer", PATIENCE_MS);
    await driver.press(asker, "vliegwiel_connect_me", "de-schakel", dm, { message_ts: `${thread}1`, thread_ts: thread });
    const choice = await eventually(() => slack.posts(dm).find((c) => buttonsOf(c).some((b) => b.action_id === "vliegwiel_intro_share_named")), "the choice", PATIENCE_MS);
    const introId = buttonsOf(choice)[0]!.value;
    killer.arm(point, isRequest);
    await driver.press(asker, "vliegwiel_intro_share_named", introId, dm, { message_ts: `${thread}2`, thread_ts: thread }).catch(() => undefined);
    await killer.done();
    await restart();
    const requests = () => slack.posts(CONTACT_DM).filter((c) => buttonsOf(c).some((b) => b.action_id === "vliegwiel_intro_accept" && b.value === introId));
    const request = await eventually(() => requests()[0], "the request after the restart", PATIENCE_MS);
    await eventually(() => slack.posts(dm).find((c) => String(c.body.text).includes("Je verzoek is doorgestuurd")), "the asker hears it was sent", PATIENCE_MS);
    await driver.press("U0KEES", "vliegwiel_intro_accept", introId, CONTACT_DM, { message_ts: String(request.response.ts) });
    const group = `GU0ASK${n}U0KEES`.replace(/[^A-Z0-9G]/g, "");
    await eventually(() => slack.posts().find((c) => String(c.body.channel).startsWith("G") && String(c.body.text).includes(`<@${asker}>`)), "the group DM", PATIENCE_MS);
    await until(() => outboxEmpty(), "an empty introduction outbox", PATIENCE_MS);
    const counts = {
      request: requests().length,
      sent: slack.posts(dm).filter((c) => String(c.body.text).includes("Je verzoek is doorgestuurd")).length,
      introduction: slack.posts().filter((c) => String(c.body.channel).startsWith("G") && String(c.body.text).includes(`<@${asker}>`)).length,
    };
    results.push(`slack request ${point.padEnd(34)} ${Object.entries(counts).map(([k, v]) => `${k}=${v}`).join(" ")} (${group})`);
    return counts;
  }

  const outboxEmpty = () => {
    const db = new Database(dbFile, { readonly: true });
    try {
      return (db.prepare("SELECT count(*) FROM introduction_outbox WHERE delivered_at IS NULL").pluck().get() as number) === 0;
    } finally {
      db.close();
    }
  };

  DELIVERY_POINTS.forEach((point, i) => {
    it(`slack: killed ${point} of the request to the contact, then it arrives exactly once and the loop goes on`, async () => {
      expect(await run(point, i + 1)).toEqual({ request: 1, sent: 1, introduction: 1 });
    }, FAULT_TEST_MS);
  });

  /** The same on Discord: the request to Kees's DM, posted with a nonce, killed at each point. */
  async function runDiscord(point: DeliveryPoint, n: number) {
    const asker = { id: `96000000000000020${n}`, username: `vrager${n}` };
    const dm = `98200000000000000${n}`;
    const inChannel = (channel: string) => [...discord.messages.values()].filter((m) => m.channel_id === channel);
    discord.dispatch("MESSAGE_CREATE", discord.message({ channelId: dm, content: "Hoe starten we een buurtbus met vrijwilligers?", guild: false, author: asker }));
    const answer = await eventually(() => inChannel(dm).find((m) => discordButtons(m.components).includes("vw:connect_me:de-schakel")), "the answer with the suggestion", PATIENCE_MS);
    expect(answer).toBeDefined();
    const press = (user: { id: string; username: string }, customId: string, channelId: string) => {
      const interaction = discord.interaction({ type: 3, channelId, user, data: { custom_id: customId, component_type: 2 }, message: discord.message({ channelId, content: "", author: BOT }) });
      discord.dispatch("INTERACTION_CREATE", interaction);
      return interaction;
    };
    const connect = press(asker, "vw:connect_me:de-schakel", dm);
    const choice = await eventually(() => discord.callsTo("POST", new RegExp(`^/interactions/${connect.id}/`))[0], "the choice", PATIENCE_MS);
    const share = discordButtons((choice.body.data as { components?: unknown }).components).find((id) => id.startsWith("vw:intro_share_named:"))!;
    const introId = share.split(":")[2]!;
    killer.arm(point, (request) => {
      const r = request as { platform: string; method: string; route?: string; body: Record<string, unknown> };
      return r.platform === "discord" && r.method === "POST" && r.route === `/channels/${KEES_DM}/messages` && discordButtons(r.body.components).includes(`vw:intro_accept:${introId}`);
    });
    press(asker, share, dm);
    await killer.done();
    await restart();
    const requests = () => inChannel(KEES_DM).filter((m) => discordButtons(m.components).includes(`vw:intro_accept:${introId}`));
    await eventually(() => requests()[0], "the request after the restart", PATIENCE_MS);
    // What concerns the asker alone is counted in their DM (where it goes, wherever they asked).
    const sent = () => inChannel(`97${asker.id.slice(2)}`).filter((m) => String(m.content).includes("Je verzoek is doorgestuurd"));
    await eventually(() => sent()[0], "the asker hears it was sent", PATIENCE_MS);
    press({ id: KEES_DISCORD, username: "kees" }, `vw:intro_accept:${introId}`, KEES_DM);
    const toAsker = () => inChannel(`97${asker.id.slice(2)}`).filter((m) => String(m.content).includes(`<@${KEES_DISCORD}>`));
    await eventually(() => toAsker()[0], "the asker's DM with Kees's handle", PATIENCE_MS);
    await until(() => outboxEmpty(), "an empty introduction outbox", PATIENCE_MS);
    const counts = { request: requests().length, sent: sent().length, introduction: toAsker().length };
    results.push(`discord request ${point.padEnd(34)} ${Object.entries(counts).map(([k, v]) => `${k}=${v}`).join(" ")}`);
    return counts;
  }

  DELIVERY_POINTS.forEach((point, i) => {
    it(`discord: killed ${point} of the request to the contact, then it arrives exactly once and the loop goes on`, async () => {
      expect(await runDiscord(point, i + 1)).toEqual({ request: 1, sent: 1, introduction: 1 });
    }, FAULT_TEST_MS);
  });
});
