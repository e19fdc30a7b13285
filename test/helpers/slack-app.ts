import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import type { Config } from "../../src/config.js";
import type { WebChatChannel } from "../../src/channels/web/web-chat-channel.js";
import { createLogger, type Logger } from "../../src/logger.js";
import type { FakeSlackApi } from "../fakes/fake-slack-api.js";
import { freePort } from "./free-port.js";
import { SLACK_SECRET, SlackDriver } from "./slack-flow.js";
import { tempDir, testConfig } from "./temp-knowledge.js";

export type SlackTestApp = {
  app: App;
  config: Config;
  /** The fake Web API's base, as SLACK_API_URL. */
  apiUrl: string;
  /** Where Slack would deliver events and button presses. */
  eventsUrl: string;
  driver: SlackDriver;
  /** The web chat's address, when the web chat is on (WEB_ENABLED). */
  webUrl: string | undefined;
};

export type SlackTestAppOptions = {
  /** Settings beside the Slack ones (they win over the defaults below). */
  env?: Record<string, string>;
  /** A roster.yaml to write into the data folder and use. */
  roster?: string;
  clock?: () => Date;
  logger?: Logger;
};

/**
 * The whole app on the offline default with Slack switched on against the fake Web API (started here),
 * its events on a free port: how the Slack tests start it.
 */
export async function startSlackTestApp(slack: FakeSlackApi, dataDir: string, options: SlackTestAppOptions = {}): Promise<SlackTestApp> {
  const apiUrl = await slack.start();
  const port = await freePort();
  const roster: Record<string, string> = {};
  if (options.roster !== undefined) {
    roster.ROSTER_FILE = path.join(dataDir, "roster.yaml");
    fs.writeFileSync(roster.ROSTER_FILE, options.roster);
  }
  const config = testConfig(dataDir, {
    SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_SIGNING_SECRET: SLACK_SECRET, SLACK_API_URL: apiUrl, PORT: String(port),
    ...roster, ...options.env,
  });
  const app = createApp(config, options.logger ?? createLogger("error"), { clock: options.clock });
  await app.start();
  const eventsUrl = `http://127.0.0.1:${port}/slack/events`;
  const web = app.channels.find((c) => c.name === "web") as WebChatChannel | undefined;
  return { app, config, apiUrl, eventsUrl, driver: new SlackDriver(slack, eventsUrl), webUrl: web?.url };
}

/**
 * startSlackTestApp for the tests of one describe block: in a temp folder of its own (config.dataDir),
 * started before them, stopped with the fake after them and the folder removed. `onStarted` takes what
 * the tests use (and may prepare more, such as a profile).
 */
export function slackAppForTests(slack: FakeSlackApi, options: SlackTestAppOptions, onStarted: (started: SlackTestApp) => void): void {
  const temp = tempDir();
  let app: App | undefined;
  beforeAll(async () => {
    const started = await startSlackTestApp(slack, temp.dir, options);
    app = started.app;
    onStarted(started);
  });
  afterAll(async () => {
    await app?.stop();
    await slack.stop();
    temp.cleanup();
  });
}
