import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, launchBrowser } from "../helpers/browser.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";
import { startWebServer, type WebServer } from "../helpers/web-server.js";

/** A raw request, for methods fetch will not send as they are (and to see every header). */
function request(url: string, method: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** What a curious visitor or a script meets at the edges of the web server. */
describe("the web server's edges", () => {
  const temp = tempDir();
  let web: WebServer;
  beforeAll(async () => {
    web = await startWebServer(testConfig(temp.dir));
  });
  afterAll(async () => {
    await web?.stop();
    temp.cleanup();
  });

  it("given DELETE or PUT, then 405 says in Dutch that the method is not allowed, with an Allow header", async () => {
    const page = await request(`${web.url}/`, "DELETE");
    expect(page.status).toBe(405);
    expect(page.headers.allow).toBe("GET");
    expect(JSON.parse(page.body).error).toBe("Deze methode (DELETE) is hier niet toegestaan. Toegestaan: GET.");
    const api = await request(`${web.url}/api/messages`, "PUT", { accept: "text/html" });
    expect(api.status).toBe(405);
    expect(api.headers.allow).toBe("GET, POST");
    expect(api.headers["content-type"]).toMatch(/^text\/html/);
    expect(api.body).toContain("niet toegestaan");
  });

  it("given an unknown address, then a browser gets a small Dutch page and an API client JSON", async () => {
    const browser = await request(`${web.url}/tolk/bestaatniet`, "GET", { accept: "text/html,application/xhtml+xml,*/*;q=0.8" });
    expect(browser.status).toBe(404);
    expect(browser.headers["content-type"]).toMatch(/^text\/html/);
    expect(browser.body).toMatch(/<html lang="nl">.*Deze pagina bestaat niet\..*<a href="\/">Naar de chat<\/a>/s);
    const client = await request(`${web.url}/tolk/bestaatniet`, "GET", { accept: "application/json" });
    expect(client.status).toBe(404);
    expect(JSON.parse(client.body)).toEqual({ error: "Niet gevonden." });
  });

  it("given HEAD (a link checker, a monitor), then the headers of GET come back without a body", async () => {
    for (const [path, status, type] of [["/", 200, /^text\/html/], ["/healthz", 200, /^application\/json/], ["/favicon.svg", 200, /^image\/svg/], ["/bestaatniet", 404, /^application\/json/]] as const) {
      const res = await request(`${web.url}${path}`, "HEAD");
      expect(res.status, path).toBe(status);
      expect(res.headers["content-type"], path).toMatch(type);
      expect(res.body, path).toBe("");
    }
  });

  it("given a message without text, then the error says so in words an asker understands (no field names)", async () => {
    const res = await fetch(`${web.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ conversationId: "rand" }) });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: string };
    expect(error).toBe("Er kwam geen bericht mee. Typ je vraag en verstuur hem opnieuw.");
  });

  it("given a request for the icon, then there is one", async () => {
    for (const icon of ["/favicon.ico", "/favicon.svg"]) {
      const res = await fetch(`${web.url}${icon}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/svg+xml");
      expect(await res.text()).toMatch(/^<svg /);
    }
  });

  describe.skipIf(!CHROMIUM)("in a real browser", () => {
    it("given each page opened, then the browser reports no error and no failed request", async () => {
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage();
        const problems: string[] = [];
        page.on("console", (message) => { if (message.type() === "error") problems.push(`${page.url()}: ${message.text()}`); });
        page.on("response", (response) => { if (response.status() >= 400 && !response.url().includes("/api/")) problems.push(`${response.status()} ${response.url()}`); });
        const answer = (await (await fetch(`${web.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ conversationId: "icoon", text: "Wat is een burgerbegroting?" }) })).json()) as { sources: { documentId: string }[] };
        for (const path of ["/", "/initiatief", `/bron/${encodeURIComponent(answer.sources[0]!.documentId)}`]) {
          await page.goto(`${web.url}${path}`);
          await page.waitForLoadState("networkidle");
        }
        const icon = await page.evaluate(() => (document.querySelector('link[rel="icon"]') as HTMLLinkElement | null)?.href);
        expect(icon).toBe(`${web.url}/favicon.svg`);
        expect(problems).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  });
  it("given a body over the limit on any asker route (a question, an introduction, a lesson, a profile), then each answers 413 with the same Dutch message", async () => {
    const origin = new URL(web.url).origin;
    for (const route of ["/api/messages", "/api/introductions", "/api/introductions/lesson", "/api/gids/profiles"]) {
      const res = await fetch(`${web.url}${route}`, { method: "POST", headers: { "content-type": "application/json", origin }, body: JSON.stringify({ text: "x".repeat(300_000) }) });
      expect(res.status, route).toBe(413);
      expect(await res.json(), route).toEqual({ error: "Je bericht is te lang om te versturen." });
      const bad = await fetch(`${web.url}${route}`, { method: "POST", headers: { "content-type": "application/json", origin }, body: "{nope" });
      expect(bad.status, route).toBe(400);
    }
  });
});
