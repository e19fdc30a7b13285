import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import type { Config } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { FakeSlackApi, signedSlackRequest, type SlackCall } from "../fakes/fake-slack-api.js";
import { freePort } from "../helpers/free-port.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";

const SECRET = "test-signing-secret-123";
const ROSTER = `coordinators:
  - id: coordinator
    name: Coördinator van het netwerk
    role: coordinator
    slack: U0COORD
members:
  - id: tolk
    name: Tolk van het netwerk
    role: tolk
    themes: [vergunningen]
    regions: [Utrecht]
    slack: U0TOLK
`;

/** Maintainers in Slack, as in Discord and the team view: documents shared in a DM, and /vliegwiel signalen. */
describe("Slack for maintainers against a fake Slack", () => {
  const temp = tempDir();
  const slack = new FakeSlackApi();
  let app: App;
  let config: Config;
  let eventsUrl: string;
  let apiBase: string;
  let eventNumber = 0;

  const send = async (payload: object, contentType = "application/json") => {
    const body = contentType === "application/json" ? JSON.stringify(payload) : new URLSearchParams(payload as Record<string, string>).toString();
    const res = await fetch(eventsUrl, { method: "POST", headers: { ...signedSlackRequest(SECRET, body), "content-type": contentType }, body });
    expect(res.status).toBe(200);
  };
  /** A person shares files with the bot in their direct message (message event, subtype file_share). */
  const shareInDm = (user: string, files: Array<Record<string, unknown>>, channel = "D0COORD") =>
    send({
      token: "legacy", team_id: "T0TEST", api_app_id: "A0TEST", type: "event_callback", event_id: `EvFile${++eventNumber}`, event_time: 1_700_000_000,
      event: { type: "message", subtype: "file_share", user, text: "", ts: `17000001${eventNumber}.000100`, channel, channel_type: "im", files },
    });
  const postsIn = (channel: string) => slack.callsTo("chat.postMessage").filter((c) => c.body.channel === channel).map((c) => String(c.body.text));
  const waitForPost = async (channel: string, pattern: RegExp): Promise<string> => {
    for (let i = 0; i < 400; i++) {
      const found = postsIn(channel).find((t) => pattern.test(t));
      if (found) return found;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`no post matching ${pattern} in ${channel}; got ${JSON.stringify(postsIn(channel))}`);
  };
  const slash = async (user: string, text: string): Promise<SlackCall> => {
    const before = slack.callsTo("/response").length;
    await send({
      token: "legacy", team_id: "T0TEST", channel_id: "D0COORD", channel_name: "directmessage", user_id: user, user_name: user,
      command: "/vliegwiel", text, response_url: apiBase.replace(/\/api\/$/, "/response"), trigger_id: `trig-${++eventNumber}`, api_app_id: "A0TEST",
    }, "application/x-www-form-urlencoded");
    return (await slack.waitFor("/response", before + 1))[before]!;
  };

  beforeAll(async () => {
    apiBase = await slack.start();
    const port = await freePort();
    fs.writeFileSync(path.join(temp.dir, "roster.yaml"), ROSTER);
    config = testConfig(temp.dir, { WEB_ENABLED: "false", SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: apiBase, PORT: String(port) });
    app = createApp(config, createLogger("error"));
    await app.start();
    eventsUrl = `http://127.0.0.1:${port}/slack/events`;
  });
  afterAll(async () => {
    await app?.stop();
    await slack.stop();
    temp.cleanup();
  });
  beforeEach(() => {
    slack.calls.length = 0;
  });

  it("given a coordinator shares a file in a DM, then it is read in with a Dutch confirmation and the next question is answered from it", async () => {
    const file = slack.shareFile("F0GOED", "toolkit-buurtkast.md", Buffer.from("# Toolkit buurtkast\n\nEen buurtkast vul je samen: elke straat zorgt een maand voor boeken en zaden.\n"));
    await shareInDm("U0COORD", [file]);

    expect(await waitForPost("D0COORD", /toegevoegd/)).toMatch(/^Kennisbank bijgewerkt: 1 toegevoegd/);
    expect(postsIn("D0COORD")[0]).toBe("toolkit-buurtkast.md ontvangen; ik lees het in de kennisbank in…");
    expect(slack.downloads).toContainEqual({ id: "F0GOED", authorization: "Bearer xoxb-test-token" });
    expect(fs.existsSync(path.join(config.knowledgeDir, "toolkit-buurtkast.md"))).toBe(true);

    await send({
      token: "legacy", team_id: "T0TEST", api_app_id: "A0TEST", type: "event_callback", event_id: "EvAskBuurtkast", event_time: 1_700_000_000,
      event: { type: "message", user: "U0ASKER", text: "Hoe vullen we een buurtkast?", ts: "1700000200.000100", channel: "D0ASKER", channel_type: "im" },
    });
    expect(await waitForPost("D0ASKER", /buurtkast/)).toContain("elke straat zorgt een maand");
  });

  it("given a broken file, then the reason is Dutch and nothing stays behind; given someone not a coordinator, then it is refused", async () => {
    await shareInDm("U0COORD", [slack.shareFile("F0KAPOT", "kapot.pdf", Buffer.from("%PDF-1.4 half verstuurd"))]);
    const reason = await waitForPost("D0COORD", /mislukt/);
    expect(reason).toMatch(/kapot\.pdf: geen geldige PDF/);
    expect(reason).not.toMatch(/Invalid|structure/i);
    expect(fs.existsSync(path.join(config.knowledgeDir, "kapot.pdf"))).toBe(false);

    await shareInDm("U0TOLK", [slack.shareFile("F0TOLK", "notulen.md", Buffer.from("# Notulen\n\nDe tolk deelt notulen.\n"))], "D0TOLK");
    expect(await waitForPost("D0TOLK", /coördinatoren/)).toMatch(/alleen voor coördinatoren/);
    expect(fs.existsSync(path.join(config.knowledgeDir, "notulen.md"))).toBe(false);
  });

  it("given /vliegwiel signalen, then a coordinator gets the report privately and others are told it is for coordinators", async () => {
    const report = await slash("U0COORD", "signalen 30");
    expect(report.body).toMatchObject({ response_type: "ephemeral" });
    expect(String(report.body.text)).toMatch(/^```Signalen sinds \d{4}-\d{2}-\d{2}: \d+ vra(?:ag|gen) gesteld/);
    expect(String(report.body.text)).toContain("Doorgegeven aan een mens:");

    const refused = await slash("U0TOLK", "signalen");
    expect(refused.body).toMatchObject({ response_type: "ephemeral", text: "Dit overzicht is voor coördinatoren van het netwerk." });
    const wrongDays = await slash("U0COORD", "signalen veel");
    expect(String(wrongDays.body.text)).toContain("Geef het aantal dagen als getal");
    // More days than a report covers says the limit.
    const tooMany = await slash("U0COORD", "signalen 400");
    expect(String(tooMany.body.text)).toContain("van 1 tot 366");
  });
});
