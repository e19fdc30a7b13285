import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import type { WebChatChannel } from "../../src/channels/web/web-chat-channel.js";
import type { Reply } from "../../src/core/reply.js";
import { createLogger, hidingValues } from "../../src/logger.js";
import { FakeOpenAi } from "../fakes/fake-openai.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";

/** A key of a provider whose keys have no well-known prefix (not sk-…): only the setting itself says it is one. */
const KEY = "local-proxy-7f3a9c2e51d84b06";

/**
 * README, Privacy: "Logs … never hold tokens or keys". An OpenAI-compatible server (or a proxy in front
 * of one) that refuses the key and repeats it in its error must not put it in the log, at any level,
 * while the asker still gets the offline answer.
 */
describe("a provider that repeats the key in its error", () => {
  const temp = tempDir();
  const openai = new FakeOpenAi();
  const stream = new PassThrough();
  let log = "";
  let app: App;

  beforeAll(async () => {
    openai.echoKeyInErrors = true;
    stream.on("data", (chunk: Buffer) => (log += chunk.toString()));
    const config = testConfig(temp.dir, {
      OPENAI_API_KEY: KEY, OPENAI_BASE_URL: await openai.start(), OPENAI_CHAT_MODEL: "test-chat", OPENAI_EMBEDDING_MODEL: "test-embedding",
      OPENAI_TIMEOUT_SECONDS: "1", OPENAI_BUDGET_SECONDS: "2", LOG_LEVEL: "debug",
    });
    app = createApp(config, createLogger("debug", stream));
    await app.start();
  });
  afterAll(async () => {
    await app?.stop();
    await openai.stop();
    temp.cleanup();
  });

  it("given a refused key repeated in the server's error, then the asker gets the offline answer and no log line holds the key", async () => {
    const url = (app.channels[0] as WebChatChannel).url;
    const res = await fetch(`${url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: "Wat is een burgerbegroting?", conversationId: "key-echo" }) });
    const reply = (await res.json()) as Reply;
    expect(["answer", "handoff"]).toContain(reply.decision);
    expect(reply.notice).toContain("taalmodel");
    await new Promise((resolve) => setImmediate(resolve));
    // The failures were logged (embedding at start, the answer), with the server's words but not the key.
    expect(log).toMatch(/Incorrect API key provided/);
    expect(log).not.toContain(KEY);
    expect(log).not.toContain(KEY.slice(0, 16));
  });
});

describe("the logger with the configured secrets hidden", () => {
  it("given a secret in the message, in a field of a field or in an error, then each line holds none of it; other text stays", async () => {
    const stream = new PassThrough();
    let text = "";
    stream.on("data", (chunk: Buffer) => (text += chunk.toString()));
    const logger = hidingValues(createLogger("debug", stream), [KEY]).child({ component: "model" });
    logger.warn(`refused ${KEY}`, { detail: { request: { headers: { "x-api": KEY } } }, list: [`k=${KEY}`], error: new Error(`bad key ${KEY}`) });
    await new Promise((resolve) => setImmediate(resolve));
    expect(text).not.toContain(KEY);
    expect(text).toContain("refused [verborgen]");
    expect(text).toContain("bad key [verborgen]");
    expect(text).toContain("[model]");
  });
});
