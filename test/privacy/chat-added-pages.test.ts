import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDocumentFromChat } from "../../src/app/add-document-from-chat.js";
import { ingestSources } from "../../src/ingest/ingest-sources.js";
import { isPublicAddress } from "../../src/ingest/public-address.js";
import { publicOnlyFetch, type Lookup } from "../../src/ingest/public-web-fetch.js";
import { openTestStore, tempDir } from "../helpers/temp-knowledge.js";

const MB = 1024 * 1024;

describe("web pages added from chat read only the public internet", () => {
  const temp = tempDir();
  const knowledgeDir = path.join(temp.dir, "knowledge");
  const store = openTestStore(temp.dir);
  let server: http.Server;
  let local: string;
  let requests = 0;

  beforeAll(async () => {
    fs.mkdirSync(knowledgeDir);
    // A page on this machine, as the team page or a router's admin page would be.
    server = http.createServer((_req, res) => {
      requests++;
      res.writeHead(200, { "content-type": "text/html" }).end("<html><head><title>Beheer</title></head><body><p>Interne instellingen van de router.</p></body></html>");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    temp.cleanup();
  });

  it("given a link to this machine or a name that points there, then it is refused with a reason and nothing is read", async () => {
    const port = new URL(local).port;
    // Also the IPv6 forms that carry 127.0.0.1 (a URL writes [::ffff:127.0.0.1] as [::ffff:7f00:1]).
    for (const url of [`${local}/beheer`, `http://localhost:${port}/beheer`, `http://[::1]:${port}/`, `http://[::ffff:127.0.0.1]:${port}/beheer`, `http://[::ffff:7f00:1]:${port}/beheer`]) {
      const said = await addDocumentFromChat({ url }, { knowledgeDir, store, maxFileBytes: 20 * MB });
      expect(said).toContain("dit adres wijst naar deze computer of een intern netwerk");
    }
    expect(requests).toBe(0);
    expect(store.listDocuments()).toEqual([]);
  });

  describe("with a stand-in for the public internet (127.0.0.2) and names answered by a stand-in for DNS", () => {
    let publicSite: http.Server;
    let publicPort = 0;
    let redirectTo = "";
    const answers = new Map<string, string[]>();
    const lookup: Lookup = (hostname, _options, callback) => {
      const queue = answers.get(hostname);
      if (!queue?.length) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }), []);
      const address = queue.length > 1 ? queue.shift()! : queue[0]!;
      callback(null, [{ address, family: 4 }]);
    };
    const guarded = () => publicOnlyFetch({ lookup, isAllowed: (address) => address === "127.0.0.2" });

    beforeAll(async () => {
      publicSite = http.createServer((_req, res) => {
        if (redirectTo) return void res.writeHead(302, { location: redirectTo }).end();
        res.writeHead(200, { "content-type": "text/html" }).end("<html><head><title>Buurtbus</title></head><body><p>De buurtbus rijdt op dinsdag en vrijdag naar de markt.</p></body></html>");
      });
      await new Promise<void>((resolve) => publicSite.listen(0, "127.0.0.2", resolve));
      publicPort = (publicSite.address() as AddressInfo).port;
    });
    afterAll(() => new Promise((resolve) => publicSite.close(resolve)));

    it("given a name with allowed addresses, then the page is read through the guarded connection", async () => {
      answers.set("buurtbus.test", ["127.0.0.2"]);
      redirectTo = "";
      const summary = await ingestSources({ store, knowledgeDir, sources: [`http://buurtbus.test:${publicPort}/rooster`], maxFileBytes: 20 * MB, fetch: guarded() });
      expect(summary.added).toEqual([`http://buurtbus.test:${publicPort}/rooster`]);
      expect(store.listDocuments().map((d) => d.title)).toContain("Buurtbus");
    });

    it("given a page that redirects to this machine, by address or by name, then the redirect is not followed", async () => {
      const port = new URL(local).port;
      answers.set("publiek.test", ["127.0.0.2"]);
      answers.set("intern.test", ["127.0.0.1"]);
      for (const target of [`${local}/beheer`, `http://intern.test:${port}/beheer`]) {
        redirectTo = target;
        await expect(guarded()(`http://publiek.test:${publicPort}/pagina`)).rejects.toThrow(/wijst naar deze computer of een intern netwerk/);
      }
      expect(requests).toBe(0);
    });

    it("given a name that answers a public address first and this machine next (DNS rebinding), then the connection is refused", async () => {
      const port = new URL(local).port;
      answers.set("wissel.test", ["127.0.0.2", "127.0.0.1"]);
      await expect(guarded()(`http://wissel.test:${port}/beheer`)).rejects.toThrow(/wijst naar deze computer of een intern netwerk/);
      expect(requests).toBe(0);
    });
  });

  it("given the command line, then a maintainer may still read a page on this machine", async () => {
    const summary = await ingestSources({ store, knowledgeDir, sources: [`${local}/beheer`], maxFileBytes: 20 * MB });
    expect(summary.added).toEqual([`${local}/beheer`]);
    expect(requests).toBe(1);
  });

  it("given addresses of every kind, then only public ones count as public", () => {
    for (const address of ["93.184.216.34", "145.97.39.155", "2a00:1450:400e:80c::200e", "::ffff:93.184.216.34", "::ffff:5db8:d822", "2002:5db8:d822::1"]) {
      expect(isPublicAddress(address), address).toBe(true);
    }
    for (const address of [
      "127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "192.0.0.8",
      "::1", "::", "fd00::1", "fe80::1", "fec0::1", "ff02::1", "2001:db8::1", "niet-een-adres",
      // IPv4 inside IPv6: mapped (both spellings), compatible, NAT64, 6to4.
      "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:a9fe:a9fe", "::ffff:c0a8:1", "::127.0.0.1", "64:ff9b::7f00:1", "2002:c0a8:101::1",
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });
});
