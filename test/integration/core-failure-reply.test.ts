import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../src/core/reply.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";
import { startWebServer, type WebServer } from "../helpers/web-server.js";

/**
 * "Every question gets an answer or a handoff, never silence", and "English askers read every step in
 * English": when the core itself fails (here the question log's table is gone), the asker still gets a
 * reply, in their own language.
 */
describe("a question the core fails on", () => {
  const temp = tempDir();
  let server: WebServer;

  beforeAll(async () => {
    server = await startWebServer(testConfig(temp.dir));
    server.db.exec("DROP TABLE question_log");
  });
  afterAll(async () => {
    await server?.stop();
    temp.cleanup();
  });

  const ask = async (text: string) => {
    const res = await fetch(`${server.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ conversationId: `fail-${text.length}`, text }) });
    return { status: res.status, reply: (await res.json()) as Reply };
  };

  it("given a Dutch question, then the Dutch apology comes, saying a person can help", async () => {
    const { status, reply } = await ask("Wat is een burgerbegroting?");
    expect(status).toBe(200);
    expect(reply.text).toMatch(/^Er ging bij mij iets mis\..*een mens uit het netwerk/);
  });

  it("given an English question, then the apology is in English", async () => {
    const { status, reply } = await ask("How do other villages keep their volunteers involved?");
    expect(status).toBe(200);
    expect(reply.text).toMatch(/^Something went wrong on my side\./);
    expect(reply.language).toBe("en");
  });
});
