import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import type { WebChatChannel } from "../../src/channels/web/web-chat-channel.js";
import { createLogger } from "../../src/logger.js";
import { openDatabase } from "../../src/store/open-database.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";

/** A POST from the chat page's side (same origin, JSON), optionally as a proxy on this machine forwarding a client. */
function post(base: string, path: string, body: object, forwardedFor?: string): Promise<{ status: number; retryAfter?: string; json: Record<string, unknown> }> {
  const url = new URL(path, base);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) },
    }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers["retry-after"] as string | undefined, json: JSON.parse(text) as Record<string, unknown> }));
    });
    req.on("error", reject);
    req.end(payload);
  });
}

const UNANSWERABLE = "Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest?";

describe("what one web chat client may send", () => {
  const temp = tempDir();
  let app: App | undefined;
  let now = Date.parse("2026-03-02T10:00:00Z");
  let db: ReturnType<typeof openDatabase> | undefined;
  const handoffStatus = (id: string) => (JSON.parse(db!.prepare("SELECT data FROM handoffs WHERE id = ?").pluck().get(id) as string) as { status: string }).status;
  afterEach(async () => {
    db?.close();
    db = undefined;
    await app?.stop();
    app = undefined;
    temp.cleanup();
  });
  const start = async (limits: Record<string, string>) => {
    const config = testConfig(temp.dir, limits);
    app = createApp(config, createLogger("error"), { clock: () => new Date(now) });
    await app.start();
    db = openDatabase(config.databasePath);
    return (app.channels[0] as WebChatChannel).url;
  };

  it("given more messages in a minute than allowed, then the next is refused in Dutch with Retry-After and not kept, and a minute later it goes", async () => {
    const url = await start({ WEB_MESSAGES_PER_MINUTE: "3", WEB_CONVERSATIONS_PER_HOUR: "0" });
    for (let i = 0; i < 3; i++) expect((await post(url, "/api/messages", { conversationId: "c1", text: `Wat is crowdfunding ${i}?` })).status).toBe(200);

    const refused = await post(url, "/api/messages", { conversationId: "c1", text: "Nog een vraag over subsidie?" });
    expect(refused.status).toBe(429);
    expect(refused.json.error).toMatch(/^Je stuurt veel berichten kort na elkaar\./);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
    const history = await (await fetch(`${url}/api/conversations/c1/messages?alles=1`)).json() as Array<{ text: string }>;
    expect(history.some((m) => m.text.includes("Nog een vraag"))).toBe(false);
    // A press counts too.
    expect((await post(url, "/api/actions", { conversationId: "c1", action: "close" })).status).toBe(429);

    now += 61_000;
    expect((await post(url, "/api/messages", { conversationId: "c1", text: "Nog een vraag over subsidie?" })).status).toBe(200);
  }, 60_000);

  it("given more new conversations in an hour than allowed, then a new one is refused while the ones under way go on", async () => {
    const url = await start({ WEB_MESSAGES_PER_MINUTE: "0", WEB_CONVERSATIONS_PER_HOUR: "2" });
    expect((await post(url, "/api/messages", { conversationId: "a", text: "Hoe vind ik vrijwilligers?" })).status).toBe(200);
    expect((await post(url, "/api/messages", { conversationId: "b", text: "Wat doet een tolk?" })).status).toBe(200);

    const third = await post(url, "/api/messages", { conversationId: "c", text: "Wat is een burgerbegroting?" });
    expect(third.status).toBe(429);
    expect(third.json.error).toMatch(/gesprekken begonnen/);
    expect((await post(url, "/api/messages", { conversationId: "a", text: "En hoe houd ik ze vast?" })).status).toBe(200);

    now += 3_601_000;
    expect((await post(url, "/api/messages", { conversationId: "c", text: "Wat is een burgerbegroting?" })).status).toBe(200);
  }, 60_000);

  it("given more questions passed on to the tolken in an hour than allowed, then 'share' and a typed 'ja' are refused, other questions still answered, and an hour later it goes", async () => {
    // The consent question stays open longer than the hour the clock jumps (no tick lets it lapse meanwhile).
    const url = await start({ WEB_MESSAGES_PER_MINUTE: "0", WEB_CONVERSATIONS_PER_HOUR: "0", WEB_HANDOFFS_PER_HOUR: "1", HANDOFF_CONSENT_TIMEOUT_MINUTES: "600" });
    const first = await post(url, "/api/messages", { conversationId: "a", text: UNANSWERABLE });
    expect(first.json.handoffId).toBeTruthy();
    expect((await post(url, "/api/actions", { conversationId: "a", action: "share", handoffId: first.json.handoffId, eventKey: "share:1" })).status).toBe(200);
    expect(handoffStatus(first.json.handoffId as string)).toBe("open");

    const second = await post(url, "/api/messages", { conversationId: "b", text: UNANSWERABLE });
    expect(second.json.handoffId).toBeTruthy();
    const pressed = await post(url, "/api/actions", { conversationId: "b", action: "share", handoffId: second.json.handoffId, eventKey: "share:2" });
    expect(pressed.status).toBe(429);
    expect(pressed.json.error).toMatch(/al een paar vragen aan de mensen van het netwerk doorgegeven/);
    expect((await post(url, "/api/messages", { conversationId: "b", text: "ja" })).status).toBe(429);
    expect(handoffStatus(second.json.handoffId as string)).toBe("awaiting_consent");
    expect((await post(url, "/api/messages", { conversationId: "c", text: "Wat is een vrije actor?" })).status).toBe(200);

    now += 3_601_000;
    expect((await post(url, "/api/messages", { conversationId: "b", text: "ja" })).status).toBe(200);
    expect(handoffStatus(second.json.handoffId as string)).toBe("open");
  }, 60_000);

  it("given an asker's other requests (an introduction), then they count with its messages", async () => {
    const url = await start({ WEB_MESSAGES_PER_MINUTE: "2", WEB_CONVERSATIONS_PER_HOUR: "0" });
    expect((await post(url, "/api/messages", { conversationId: "a", text: "Wat is crowdfunding?" })).status).toBe(200);
    expect((await post(url, "/api/introductions", { conversationId: "a", step: "start", initiativeId: "x" })).status).not.toBe(429);
    expect((await post(url, "/api/introductions", { conversationId: "a", step: "start", initiativeId: "x" })).status).toBe(429);
  }, 60_000);

  it("given clients behind a proxy on this machine, then each forwarded address has its own count, and an address a client writes first does not help it", async () => {
    const url = await start({ WEB_MESSAGES_PER_MINUTE: "1", WEB_CONVERSATIONS_PER_HOUR: "0" });
    expect((await post(url, "/api/messages", { conversationId: "x", text: "Wat is crowdfunding?" }, "203.0.113.7")).status).toBe(200);
    expect((await post(url, "/api/messages", { conversationId: "y", text: "Wat is crowdfunding?" }, "198.51.100.4")).status).toBe(200);
    // The proxy appends the address it saw; what the client sent before it is its own say.
    expect((await post(url, "/api/messages", { conversationId: "x", text: "Wat is een tolk?" }, "10.9.9.9, 203.0.113.7")).status).toBe(429);
  }, 60_000);
});
