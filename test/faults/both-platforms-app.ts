import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll } from "vitest";
import { APPLICATION_ID, HANDOFF_FORUM, TOKEN, type FakeDiscord } from "../fakes/fake-discord.js";
import type { FakeSlackApi } from "../fakes/fake-slack-api.js";
import { AppProcess } from "../helpers/app-process.js";
import { freePort } from "../helpers/free-port.js";
import { copyOfStarterKnowledge, tempDir } from "../helpers/temp-knowledge.js";
import { DeliveryKiller, FAULT_TEST_MS } from "./kill-points.js";

/** What the app prints once both platforms are up. */
export const BOTH_READY = ["Slack luistert op poort", "Discord verbonden als"];

/**
 * The real app (src/main.ts) as a process against the Slack and Discord fakes, with a roster of one
 * coordinator, a Slack tolk (anna) and a Discord tolk (mira), and a DeliveryKiller watching every request
 * the fakes get. Started and ready; the caller stops it.
 */
export async function startBothPlatformsApp(dataDir: string, slack: FakeSlackApi, discord: FakeDiscord, env: Record<string, string> = {}): Promise<{ app: AppProcess; killer: DeliveryKiller; port: number }> {
  const slackApi = await slack.start();
  const discordApi = await discord.start();
  const port = await freePort();
  const rosterFile = path.join(dataDir, "roster.yaml");
  fs.writeFileSync(rosterFile, [
    "coordinators: [{ id: carla, name: Carla }]",
    "members:",
    "  - { id: anna, name: Anna, slack: U0ANNA }",
    `  - { id: mira, name: Mira, discord: "960000000000000004" }`,
  ].join("\n"));
  const app = new AppProcess({
    ...process.env,
    DATA_DIR: dataDir, KNOWLEDGE_DIR: copyOfStarterKnowledge(dataDir), ROSTER_FILE: rosterFile, LOG_LEVEL: process.env.FAULT_LOG_LEVEL ?? "info",
    WEB_ENABLED: "false", HANDOFF_TICK_SECONDS: "0.2", HANDOFF_WORKING_HOURS: "always",
    SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_SIGNING_SECRET: "test-signing-secret-123", SLACK_API_URL: slackApi, PORT: String(port),
    SLACK_HANDOFF_CHANNEL: "C0TOLKEN", SLACK_APP_TOKEN: "",
    DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: discordApi, DISCORD_HANDOFF_CHANNEL_ID: HANDOFF_FORUM,
    ...env,
  });
  const killer = new DeliveryKiller(app, path.join(dataDir, "vliegwiel.db"));
  slack.onRequest = (method, body) => killer.onRequest({ platform: "slack", method, body });
  slack.onAnswered = () => killer.onAnswered();
  discord.onRequest = (method, route, body) => killer.onRequest({ platform: "discord", method, route, body });
  discord.onAnswered = () => killer.onAnswered();
  await app.start(BOTH_READY);
  return { app, killer, port };
}

/**
 * startBothPlatformsApp for the tests of one describe block: in a temp folder of its own, started before
 * them (`onStarted` takes what the tests use), the killer disarmed after each, and after them all the
 * app killed, the fakes stopped and the folder removed. `env` adds settings (a language model's fake).
 * Returns the app's database file.
 */
export function bothPlatformsAppForTests(
  slack: FakeSlackApi,
  discord: FakeDiscord,
  onStarted: (started: { app: AppProcess; killer: DeliveryKiller; port: number }) => void,
  env: () => Promise<Record<string, string>> = async () => ({}),
): { dbFile: string } {
  const temp = tempDir();
  let started: { app: AppProcess; killer: DeliveryKiller } | undefined;
  beforeAll(async () => {
    const both = await startBothPlatformsApp(temp.dir, slack, discord, await env());
    started = both;
    onStarted(both);
  }, FAULT_TEST_MS);
  afterEach(() => started?.killer.disarm());
  afterAll(async () => {
    await started?.app.kill();
    await slack.stop();
    await discord.stop();
    temp.cleanup();
  });
  return { dbFile: path.join(temp.dir, "vliegwiel.db") };
}
