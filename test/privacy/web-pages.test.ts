import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ingestSources } from "../../src/ingest/ingest-sources.js";
import type { KnowledgeStore } from "../../src/store/knowledge-store.js";
import { openTestStore, tempDir } from "../helpers/temp-knowledge.js";

const MB = 1024 * 1024;

/** A local web server for one test; `handler` answers every request. */
async function serve(handler: http.RequestListener): Promise<{ url: string; close(): void }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/pagina`, close: () => { server.closeAllConnections(); server.close(); } };
}

describe("web pages read into the knowledge store", () => {
  let temp: ReturnType<typeof tempDir>;
  let store: KnowledgeStore;
  beforeEach(() => {
    temp = tempDir();
    store = openTestStore(temp.dir);
  });
  afterEach(() => temp.cleanup());
  const ingest = (url: string, maxFileBytes = 20 * MB) => ingestSources({ store, knowledgeDir: path.join(temp.dir, "knowledge"), sources: [url], maxFileBytes });

  it("given a page without Content-Length that never ends, then reading stops at INGEST_MAX_FILE_MB with a clear reason", async () => {
    let sent = 0;
    let closed!: () => void;
    const clientGone = new Promise<void>((resolve) => (closed = resolve));
    const chunk = Buffer.from(`<p>${"vrijwilligers ".repeat(4600)}</p>\n`);
    const page = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" }); // chunked: no Content-Length
      res.on("close", closed);
      const pump = () => {
        while (!res.destroyed && sent < 200 * MB) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
      };
      pump();
    });
    try {
      const summary = await ingest(page.url, 1 * MB);
      expect(summary.failed).toEqual([{ source: page.url, reason: expect.stringMatching(/te groot \(maximum 1 MB\)/) }]);
      await clientGone;
      expect(sent).toBeLessThan(20 * MB); // it stopped reading long before the end
      expect(store.getDocument(page.url)).toBeUndefined();
    } finally {
      page.close();
    }
  });

  it("given HTML entities, then each is decoded once, by the HTML parser", async () => {
    const page = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end("<html><head><title>Co&ouml;peratie &amp; buurt</title></head><body><h1>De co&ouml;peratie</h1><p>Schrijf &amp;lt;b&amp;gt; letterlijk; 5 &lt; 6 &amp; caf&eacute; &#x263A;&nbsp;klaar.</p></body></html>");
    });
    try {
      const summary = await ingest(page.url);
      expect(summary.added).toEqual([page.url]);
      expect(store.getDocument(page.url)?.title).toBe("Coöperatie & buurt");
      const text = store.passagesOf(page.url).map((p) => p.text).join("\n");
      expect(text).toContain("De coöperatie");
      expect(text).toContain("Schrijf &lt;b&gt; letterlijk; 5 < 6 & café ☺ klaar.");
    } finally {
      page.close();
    }
  });
});
