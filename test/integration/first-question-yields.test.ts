import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import type { WebChatChannel } from "../../src/channels/web/web-chat-channel.js";
import type { Config } from "../../src/config.js";
import { dutchDictionaryState, useDutchDictionaryLoader } from "../../src/core/text/dutch-dictionary.js";
import { readOpenTaalInSlices, type SlicedLoad } from "../../src/core/text/open-taal-slices.js";
import { createLogger } from "../../src/logger.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";

/**
 * The first question after a restart, asked while the Dutch word list is still being read in the
 * background: a question that needs the list waits for it without holding the process (Slack's acks,
 * Discord's heartbeats and other web requests go on meanwhile), and one that does not need it is
 * answered at once. A heartbeat rescheduling itself on the event loop shows the longest block, as a
 * share of the time the answer took (a ratio within one run: the machine's speed cancels out).
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

  it("given a question that needs the word list asked right after the start, then the process is never held for more than a small share of its answer, and the answer is the one given later", async () => {
    const url = await restart(() => slowed(readOpenTaalInSlices(1000), 5));
    expect(dutchDictionaryState()).toBe("not-loaded");
    const beat = heartbeat();
    const started = performance.now();
    // "buurtbatterij" is no word of the documents: its typo correction asks the word list.
    const first = await ask(url, "Hoe krijg ik subsidie voor een buurtbatterij?");
    const answered = performance.now() - started;
    const longest = await beat.stop();
    expect(dutchDictionaryState()).toBe("loaded");
    expect(first.passages.length).toBeGreaterThan(0);
    expect(longest / answered).toBeLessThan(0.5);
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

/** The list's slices, each made slower (a busy machine, a slow disk). */
function slowed(load: SlicedLoad, msPerSlice: number): SlicedLoad {
  const step = () => {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, msPerSlice);
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

/** The longest pause between two turns of the event loop, from now until `stop`. */
function heartbeat(): { stop(): Promise<number> } {
  let beating = true;
  let last = performance.now();
  let longest = 0;
  const beat = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (beating) setImmediate(beat);
  };
  setImmediate(beat);
  return {
    async stop() {
      await new Promise((resolve) => setImmediate(resolve)); // the beat waiting behind the last block counts its pause
      beating = false;
      return longest;
    },
  };
}
