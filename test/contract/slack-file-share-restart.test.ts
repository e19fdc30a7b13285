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

const inDm = (channel: unknown) => channel === "D0COORD" || channel === "DU0COORD";

type Share = { fileId: string; name: string; body: string; eventId: string; ts: string; cut: (text: string) => boolean; what: string };

/**
 * A coordinator shares a file in a DM while the replies `cut` picks are dropped, three tries of them,
 * until the app stops; the next start runs with every reply let through. Returns the DM replies that
 * start with a text. The app and the fake are stopped, and the folder removed, by the describe's afterAll.
 */
function fileShareCutUntilStop() {
  const temp = tempDir();
  const slack = new FakeSlackApi();
  const { logger, lines: logLines } = memoryLogger("info");
  let app: App | undefined;
  afterAll(async () => {
    await app?.stop();
    await slack.stop();
    temp.cleanup();
  });
  return async (share: Share) => {
    const started = await startSlackTestApp(slack, temp.dir, { roster: ROSTER_YAML, logger, env: { WEB_ENABLED: "false" } });
    app = started.app;
    let tries = 0;
    slack.onRequest = (method, body) => {
      if (method !== "chat.postMessage" || !inDm(body.channel) || !share.cut(String(body.text))) return undefined;
      tries++;
      return "drop";
    };
    const file = slack.shareFile(share.fileId, share.name, Buffer.from(share.body));
    await started.driver.event(share.eventId, { type: "message", subtype: "file_share", user: "U0COORD", text: "", ts: share.ts, channel: "D0COORD", channel_type: "im", files: [file] });
    await until(() => tries >= 3, `three tries of ${share.what}`, 60_000);
    await app.stop();
    app = undefined;
    await until(() => logLines.some((l) => l.includes("volgende start")), "the retry to give up", 90_000);
    expect(unfinishedIn(temp.dir)).toBe(1);

    slack.onRequest = undefined;
    app = createApp(started.config, logger);
    await app.start();
    const landed = (starts: string) => slack.messages.filter((m) => inDm(m.channel) && String(m.text).startsWith(starts));
    await until(() => landed("Kennisbank bijgewerkt").length > 0 && unfinishedIn(temp.dir) === 0, `${share.what} after the restart`, 60_000);
    return landed;
  };
}

/**
 * A coordinator shares a file in a DM while every reply is cut, until the app stops: the event waits in
 * the inbox, and the next start reads the file and replies. The same event is also seen as a message,
 * each listener with its own "seen" mark; both must be cleared for the replay, or the file is skipped.
 */
describe("a file shared with Vliegwiel on Slack, when every reply was cut until a stop", () => {
  const share = fileShareCutUntilStop();

  it("given the replies could not be posted before the stop, then after the restart the file is read and each reply comes once", async () => {
    const name = "notulen-buurtkast.md";
    const landed = await share({
      fileId: "F0RESTART", name, body: "# Notulen\n\nDe buurtkast wordt elke maand gevuld met boeken en zaden.\n",
      eventId: "EvFileRestart", ts: "1700400000.000100", cut: () => true, what: "the first reply",
    });
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
  const share = fileShareCutUntilStop();

  it("given the result could not be posted before the stop, then after the restart the coordinator reads the first reading's result, once", async () => {
    const name = "verslag-ruilkast.md";
    const landed = await share({
      fileId: "F0RESULT", name, body: "# Verslag\n\nDe ruilkast bij het dorpshuis wordt door vijf buren bijgehouden.\n",
      eventId: "EvFileResult", ts: "1700400100.000100", cut: (text) => text.startsWith("Kennisbank bijgewerkt"), what: "the result",
    });
    expect(landed(`${name} ontvangen`)).toHaveLength(1);
    expect(landed("Kennisbank bijgewerkt").map((m) => String(m.text))).toEqual([expect.stringMatching(/: 1 toegevoegd, 0 bijgewerkt, 0 ongewijzigd/)]);
  }, 180_000);
});
