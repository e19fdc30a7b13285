import { beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/create-app.js";
import { FakeSlackApi } from "../fakes/fake-slack-api.js";
import { freePort } from "../helpers/free-port.js";
import { headsOf, ROSTER_YAML, SLACK_SECRET, SlackDriver, TOLKEN, waitForCall } from "../helpers/slack-flow.js";
import { memoryLogger } from "../helpers/memory-logger.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";
import { until } from "../faults/kill-points.js";
import { slackAppForTests } from "../helpers/slack-app.js";

const TICK_MS = 100;

/** The whole app in HTTP mode against the fake Slack, with faults injected into the fake. */
describe("Slack under faults", () => {
  const slack = new FakeSlackApi();
  const { logger, lines: logLines } = memoryLogger("warn");
  let driver: SlackDriver;
  let ts = 1_700_100_000;
  const nextTs = () => `${ts++}.000100`;

  slackAppForTests(slack, { roster: ROSTER_YAML, logger, env: { WEB_ENABLED: "false", SLACK_HANDOFF_CHANNEL: TOLKEN, HANDOFF_TICK_SECONDS: String(TICK_MS / 1000) } }, (started) => {
    ({ driver } = started);
  });
  beforeEach(() => {
    slack.onRequest = undefined;
    slack.failNext.clear();
    slack.archived.clear();
    logLines.length = 0;
  });

  it("given chat.postMessage answers internal_error once, then the answer is posted on the retry", async () => {
    slack.failNext.set("chat.postMessage C0VRAGEN", ["internal_error"]);
    const at = nextTs();
    await driver.event("EvF1", { type: "app_mention", user: "U0ASKER", text: "<@U0BOT> Wat is een burgerbegroting?", ts: at, channel: "C0VRAGEN" });
    const answer = await waitForCall(slack, "chat.postMessage", (c) => c.body.thread_ts === at && c.response.ok === true);
    expect(JSON.stringify(answer.body.blocks)).toContain("burgerbegroting");
    expect(slack.callsTo("chat.postMessage").filter((c) => c.body.thread_ts === at).map((c) => c.response.error ?? "ok")).toEqual(["internal_error", "ok"]);
  });

  it("given the head's answer is lost in flight, then the retry finds it by its metadata: one head, and the claim updates it", async () => {
    let lost = false;
    slack.onRequest = (method, body) => {
      if (method === "chat.postMessage" && body.channel === TOLKEN && !lost) {
        lost = true;
        return "lose-response";
      }
    };
    const at = nextTs();
    const handoffId = await driver.askForPerson("EvF2", "U0ASKER", "C0VRAGEN", at);
    await driver.share("U0ASKER", handoffId, "C0VRAGEN", at);
    await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === "C0VRAGEN" && String(c.body.text).startsWith("Je vraag is doorgegeven"));
    expect(lost).toBe(true);
    const heads = headsOf(slack, handoffId);
    expect(heads).toHaveLength(1);
    expect(slack.callsTo("conversations.history")).not.toHaveLength(0);
    const headTs = heads[0]!.response.ts as string;
    await driver.press("U0ANNA", "vliegwiel_claim", handoffId, TOLKEN, { message_ts: headTs });
    await waitForCall(slack, "chat.update", (c) => c.body.ts === headTs);
    // Sentinel: the asker's "claimed" notice comes after the head's update; by then no second head exists.
    await waitForCall(slack, "chat.postMessage", (c) => c.body.thread_ts === at && String(c.body.text).includes("Anna heeft je vraag opgepakt"));
    expect(headsOf(slack, handoffId)).toHaveLength(1);
  });

  it("given one asker's channel is archived, then another asker's question reaches the tolken within two ticks, and the failure names handoff, step and channel", async () => {
    const atA = nextTs();
    const a = await driver.askForPerson("EvF3", "U0ASKA", "C0ARCHIEF", atA);
    await driver.share("U0ASKA", a, "C0ARCHIEF", atA);
    await waitForCall(slack, "chat.postMessage", (c) => c.body.thread_ts === atA && String(c.body.text).startsWith("Je vraag is doorgegeven"));
    slack.archived.add("C0ARCHIEF");
    // Nor can A be reached by DM (else the notice goes there: slack-fallbacks.test.ts), so A keeps failing.
    slack.failNext.set("conversations.open", Array(100).fill("cannot_dm_bot"));
    const headA = headsOf(slack, a)[0]!.response.ts as string;
    await driver.press("U0ANNA", "vliegwiel_claim", a, TOLKEN, { message_ts: headA });
    await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === "C0ARCHIEF" && c.response.error === "is_archived");

    const atB = nextTs();
    const b = await driver.askForPerson("EvF4", "U0ASKB", "C0VRAGEN", atB);
    const pressedAt = slack.calls.length;
    await driver.share("U0ASKB", b, "C0VRAGEN", atB);
    await waitForCall(slack, "chat.postMessage", (c) => c.body.thread_ts === atB && String(c.body.text).startsWith("Je vraag is doorgegeven"));
    expect(headsOf(slack, b)).toHaveLength(1);
    // Counted in ticks, from the fake's log: A's failing notice is retried at most once per tick, and
    // B's head landed before A was retried more than twice: within two ticks, while A still fails.
    const headB = slack.calls.indexOf(headsOf(slack, b)[0]!);
    const triesOfA = slack.calls.slice(pressedAt, headB).filter((c) => c.body.channel === "C0ARCHIEF");
    expect(triesOfA.length).toBeLessThanOrEqual(2);
    expect(slack.posts("C0ARCHIEF").filter((c) => c.body.thread_ts === atA && String(c.body.text).includes("opgepakt"))).toHaveLength(0);
    const warning = logLines.find((l) => l.includes(`doorgegeven vraag ${a}`) && l.includes("tell_asker:claimed"));
    expect(warning).toMatch(/via slack mislukt \(poging \d\): .*is_archived.*C0ARCHIEF/);
    slack.failNext.delete("conversations.open");
  });

  // Slack's transient errors (internal_error, fatal_error) are tried again for minutes and then kept
  // for the next start, as network trouble is (slack-answer-retry.test.ts); a refusal ends it at once.
  it("given an answer Slack refuses (restricted_action), then it is not tried again and the error log names the reply, channel and thread", async () => {
    slack.failNext.set("chat.postMessage C0VRAGEN", ["restricted_action"]);
    const at = nextTs();
    await driver.event("EvF9", { type: "app_mention", user: "U0ASKER", text: "<@U0BOT> Wat is een burgerbegroting?", ts: at, channel: "C0VRAGEN" });
    await until(() => logLines.some((l) => l.includes(`in C0VRAGEN (thread ${at}) kon niet geplaatst worden: restricted_action`)), `the error line in:\n${logLines.join("")}`);
    expect(slack.callsTo("chat.postMessage").filter((c) => c.body.thread_ts === at)).toHaveLength(1);
    expect(logLines.join("")).not.toContain("burgerbegroting");
  });

  it("given messages with a file or also sent to the channel, then they are answered and relayed like any message, files as name and link", async () => {
    const dm = nextTs();
    await driver.event("EvS1", { type: "message", subtype: "file_share", user: "U0ASKER", text: "Wat is een burgerbegroting?", ts: dm, channel: "D0DM", channel_type: "im",
      files: [{ id: "F1", name: "begroting.pdf", permalink: "https://test.slack.com/files/U0ASKER/F1/begroting.pdf" }] });
    const answer = await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === "D0DM" && c.body.thread_ts === dm);
    expect(JSON.stringify(answer.body.blocks)).toContain("burgerbegroting");

    const at = nextTs();
    const handoffId = await driver.askForPerson("EvS2", "U0ASKER", "C0VRAGEN", at);
    await driver.share("U0ASKER", handoffId, "C0VRAGEN", at);
    const head = headsOf(slack, handoffId)[0] ?? (await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === TOLKEN && JSON.stringify(c.body.blocks ?? "").includes(handoffId)));
    const headTs = head.response.ts as string;
    await driver.press("U0ANNA", "vliegwiel_claim", handoffId, TOLKEN, { message_ts: headTs });
    await waitForCall(slack, "chat.postMessage", (c) => c.body.thread_ts === at && String(c.body.text).includes("opgepakt"));
    await driver.event("EvS3", { type: "message", subtype: "file_share", user: "U0ANNA", text: "Zie het formulier.", ts: nextTs(), thread_ts: headTs, channel: TOLKEN, channel_type: "channel",
      files: [{ id: "F2", name: "aanvraag.docx", permalink: "https://test.slack.com/files/U0ANNA/F2/aanvraag.docx" }] });
    const relayed = await waitForCall(slack, "chat.postMessage", (c) => c.body.thread_ts === at && String(c.body.text).includes("Zie het formulier."));
    expect(relayed.body.text).toContain("Bijlage: aanvraag.docx (https://test.slack.com/files/U0ANNA/F2/aanvraag.docx)");
    await driver.event("EvS4", { type: "message", subtype: "thread_broadcast", user: "U0ANNA", text: "Ook in het kanaal gezet.", ts: nextTs(), thread_ts: headTs, channel: TOLKEN, channel_type: "channel" });
    await waitForCall(slack, "chat.postMessage", (c) => c.body.thread_ts === at && String(c.body.text).includes("Ook in het kanaal gezet."));
    // The asker writes back to the tolk deliberately, with the button under the relayed answer.
    await driver.press("U0ASKER", "vliegwiel_write_to_helper", handoffId, "C0VRAGEN", { message_ts: relayed.response.ts, thread_ts: at });
    await driver.event("EvS5", { type: "message", subtype: "file_share", user: "U0ASKER", text: "Hier is onze tekening.", ts: nextTs(), thread_ts: at, channel: "C0VRAGEN", channel_type: "channel",
      files: [{ id: "F3", name: "tekening.png", permalink: "https://test.slack.com/files/U0ASKER/F3/tekening.png" }] });
    const back = await waitForCall(slack, "chat.postMessage", (c) => c.body.thread_ts === headTs && String(c.body.text).includes("Hier is onze tekening."));
    expect(back.body.text).toContain("Bijlage: tekening.png (https://test.slack.com/files/U0ASKER/F3/tekening.png)");
  });
});

