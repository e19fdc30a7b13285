import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ingestSources } from "../../src/ingest/ingest-sources.js";
import type { KnowledgeStore } from "../../src/store/knowledge-store.js";
import { openTestStore, tempDir } from "../helpers/temp-knowledge.js";

/**
 * A web page that stops halfway (the server stalls, or the connection drops) is a failure with a
 * reason that says what happened and what to do, not "onverwachte fout".
 */
describe("a web page that does not come in whole", () => {
  let cleanup: () => void;
  let store: KnowledgeStore;
  let server: http.Server;
  let dir: string;

  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    store = openTestStore(dir);
  });
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    cleanup();
  });

  /** A server that sends the headers and the start of a page, then does what `then` says with the connection. */
  async function halfPage(then: (res: http.ServerResponse) => void): Promise<string> {
    server = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.write("<html><body><h1>Buurtkamer</h1><p>De buurtkamer is open op");
      then(res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/buurtkamer`;
  }

  it("given a page that stalls after its first bytes, then its reason says it did not answer in time", async () => {
    const url = await halfPage(() => undefined); // nothing more is sent
    // The real fetch, with a short wait instead of the 30 seconds (the page's stall is real).
    const shortWait: typeof fetch = (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(300) });
    const summary = await ingestSources({ store, knowledgeDir: dir, sources: [url], maxFileBytes: 1024 * 1024, fetch: shortWait });
    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0]!.reason).toBe("de pagina antwoordde niet op tijd; probeer het later nog eens");
    expect(store.getDocument(url)).toBeUndefined();
  });

  it("given a page whose connection drops halfway, then its reason says the connection was lost", async () => {
    const url = await halfPage((res) => setImmediate(() => res.socket?.destroy()));
    const summary = await ingestSources({ store, knowledgeDir: dir, sources: [url], maxFileBytes: 1024 * 1024 });
    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0]!.reason).toBe("de verbinding met de pagina viel weg tijdens het lezen; probeer het later nog eens");
    expect(store.getDocument(url)).toBeUndefined();
  });

  it("given a server that never answers at all, then its reason says it did not answer in time", async () => {
    server = http.createServer(() => undefined); // accepts, never responds
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/stil`;
    const shortWait: typeof fetch = (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(300) });
    const summary = await ingestSources({ store, knowledgeDir: dir, sources: [url], maxFileBytes: 1024 * 1024, fetch: shortWait });
    expect(summary.failed[0]!.reason).toBe("de pagina antwoordde niet op tijd; probeer het later nog eens");
  });
});
