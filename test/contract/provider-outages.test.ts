import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/create-app.js";
import type { WebChatChannel } from "../../src/channels/web/web-chat-channel.js";
import type { Reply } from "../../src/core/reply.js";
import { createLogger } from "../../src/logger.js";
import { FakeOpenAi } from "../fakes/fake-openai.js";
import { FakePinecone } from "../fakes/fake-pinecone.js";
import { freePort } from "../helpers/free-port.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";

const MODELS = { OPENAI_API_KEY: "sk-test-key", OPENAI_CHAT_MODEL: "test-chat", OPENAI_EMBEDDING_MODEL: "test-embedding", OPENAI_TIMEOUT_SECONDS: "1", OPENAI_BUDGET_SECONDS: "2" };

/**
 * README, Modes → When a provider fails, and the rule "every question gets an answer or a handoff, never
 * silence": the app is started while the provider is already broken (not only broken mid-run), and a
 * question still gets the offline answer or a handoff.
 */
async function askWhileBroken(env: Record<string, string>, question = "Wat is een burgerbegroting?"): Promise<Reply> {
  const temp = tempDir();
  const app = createApp(testConfig(temp.dir, env), createLogger("error"));
  try {
    await app.start();
    const url = (app.channels[0] as WebChatChannel).url;
    const res = await fetch(`${url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: question, conversationId: "outage" }) });
    expect(res.status).toBe(200);
    return (await res.json()) as Reply;
  } finally {
    await app.stop();
    temp.cleanup();
  }
}

describe("providers broken from the start", () => {
  const closers: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const close of closers) await close();
  });

  it("given an OpenAI-compatible server that is not running at all, then start-up goes on and a question gets the offline answer, saying the model did not answer", async () => {
    const reply = await askWhileBroken({ ...MODELS, OPENAI_BASE_URL: `http://127.0.0.1:${await freePort()}/v1` });
    expect(reply.decision).toBe("answer");
    expect(reply.passages.length).toBeGreaterThan(0);
    expect(reply.notice).toContain("taalmodel");
  });

  it("given a server that answers every request with a 500, then the offline answer comes within the budget", async () => {
    const openai = new FakeOpenAi();
    const url = await openai.start();
    closers.push(() => openai.stop());
    for (let i = 0; i < 200; i++) openai.chatTrouble.push({ status: 500 }), openai.embeddingTrouble.push({ status: 500 });
    const reply = await askWhileBroken({ ...MODELS, OPENAI_BASE_URL: url });
    expect(reply.decision).toBe("answer");
    expect(reply.notice).toContain("taalmodel");
    expect(openai.chatRequests.length).toBeGreaterThan(0);
  });

  it("given a proxy that answers 200 with an HTML page instead of JSON, then the offline answer comes", async () => {
    const server = http.createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.writeHead(200, { "content-type": "text/html" });
        res.end("<html><body><h1>502 Bad Gateway</h1></body></html>");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    closers.push(() => new Promise((resolve) => server.close(() => resolve())));
    const reply = await askWhileBroken({ ...MODELS, OPENAI_BASE_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1` });
    expect(reply.decision).toBe("answer");
    expect(reply.passages.length).toBeGreaterThan(0);
    expect(reply.notice).toContain("taalmodel");
  });

  it("given Pinecone down at start, then start-up goes on and questions are answered from full-text search", async () => {
    const openai = new FakeOpenAi();
    const pinecone = new FakePinecone();
    const openaiUrl = await openai.start();
    const host = await pinecone.start();
    closers.push(() => openai.stop(), () => pinecone.stop());
    pinecone.down = true;
    const reply = await askWhileBroken({
      OPENAI_API_KEY: "sk-test-key", OPENAI_BASE_URL: openaiUrl, OPENAI_EMBEDDING_MODEL: "test-embedding",
      PINECONE_API_KEY: "pc-test-key", PINECONE_INDEX: "vliegwiel", PINECONE_HOST: host, PINECONE_TIMEOUT_SECONDS: "1",
    });
    expect(reply.decision).toBe("answer");
    expect(reply.passages.length).toBeGreaterThan(0);
    expect(pinecone.calls.some((call) => call.path === "/vectors/upsert")).toBe(true);
    expect(pinecone.calls.at(-1)!.path).toBe("/query");
  });
});
