import net from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import { createLogger } from "../../src/logger.js";
import { FakeSlackApi, signedSlackRequest } from "../fakes/fake-slack-api.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";

const SECRET = "test-signing-secret-123";

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Event payloads in the shape of Slack's Events API (event_callback). */
function eventCallback(eventId: string, event: Record<string, unknown>) {
  return { token: "legacy", team_id: "T0TEST", api_app_id: "A0TEST", type: "event_callback", event_id: eventId, event_time: 1_700_000_000, event };
}

describe("Slack adapter over HTTP against a fake Slack", () => {
  const temp = tempDir();
  const slack = new FakeSlackApi();
  let app: App;
  let eventsUrl: string;

  const send = async (payload: object, extraHeaders: Record<string, string> = {}, secret = SECRET) => {
    const body = JSON.stringify(payload);
    return fetch(eventsUrl, { method: "POST", headers: { ...signedSlackRequest(secret, body), ...extraHeaders }, body });
  };

  beforeAll(async () => {
    const apiUrl = await slack.start();
    const port = await freePort();
    eventsUrl = `http://127.0.0.1:${port}/slack/events`;
    const config = testConfig(temp.dir, {
      WEB_ENABLED: "false", SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: apiUrl, PORT: String(port),
    });
    app = createApp(config, createLogger("error"));
    await app.start();
  });
  afterAll(async () => {
    await app.stop();
    await slack.stop();
    temp.cleanup();
  });
  beforeEach(() => {
    slack.calls.length = 0;
  });

  it("given a url_verification handshake, then it answers with the challenge", async () => {
    const res = await send({ type: "url_verification", token: "x", challenge: "uitdaging-123" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("uitdaging-123");
  });

  it("given a mention, then it shows work is under way and answers in the thread with sources and buttons", async () => {
    const res = await send(eventCallback("Ev001", {
      type: "app_mention", user: "U0ASKER", text: "<@U0BOT> Wat is een burgerbegroting?", ts: "1700000001.000200", channel: "C0VRAGEN", event_ts: "1700000001.000200",
    }));
    expect(res.status).toBe(200);
    const [post] = await slack.waitFor("chat.postMessage");
    expect(slack.callsTo("reactions.add")[0]?.body).toMatchObject({ channel: "C0VRAGEN", timestamp: "1700000001.000200", name: "eyes" });
    expect(post!.body).toMatchObject({ channel: "C0VRAGEN", thread_ts: "1700000001.000200" });
    const blocks = post!.body.blocks as Array<{ type: string; text?: { text: string }; elements?: Array<{ action_id?: string; text?: { text: string } }> }>;
    expect(blocks.find((b) => b.type === "section")?.text?.text).toMatch(/burgerbegroting/);
    expect(JSON.stringify(blocks.find((b) => b.type === "context"))).toMatch(/Bronnen:/);
    expect(blocks.find((b) => b.type === "actions")?.elements?.map((e) => e.text?.text)).toEqual(["Nuttig", "Niet nuttig", "Vraag een mens"]);
  });

  it("given Slack retries the same event, then it answers only once", async () => {
    const payload = eventCallback("Ev002", { type: "app_mention", user: "U0ASKER", text: "<@U0BOT> Wat is Vereniging Dwarsverband?", ts: "1700000002.000200", channel: "C0VRAGEN" });
    await send(payload);
    await send(payload, { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" });
    await slack.waitFor("chat.postMessage");
    await new Promise((r) => setTimeout(r, 500));
    expect(slack.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("given a direct message, then it answers; given a bot message or an edit, then it stays silent", async () => {
    await send(eventCallback("Ev003", { type: "message", subtype: "bot_message", bot_id: "B0OTHER", text: "Wat is een burgerbegroting?", ts: "1700000003.000100", channel: "D0DM", channel_type: "im" }));
    await send(eventCallback("Ev004", { type: "message", subtype: "message_changed", channel: "D0DM", channel_type: "im", ts: "1700000003.000200", message: { text: "x" } }));
    await send(eventCallback("Ev005", { type: "message", user: "U0ASKER", text: "Wat is een Community Benefit Agreement?", ts: "1700000003.000300", channel: "D0DM", channel_type: "im" }));
    const posts = await slack.waitFor("chat.postMessage");
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.callsTo("chat.postMessage")).toHaveLength(1);
    expect(posts[0]!.body).toMatchObject({ channel: "D0DM" });
  });

  it("given a plain channel message without a mention, then it is not answered (no noise)", async () => {
    await send(eventCallback("Ev006", { type: "message", user: "U0ASKER", text: "Wat is een burgerbegroting?", ts: "1700000004.000100", channel: "C0ANDERS", channel_type: "channel" }));
    await new Promise((r) => setTimeout(r, 400));
    expect(slack.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("given a bad signature, then the request is refused and nothing is answered", async () => {
    const res = await send(eventCallback("Ev007", { type: "app_mention", user: "U0ASKER", text: "<@U0BOT> hoi", ts: "1700000005.000100", channel: "C0VRAGEN" }), {}, "wrong-secret-000");
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.callsTo("chat.postMessage")).toHaveLength(0);
  });
});
