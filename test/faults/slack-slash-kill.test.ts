import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlackApi, signedSlackRequest } from "../fakes/fake-slack-api.js";
import { AppProcess } from "../helpers/app-process.js";
import { freePort } from "../helpers/free-port.js";
import { SLACK_SECRET, waitForCall } from "../helpers/slack-flow.js";
import { copyOfStarterKnowledge, tempDir } from "../helpers/temp-knowledge.js";

const READY = ["Slack luistert op poort"];

/** `/vliegwiel <vraag>` goes through the event inbox: a SIGKILL after the question was echoed still gets it answered, once. */
describe("/vliegwiel under SIGKILL and duplicate delivery", () => {
  const temp = tempDir();
  const slack = new FakeSlackApi();
  let app: AppProcess;
  let port = 0;

  const command = (triggerId: string, text: string, channel = "C0VRAGEN") => {
    const form = new URLSearchParams({
      token: "legacy", team_id: "T0TEST", channel_id: channel, channel_name: "vragen", user_id: "U0ASKER", user_name: "sanne",
      command: "/vliegwiel", text, response_url: "http://127.0.0.1:9/unused", trigger_id: triggerId, api_app_id: "A0TEST",
    }).toString();
    return fetch(`http://127.0.0.1:${port}/slack/events`, { method: "POST", headers: { ...signedSlackRequest(SLACK_SECRET, form), "content-type": "application/x-www-form-urlencoded" }, body: form });
  };
  // The echo carries the trigger id in its metadata (the answer under it carries the command's key).
  const echoesOf = (triggerId: string) => slack.posts().filter((c) => {
    const metadata = (typeof c.body.metadata === "string" ? JSON.parse(c.body.metadata) : c.body.metadata) as { event_type?: string; event_payload?: { trigger_id?: string } } | undefined;
    return metadata?.event_type === "vliegwiel_slash_question" && metadata.event_payload?.trigger_id === triggerId;
  });
  const answersUnder = (ts: string) => slack.posts().filter((c) => c.body.thread_ts === ts);

  beforeAll(async () => {
    const api = await slack.start();
    port = await freePort();
    const rosterFile = path.join(temp.dir, "roster.yaml");
    fs.writeFileSync(rosterFile, "coordinators: [{ id: carla, name: Carla }]\nmembers:\n  - { id: anna, name: Anna, slack: U0ANNA }\n");
    app = new AppProcess({
      ...process.env, DATA_DIR: temp.dir, KNOWLEDGE_DIR: copyOfStarterKnowledge(temp.dir), ROSTER_FILE: rosterFile, LOG_LEVEL: "info", WEB_ENABLED: "false",
      SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_SIGNING_SECRET: SLACK_SECRET, SLACK_API_URL: api, PORT: String(port), SLACK_APP_TOKEN: "", DISCORD_TOKEN: "",
    });
    await app.start(READY);
  }, 120_000);
  afterAll(async () => {
    await app.kill();
    await slack.stop();
    temp.cleanup();
  });

  it("given the app is killed right after the question was echoed in the channel, then after the restart it is answered under that echo, which is not repeated", async () => {
    let killed: Promise<void> | undefined;
    slack.onRequest = (method, body) => {
      if (!killed && method === "chat.postMessage" && String(body.text).includes("vraagt")) killed = app.kill();
    };
    const res = await command("trig-kill-1", "Wat is een burgerbegroting?");
    expect(res.status).toBe(200); // acknowledged before it was handled
    await waitForCall(slack, "chat.postMessage", () => !!killed);
    await killed;
    slack.onRequest = undefined;
    await app.start(READY);
    const [echo] = echoesOf("trig-kill-1");
    const answer = await waitForCall(slack, "chat.postMessage", (c) => c.body.thread_ts === echo!.response.ts, 60_000);
    expect(JSON.stringify(answer.body.blocks)).toMatch(/burgerbegroting/i);
    expect(echoesOf("trig-kill-1")).toHaveLength(1);
  }, 120_000);

  it("given the same command delivered twice, then it is echoed and answered once", async () => {
    await command("trig-dup-1", "Wat is Vereniging Dwarsverband?");
    await command("trig-dup-1", "Wat is Vereniging Dwarsverband?");
    const echo = await waitForCall(slack, "chat.postMessage", (c) => JSON.stringify(c.body.metadata ?? "").includes("trig-dup-1"));
    await waitForCall(slack, "chat.postMessage", (c) => c.body.thread_ts === echo.response.ts);
    // A later command answered means the duplicate was handled (or dropped) before it.
    await command("trig-dup-sentinel", "Wat is een burgerbegroting?");
    const sentinel = await waitForCall(slack, "chat.postMessage", (c) => JSON.stringify(c.body.metadata ?? "").includes("trig-dup-sentinel"));
    await waitForCall(slack, "chat.postMessage", (c) => c.body.thread_ts === sentinel.response.ts);
    expect(echoesOf("trig-dup-1")).toHaveLength(1);
    expect(answersUnder(String(echo.response.ts))).toHaveLength(1);
  }, 60_000);
});
