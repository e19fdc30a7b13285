import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { AppProcess } from "./app-process.js";
import { freePort } from "./free-port.js";
import { copyOfStarterKnowledge, tempDir } from "./temp-knowledge.js";

/** What the web-only app logs once its chat page listens. */
export const WEB_READY = ["webchat op"];

export type WebOnlyApp = {
  app: AppProcess;
  /** http://127.0.0.1:<port> of its chat page and team view. */
  base: string;
  /** Its SQLite file, for a test that injects a fault or reads a handoff's status. */
  databaseFile: string;
};

/**
 * The real `npm start` as a child process (started, to be killed and started again by a fault test)
 * with only the web chat: a writable copy of the starter knowledge, a roster, a free port, and no
 * Slack or Discord whatever the environment holds. `extraEnv` adds or overrides settings.
 */
export async function webOnlyApp(temp: { dir: string }, extraEnv: NodeJS.ProcessEnv = {}): Promise<WebOnlyApp> {
  const port = await freePort();
  const app = new AppProcess({
    ...process.env, DATA_DIR: temp.dir, KNOWLEDGE_DIR: copyOfStarterKnowledge(temp.dir), ROSTER_FILE: path.join(temp.dir, "roster.yaml"),
    WEB_PORT: String(port), LOG_LEVEL: "info", SLACK_BOT_TOKEN: "", DISCORD_TOKEN: "",
    ...extraEnv,
  });
  // A start that fails (or takes too long) leaves no process behind.
  await app.start(WEB_READY).catch(async (error: unknown) => {
    await app.kill();
    throw error;
  });
  return { app, base: `http://127.0.0.1:${port}`, databaseFile: path.join(temp.dir, "vliegwiel.db") };
}

export type WebOnlyAppForTests = WebOnlyApp & {
  /** Starts the app again (after a kill), resolving once its chat page listens. */
  restart(): Promise<void>;
};

/**
 * The web-only app for the tests of one describe block: started in a temp folder of its own before
 * them (within `startMs`), killed after them and the folder removed. `extraEnv` is read when it starts
 * (it may start a fake first). Its fields are there once the tests run.
 */
export function webOnlyAppForTests(extraEnv: () => NodeJS.ProcessEnv | Promise<NodeJS.ProcessEnv>, startMs: number): WebOnlyAppForTests {
  const temp = tempDir();
  const web = {} as WebOnlyAppForTests;
  beforeAll(async () => {
    Object.assign(web, await webOnlyApp(temp, await extraEnv()));
    web.restart = () => web.app.start(WEB_READY);
  }, startMs);
  afterAll(async () => {
    await web.app?.kill();
    temp.cleanup();
  });
  return web;
}
