import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import type { WebChatChannel } from "../../src/channels/web/web-chat-channel.js";
import type { Config } from "../../src/config.js";
import { dutchDictionaryState, useDutchDictionaryLoader } from "../../src/core/text/dutch-dictionary.js";
import { readOpenTaalInSlices, type SlicedLoad } from "../../src/core/text/open-taal-slices.js";
import { createLogger } from "../../src/logger.js";
import { watchTurnsBetweenSteps } from "../helpers/loop-turns.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";

/**
 * The first question after a restart, asked while the Dutch word list is still being read in the
 * background: a question that needs the list waits for it without holding the process (Slack's acks,
 * Discord's heartbeats and other web requests go on meanwhile), and one that does not need it is
 * answered at once. A callback rescheduling itself on the event loop shows it: it runs between most
 * of the list's slices (a count of turns, not a time: the machine's speed does not change it).
 */
describe("the first question while the word list is still being read", () => {
  const temp = tempDir();
  let config: Config;
  let app: App | undefined;
  afterEach(async () => {
    await app?.stop();
    app = undefined;
    useDutchDictionaryLoader();
  });
  afterAll(() => temp.cleanup());

  /** A store that is up to date, as after an earlier run; then a new process's word list, not read yet. */
  const restart = async (slices: () => SlicedLoad) => {
    if (!config) {
      config = testConfig(temp.dir, {});
      const first = createApp(config, createLogger("error"));
      await first.start();
      await first.stop();
    }
    // Read whole (a caller that cannot wait), it is the same slices one after another.
    useDutchDictionaryLoader(() => slices().finish(), slices);
    app = createApp(config, createLogger("error"));
    await app.start();
    return (app.channels[0] as WebChatChannel).url;
  };

  const ask = async (url: string, text: string) => {
    const res = await fetch(`${url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text, conversationId: `c${Math.random()}` }) });
    expect(res.status).toBe(200);
    return (await res.json()) as { decision: string; passages: Array<{ id: string }> };
  };

  it("given a question that needs the word list asked right after the start, then other work runs between the list's slices while it waits, and the answer is the one given later", async () => {
    let slicesRead = 0;
    const url = await restart(() => counted(readOpenTaalInSlices(1000), () => slicesRead++));
    expect(dutchDictionaryState()).toBe("not-loaded");
    const turns = watchTurnsBetweenSteps(() => slicesRead);
    // "buurtbatterij" is no word of the documents: its typo correction asks the word list.
    const first = await ask(url, "Hoe krijg ik subsidie voor een buurtbatterij?");
    const { steps, turnsBetween } = await turns.stop();
    expect(dutchDictionaryState()).toBe("loaded");
    expect(first.passages.length).toBeGreaterThan(0);
    // The whole list (some 180 slices) was read while the question waited, with other work between most slices.
    expect(steps).toBeGreaterThan(100);
    expect(turnsBetween).toBeGreaterThan(steps / 2);
    const later = await ask(url, "Hoe krijg ik subsidie voor een buurtbatterij?");
    expect(first.decision).toBe(later.decision);
    expect(first.passages.map((p) => p.id)).toEqual(later.passages.map((p) => p.id));
  }, 300_000);

  it("given a question whose words the store's word memory holds, then it is answered without waiting for the word list", async () => {
    let open = false;
    // The list is read no further until the test says so: the answer below cannot have waited for it.
    const url = await restart(() => gated(readOpenTaalInSlices(1000), () => open));
    // Only so that a question that did wait does not hang the test (it then finds the list read).
    const safety = setTimeout(() => (open = true), 60_000);
    const reply = await ask(url, "Wat is een burgerbegroting?");
    expect(reply.decision).toBe("answer");
    expect(dutchDictionaryState()).toBe("not-loaded");
    clearTimeout(safety);
    open = true;
  }, 300_000);
});

/** The list's slices, each counted as it is read (also when the list is read whole). */
function counted(load: SlicedLoad, onSlice: () => void): SlicedLoad {
  const step = () => {
    onSlice();
    return load.step();
  };
  return {
    step,
    finish() {
      while (!step());
      return load.finish();
    },
  };
}

/** The list's slices, read only once `open` says so (reading it whole is not held back). */
function gated(load: SlicedLoad, open: () => boolean): SlicedLoad {
  return { step: () => open() && load.step(), finish: () => load.finish() };
}