describe("Slack start-up checks the tolken's channel", () => {
  const start = async (slack: FakeSlackApi, dir: string, channel: string) => {
    const apiUrl = await slack.start();
    const port = await freePort();
    const config = testConfig(dir, {
      WEB_ENABLED: "false", SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_SIGNING_SECRET: SLACK_SECRET, SLACK_API_URL: apiUrl, PORT: String(port), SLACK_HANDOFF_CHANNEL: channel,
    });
    const { logger, lines } = memoryLogger("info");
    const app = createApp(config, logger);
    await app.start();
    return { app, lines };
  };

  it("given the bot is not in a public tolken's channel, then it joins it at start", async () => {
    const temp = tempDir();
    const slack = new FakeSlackApi();
    slack.notInChannel.add("C0OPEN");
    const { app, lines } = await start(slack, temp.dir, "C0OPEN");
    try {
      expect(slack.callsTo("conversations.join").map((c) => c.body.channel)).toEqual(["C0OPEN"]);
      expect(slack.notInChannel.has("C0OPEN")).toBe(false);
      expect(lines.some((l) => l.includes("lid geworden van het kanaal van de tolken C0OPEN"))).toBe(true);
    } finally {
      await app.stop();
      await slack.stop();
      temp.cleanup();
    }
  });

  it("given a private tolken's channel the bot is not in, then a warning names the channel and says to invite the bot", async () => {
    const temp = tempDir();
    const slack = new FakeSlackApi();
    slack.notInChannel.add("C0GEHEIM");
    slack.cannotJoin.add("C0GEHEIM");
    const { app, lines } = await start(slack, temp.dir, "C0GEHEIM");
    try {
      const warning = lines.find((l) => l.includes("warn") && l.includes("C0GEHEIM"));
      expect(warning).toMatch(/kan niet posten in het kanaal van de tolken C0GEHEIM \(SLACK_HANDOFF_CHANNEL\) \(method_not_supported_for_channel_type\): nodig de bot daar uit met \/invite @Vliegwiel/);
    } finally {
      await app.stop();
      await slack.stop();
      temp.cleanup();
    }
  });
});
