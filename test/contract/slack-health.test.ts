import { afterEach, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import type { WebChatChannel } from "../../src/channels/web/web-chat-channel.js";
import { FakeSlackApi } from "../fakes/fake-slack-api.js";
import { freePort } from "../helpers/free-port.js";
import { eventually } from "../helpers/intro-flow.js";
import { memoryLogger } from "../helpers/memory-logger.js";
import { startSlackTestApp } from "../helpers/slack-app.js";
import { SLACK_SECRET } from "../helpers/slack-flow.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";

type HealthBody = { ok: boolean; channels: Record<string, { ok: boolean }> };
const health = async (webUrl: string) => {
  const res = await fetch(`${webUrl}/healthz`);
  return { status: res.status, body: (await res.json()) as HealthBody };
};

/** /healthz in Slack's HTTP mode: a listening server is not enough, Slack's Web API must answer the token. */
describe("Slack's part of /healthz", () => {
  const temp = tempDir();
  let app: App | undefined;
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it("given Slack's Web API answering the bot's token, then slack is ok", async () => {
    const slack = new FakeSlackApi();
    try {
      const started = await startSlackTestApp(slack, `${temp.dir}/bereikbaar`);
      app = started.app;
      await eventually(() => slack.callsTo("auth.test").length > 0 || undefined, "the token checked at start");
      const { status, body } = await health(started.webUrl!);
      expect(status).toBe(200);
      expect(body.channels.slack).toEqual({ ok: true });
    } finally {
      await app?.stop();
      app = undefined;
      await slack.stop();
    }
  }, 120_000);

  it("given a bot token Slack refuses (HTTP mode), then the start stops with a Dutch line naming SLACK_BOT_TOKEN, not a crash", async () => {
    // Before: Bolt checked the token in its constructor with nothing awaiting it, and the refusal
    // ended the whole process (web chat included) with an unhandled WebAPIPlatformError (which vitest
    // also reports as an error of this file).
    const slack = new FakeSlackApi();
    try {
      const apiUrl = await slack.start();
      slack.failNext.set("auth.test", ["invalid_auth", "invalid_auth", "invalid_auth"]);
      const config = testConfig(`${temp.dir}/geweigerd`, {
        SLACK_BOT_TOKEN: "xoxb-revoked-token", SLACK_SIGNING_SECRET: SLACK_SECRET, SLACK_API_URL: apiUrl, PORT: String(await freePort()),
      });
      app = createApp(config, memoryLogger("warn").logger);

      await expect(app.start()).rejects.toThrow(/Slack weigerde SLACK_BOT_TOKEN \(invalid_auth\).*OAuth & Permissions/);
    } finally {
      await app?.stop();
      app = undefined;
      await slack.stop();
    }
  }, 120_000);

  it("given an app-level token Slack refuses (Socket Mode), then the start stops with a Dutch line naming SLACK_APP_TOKEN", async () => {
    const slack = new FakeSlackApi();
    try {
      const apiUrl = await slack.start();
      slack.failNext.set("apps.connections.open", ["invalid_auth", "invalid_auth", "invalid_auth"]);
      const config = testConfig(`${temp.dir}/app-token`, { SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_APP_TOKEN: "xapp-1-revoked", SLACK_API_URL: apiUrl });
      app = createApp(config, memoryLogger("error").logger);

      await expect(app.start()).rejects.toThrow(/Slack weigerde SLACK_APP_TOKEN \(invalid_auth\).*connections:write/);
    } finally {
      await app?.stop();
      app = undefined;
      await slack.stop();
    }
  }, 120_000);

  it("given Slack's Web API cannot be reached, then /healthz says slack is not ok (503) and the log says why in Dutch", async () => {
    const { logger, lines } = memoryLogger("warn");
    const closed = await freePort(); // nothing listens there
    const config = testConfig(`${temp.dir}/onbereikbaar`, {
      SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_SIGNING_SECRET: SLACK_SECRET, SLACK_API_URL: `http://127.0.0.1:${closed}/api/`, PORT: String(await freePort()),
    });
    app = createApp(config, logger);
    await app.start();
    const webUrl = (app.channels.find((c) => c.name === "web") as WebChatChannel).url;
    let reported = await health(webUrl);
    for (const until = Date.now() + 20_000; reported.status !== 503 && Date.now() < until; reported = await health(webUrl)) await new Promise((r) => setTimeout(r, 50));
    const { status, body } = reported;
    expect(body).toMatchObject({ ok: false, channels: { slack: { ok: false }, web: { ok: true } } });
    expect(status).toBe(503);
    // Said once, in Dutch; the probe's client keeps its own warning per failed request at debug (what is
    // left is Bolt's one check of the token at start, not one more every minute).
    expect(lines.filter((l) => l.includes("Slack is niet bereikbaar of de bot-token klopt niet"))).toHaveLength(1);
    expect(lines.filter((l) => l.includes("http request failed")).length).toBeLessThanOrEqual(1);
    expect(lines.join("")).not.toContain("xoxb-test-token");
  }, 120_000);
});
