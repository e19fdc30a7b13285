import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";
import { startWebServer, type WebServer } from "../helpers/web-server.js";

/**
 * Promise: an address that does not exist gives a browser a short Dutch page and an API client JSON
 * (404) (README, The team view online). A conversation address with a broken escape ("%E0", from a
 * cut-off link or a scanner) names no conversation: it is not found, not a server error with an error line in the log.
 */
describe("web chat addresses with a malformed escape", () => {
  const temp = tempDir();
  let web: WebServer;
  beforeAll(async () => {
    web = await startWebServer(testConfig(temp.dir));
  });
  afterAll(async () => {
    await web?.stop();
    temp.cleanup();
  });

  for (const path of ["/api/conversations/%E0/messages", "/api/conversations/web-%ZZ/handoff", "/api/conversations/%/messages?alles=1"]) {
    it(`given GET ${path}, then 404 with a Dutch JSON error, not 500`, async () => {
      const res = await fetch(`${web.url}${path}`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: "Niet gevonden." });
    });
  }

  it("given a well-formed escaped conversation id, then its feed and handoff are read as before", async () => {
    const conversationId = "web-ä b";
    await fetch(`${web.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ conversationId, userId: "u-1", text: "hoi" }) });
    const feed = (await (await fetch(`${web.url}/api/conversations/${encodeURIComponent(conversationId)}/messages?alles=1`)).json()) as Array<{ author: string }>;
    expect(feed.map((m) => m.author)).toEqual(["vrager", "antwoord"]);
    expect(await (await fetch(`${web.url}/api/conversations/${encodeURIComponent(conversationId)}/handoff`)).json()).toEqual({ handoff: null });
  });
});
