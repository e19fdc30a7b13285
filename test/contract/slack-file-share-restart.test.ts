import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import { FakeSlackApi } from "../fakes/fake-slack-api.js";
import { until } from "../faults/kill-points.js";
import { startSlackTestApp } from "../helpers/slack-app.js";
import { ROSTER_YAML } from "../helpers/slack-flow.js";
import { unfinishedEvents } from "../helpers/event-inbox.js";
import { memoryLogger } from "../helpers/memory-logger.js";
import { tempDir } from "../helpers/temp-knowledge.js";

/** Events in the app's inbox not yet done (taken, or kept for the next start). */
const unfinishedIn = (dataDir: string) => unfinishedEvents(path.join(dataDir, "vliegwiel.db"));

/**
 * A coordinator shares a file in a DM while every reply is cut, until the app stops: the event waits in
 * the inbox, and the next start reads the file and replies. The same event is also seen as a message,
 * each listener with its own "seen" mark; both must be cleared for the replay, or the file is skipped.
 */
describe("a file shared with Vliegwiel on Slack, when every reply was cut until a stop", () => {
  const temp = tempDir();
  const slack = new FakeSlackApi();
  const { logger, lines: logLines } = memoryLogger("info");
  let app: App | undefined;

  afterAll(async () => {
    await app?.stop();
    await slack.stop();
    temp.cleanup();
  });

  it("given the replies could not be posted before the stop, then after the restart the file is read and each reply comes once", async () => {
    const started = await startSlackTestApp(slack, temp.dir, { roster: ROSTER_YAML, logger, env: { WEB_ENABLED: "false" } });
    app = started.app;
    const name = "notulen-buurtkast.md";
    const inDm = (channel: unknown) => channel === "D0COORD" || channel === "DU0COORD";
    let tries = 0;
    slack.onRequest = (method, body) => {
      if (method !== "chat.postMessage" || !inDm(body.channel)) return undefined;
      tries++;
      return "drop";
    };
    const file = slack.shareFile("F0RESTART", name, Buffer.from("# Notulen\n\nDe buurtkast wordt elke maand gevuld met boeken en zaden.\n"));
    await started.driver.event("EvFileRestart", { type: "message", subtype: "file_share", user: "U0COORD", text: "", ts: "1700400000.000100", channel: "D0COORD", channel_type: "im", files: [file] });
    await until(() => tries >= 3, "three tries of the first reply", 60_000);
    await app.stop();
    app = undefined;
    await until(() => logLines.some((l) => l.includes("volgende start")), "the retry to give up", 90_000);
    expect(unfinishedIn(temp.dir)).toBe(1);

    slack.onRequest = undefined;
    app = createApp(started.config, logger);
    await app.start();
    const landed = (starts: string) => slack.messages.filter((m) => inDm(m.channel) && String(m.text).startsWith(starts));
    await until(() => landed("Kennisbank bijgewerkt").length > 0 && unfinishedIn(temp.dir) === 0, "the file read after the restart", 60_000);
    expect(landed(`${name} ontvangen`)).toHaveLength(1);
    expect(landed("Kennisbank bijgewerkt")).toHaveLength(1);
  }, 180_000);
});

/**
 * The file was read in before the stop, but its result never reached the coordinator: after the restart
 * they read the result of that first reading ("1 toegevoegd"), not that of reading it again ("0
 * toegevoegd, 1 ongewijzigd"), which would say their file added nothing.
 */
describe("a file shared with Vliegwiel on Slack, read in before a stop cut off its result", () => {
  const temp = tempDir();
  const slack = new FakeSlackApi();
  const { logger, lines: logLines } = memoryLogger("info");
  let app: App | undefined;

  afterAll(async () => {
    await app?.stop();
    await slack.stop();
    temp.cleanup();
  });

  it("given the result could not be posted before the stop, then after the restart the coordinator reads the first reading's result, once", async () => {
    const started = await startSlackTestApp(slack, temp.dir, { roster: ROSTER_YAML, logger, env: { WEB_ENABLED: "false" } });
    app = started.app;
    const name = "verslag-ruilkast.md";
    const inDm = (channel: unknown) => channel === "D0COORD" || channel === "DU0COORD";
    const isResult = (text: unknown) => String(text).startsWith("Kennisbank bijgewerkt");
    let tries = 0;
    slack.onRequest = (method, body) => {
      if (method !== "chat.postMessage" || !inDm(body.channel) || !isResult(body.text)) return undefined;
      tries++;
      return "drop";
    };
    const file = slack.shareFile("F0RESULT", name, Buffer.from("# Verslag\n\nDe ruilkast bij het dorpshuis wordt door vijf buren bijgehouden.\n"));
    await started.driver.event("EvFileResult", { type: "message", subtype: "file_share", user: "U0COORD", text: "", ts: "1700400100.000100", channel: "D0COORD", channel_type: "im", files: [file] });
    await until(() => tries >= 3, "three tries of the result", 60_000);
    await app.stop();
    app = undefined;
    await until(() => logLines.some((l) => l.includes("volgende start")), "the retry to give up", 90_000);
    expect(unfinishedIn(temp.dir)).toBe(1);

    slack.onRequest = undefined;
    app = createApp(started.config, logger);
    await app.start();
    const landed = (starts: string) => slack.messages.filter((m) => inDm(m.channel) && String(m.text).startsWith(starts));
    await until(() => landed("Kennisbank bijgewerkt").length > 0 && unfinishedIn(temp.dir) === 0, "the result after the restart", 60_000);
    expect(landed(`${name} ontvangen`)).toHaveLength(1);
    expect(landed("Kennisbank bijgewerkt").map((m) => String(m.text))).toEqual([expect.stringMatching(/: 1 toegevoegd, 0 bijgewerkt, 0 ongewijzigd/)]);
  }, 180_000);
});
