import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import type { WebChatChannel } from "../../src/channels/web/web-chat-channel.js";
import type { Reply } from "../../src/core/reply.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
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
    app = createApp(config, createLogger(config, stream));
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
  function capture() {
    const stream = new PassThrough();
    let text = "";
    stream.on("data", (chunk: Buffer) => (text += chunk.toString()));
    return { stream, read: async () => (await new Promise((resolve) => setImmediate(resolve)), text) };
  }
  /** The settings as a command reads them from .env: a key with no well-known form. */
  const config = loadConfig({ OPENAI_API_KEY: KEY, OPENAI_CHAT_MODEL: "test-chat", LOG_LEVEL: "debug" });

  it("given a secret in the message, in a field of a field or in an error, then each line holds none of it; other text stays", async () => {
    const { stream, read } = capture();
    const logger = createLogger(config, stream).child({ component: "model" });
    logger.warn(`refused ${KEY}`, { detail: { request: { headers: { "x-api": KEY } } }, list: [`k=${KEY}`], error: new Error(`bad key ${KEY}`) });
    const text = await read();
    expect(text).not.toContain(KEY);
    expect(text).toContain("refused [verborgen]");
    expect(text).toContain("bad key [verborgen]");
    expect(text).toContain("[model]");
  });

  it("given a logger created the plain way from the config (as a command does), then a configured secret deep in a field, in an error's stack or named like a secret is hidden, and the logged object is left as it was", async () => {
    const { stream, read } = capture();
    const logger = createLogger(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1-2", SLACK_SIGNING_SECRET: "plain-signing-secret-42", LOG_LEVEL: "info" }), stream);
    const error = new Error("refused plain-signing-secret-42");
    const detail = { attempts: [{ response: { body: "secret was plain-signing-secret-42" } }], nested: { credentials: { password: "hunter2-hunter2" } } };
    logger.error("verzoek mislukt", { detail, cause: error });
    logger.warn("kon niet verbinden", error);
    const text = await read();
    expect(text).not.toContain("plain-signing-secret-42");
    expect(text).not.toContain("hunter2");
    expect(text).toContain("secret was [verborgen]");
    expect(text).toContain('"password":"[verborgen]"');
    expect(text).toContain("refused [verborgen]");
    expect(text).toContain("verzoek mislukt");
    expect(detail.attempts[0]?.response.body).toBe("secret was plain-signing-secret-42");
    expect(detail.nested.credentials.password).toBe("hunter2-hunter2");
  });

  it("given only a level (no config: before .env is read), then well-known token forms are still hidden at depth", async () => {
    const { stream, read } = capture();
    createLogger("info", stream).warn("slack", { response: { data: { error: "invalid_auth for xoxb-1234-abcdef" } } });
    const text = await read();
    expect(text).not.toContain("xoxb-1234");
    expect(text).toContain("invalid_auth for [verborgen]");
  });
});
