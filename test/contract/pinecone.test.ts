import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/create-app.js";
import { openKnowledge } from "../../src/app/open-knowledge.js";
import type { WebChatChannel } from "../../src/channels/web/web-chat-channel.js";
import type { Reply } from "../../src/core/reply.js";
import { ingestSources } from "../../src/ingest/ingest-sources.js";
import { createLogger } from "../../src/logger.js";
import { PineconeVectorIndex } from "../../src/providers/pinecone/pinecone-vector-index.js";
import { SqliteVectorIndex } from "../../src/store/sqlite-vector-index.js";
import { openDatabase } from "../../src/store/open-database.js";
import { FakeOpenAi, fakeEmbedding } from "../fakes/fake-openai.js";
import { FakePinecone } from "../fakes/fake-pinecone.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";

describe("Pinecone as the vector store, against a fake Pinecone data plane", () => {
  const temp = tempDir();
  const openai = new FakeOpenAi();
  const pinecone = new FakePinecone();
  let env: Record<string, string>;

  beforeAll(async () => {
    env = {
      OPENAI_API_KEY: "sk-test-key", OPENAI_BASE_URL: await openai.start(), OPENAI_EMBEDDING_MODEL: "test-embedding",
      PINECONE_API_KEY: "pc-test-key", PINECONE_INDEX: "vliegwiel", PINECONE_HOST: await pinecone.start(), PINECONE_NAMESPACE: "netwerk-utrecht",
    };
  });
  afterAll(async () => {
    await openai.stop();
    await pinecone.stop();
    temp.cleanup();
  });

  it("given ingestion, then passages go to the knowledge base's namespace with their metadata, and deletions follow", async () => {
    const config = testConfig(temp.dir, env);
    const knowledge = await openKnowledge(config, createLogger("error"));
    try {
      await ingestSources({ store: knowledge.store, knowledgeDir: config.knowledgeDir, maxFileBytes: 1e7 });
      const summary = await knowledge.semantic.refreshVectors();
      const stored = pinecone.namespaces.get("netwerk-utrecht")!;
      expect(stored.size).toBe(knowledge.store.passageCount());
      expect(summary).toMatchObject({ embedded: knowledge.store.passageCount(), deleted: 0 });
      const upsert = pinecone.calls.find((c) => c.path === "/vectors/upsert")!;
      expect(upsert.body.namespace).toBe("netwerk-utrecht");
      const [first] = upsert.body.vectors as Array<{ id: string; values: number[]; metadata: Record<string, unknown> }>;
      expect(first!.values).toHaveLength(48);
      expect(first!.metadata).toMatchObject({ documentId: expect.any(String), kind: expect.any(String), themes: expect.any(Array) });
      expect(await knowledge.semantic.vectors!.index.count()).toBe(stored.size);

      // A document removed from the knowledge folder leaves Pinecone too.
      const removed = knowledge.store.listDocuments()[0]!;
      fs.rmSync(path.join(config.knowledgeDir, removed.id));
      await ingestSources({ store: knowledge.store, knowledgeDir: config.knowledgeDir, maxFileBytes: 1e7 });
      await knowledge.semantic.refreshVectors();
      const deleted = pinecone.calls.filter((c) => c.path === "/vectors/delete").flatMap((c) => c.body.ids as string[]);
      expect(deleted.length).toBe(removed.passageCount);
      expect(deleted.every((id) => id.startsWith(`${removed.id}#`))).toBe(true);
      expect(stored.size).toBe(knowledge.store.passageCount());
    } finally {
      knowledge.close();
    }
  });

  it("given the same vectors in Pinecone and the embedded index, then both rank them the same", async () => {
    const db = openDatabase(path.join(temp.dir, "vliegwiel.db"));
    try {
      const local = new SqliteVectorIndex(db);
      const remote = new PineconeVectorIndex({ apiKey: "pc-test-key", index: "vliegwiel", host: env.PINECONE_HOST!, namespace: "parity", timeoutMs: 5000 });
      const passages = db.prepare("SELECT p.id, p.text, d.id AS documentId, d.kind, d.themes, d.region FROM passages p JOIN documents d ON d.id = p.document_id").all() as Array<{ id: string; text: string; documentId: string; kind: string; themes: string; region: string | null }>;
      const items = passages.map((p) => ({ passageId: p.id, vector: fakeEmbedding(p.text), metadata: { documentId: p.documentId, kind: p.kind, themes: JSON.parse(p.themes) as string[], region: p.region ?? undefined } }));
      await local.upsert(items);
      await remote.upsert(items);
      for (const question of ["vrijwilligers betrokken houden", "geld en subsidie voor de energiecoöperatie", "samenwerken met de gemeente"]) {
        const vector = fakeEmbedding(question);
        const [a, b] = [await local.query(vector, 10), await remote.query(vector, 10)];
        expect(b.map((m) => m.passageId)).toEqual(a.map((m) => m.passageId)); // same vectors, same ranking
        for (let i = 0; i < a.length; i++) expect(b[i]!.score).toBeCloseTo(a[i]!.score, 5);
      }
      const query = pinecone.calls.filter((c) => c.path === "/query").at(-1)!;
      expect(query.body).toMatchObject({ namespace: "parity", topK: 10 });
    } finally {
      db.close();
    }
  });

  it("given Pinecone down, then questions are still answered from local full-text search", async () => {
    const dir = tempDir();
    const app = createApp(testConfig(dir.dir, env), createLogger("error"));
    await app.start();
    try {
      pinecone.down = true;
      const url = (app.channels[0] as WebChatChannel).url;
      const res = await fetch(`${url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: "Wat is een burgerbegroting?", conversationId: "p" }) });
      const reply = (await res.json()) as Reply;
      expect(reply.decision).toBe("answer");
      expect(reply.passages.length).toBeGreaterThan(0);
      expect(pinecone.calls.at(-1)!.path).toBe("/query");
    } finally {
      pinecone.down = false;
      await app.stop();
      dir.cleanup();
    }
  });
});
