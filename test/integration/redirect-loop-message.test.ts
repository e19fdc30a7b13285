import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicOnlyFetch } from "../../src/ingest/public-web-fetch.js";
import { readSource } from "../../src/ingest/read-source.js";

/** A page that sends every visitor on to another address of its own, without end. */
describe("a web page that redirects without end", () => {
  let server: http.Server;
  let url: string;

  beforeAll(async () => {
    let hop = 0;
    server = http.createServer((_req, res) => {
      res.writeHead(302, { location: `/verder-${++hop}` });
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const reasonOf = (read: Promise<unknown>) => read.then(() => "gelezen", (error: Error) => error.message);

  it("given kennis -- add (any address) and the chat (public addresses only), then both say the same: it redirects too often", async () => {
    const fromCommandLine = await reasonOf(readSource(url, 1024 * 1024));
    // The chat's fetch, with this test's own address allowed, so the loop itself is what stops it.
    const fromChat = await reasonOf(readSource(url, 1024 * 1024, publicOnlyFetch({ isAllowed: () => true })));
    expect(fromChat).toMatch(/verwijst te vaak door/);
    expect(fromCommandLine).toBe(fromChat);
  });
});
