import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { createApp, type App } from "../../src/app/create-app.js";
import type { WebChatChannel } from "../../src/channels/web/web-chat-channel.js";
import { createLogger } from "../../src/logger.js";
import { FakeSlackApi, signedSlackRequest } from "../fakes/fake-slack-api.js";
import { freePort } from "../helpers/free-port.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";

const SECRET = "test-signing-secret-123";
const ROSTER = `coordinators:
  - id: coordinator
    name: Coördinator van het netwerk
    role: coordinator
    slack: U0COORD
members: []
`;

/** The signals report holds the questions still waiting, as their askers typed them: in Slack they show as typed. */
describe("/vliegwiel signalen with a question that holds Slack's own syntax", () => {
  const temp = tempDir();
  const slack = new FakeSlackApi();
  let app: App;

  beforeAll(async () => {
    const apiBase = await slack.start();
    const port = await freePort();
    fs.writeFileSync(path.join(temp.dir, "roster.yaml"), ROSTER);
    const config = testConfig(temp.dir, { SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: apiBase, PORT: String(port) });
    app = createApp(config, createLogger("error"));
    await app.start();
    // A question shared with the tolken from the web chat, that pings the channel and hides a link if Slack reads it.
    const web = (app.channels.find((c) => c.name === "web") as WebChatChannel).url;
    const post = async (route: string, body: object) =>
      (await (await fetch(`${web}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).json()) as Record<string, unknown>;
    const asker = { conversationId: "s1", userId: "u-s1" };
    const reply = await post("/api/messages", { ...asker, text: "<!channel> wie is op dit moment penningmeester van de dorpsraad & de <https://phish.example|gemeente> Zeist?" });
    expect(reply.decision).toBe("handoff");
    await post("/api/actions", { ...asker, action: "share", handoffId: reply.handoffId });

    const body = new URLSearchParams({
      token: "legacy", team_id: "T0TEST", channel_id: "D0COORD", channel_name: "directmessage", user_id: "U0COORD", user_name: "U0COORD",
      command: "/vliegwiel", text: "signalen 30", response_url: apiBase.replace(/\/api\/$/, "/response"), trigger_id: "trig-1", api_app_id: "A0TEST",
    }).toString();
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: "POST", headers: { ...signedSlackRequest(SECRET, body), "content-type": "application/x-www-form-urlencoded" }, body });
    expect(res.status).toBe(200);
  });
  afterAll(async () => {
    await app?.stop();
    await slack.stop();
    temp.cleanup();
  });

  it("given a waiting question with <!channel>, a disguised link and &, then the coordinator's report shows them escaped, pinging and hiding nothing", async () => {
    const [report] = await slack.waitFor("/response", 1);
    const text = String(report!.body.text);
    expect(text).toContain("&lt;!channel&gt; wie is op dit moment penningmeester van de dorpsraad &amp; de &lt;https://phish.example|gemeente&gt; Zeist?");
    expect(text).not.toMatch(/<!channel>|<https:/);
  });
});
