import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import type { WebChatChannel } from "../../src/channels/web/web-chat-channel.js";
import type { Config } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { teamLinkSecret } from "../helpers/team-login.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";

const PUBLIC = "https://vliegwiel.example.org";

/** A raw request, so that Host can be what a proxy sends. */
function request(url: string, options: { method: string; headers: Record<string, string>; body?: string }): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method, headers: options.headers }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

/** The team view behind an HTTPS proxy (PUBLIC_BASE_URL). */
describe("the team view online", () => {
  const temp = tempDir();
  let app: App;
  let url: string;
  let config: Config;
  beforeAll(async () => {
    config = testConfig(temp.dir, { PUBLIC_BASE_URL: PUBLIC });
    app = createApp(config, createLogger("error"));
    await app.start();
    url = (app.channels[0] as WebChatChannel).url;
  });
  afterAll(async () => {
    await app?.stop();
    temp.cleanup();
  });

  it("given the proxy's Host and Origin, then login works and the cookie is Secure; another host name is refused", async () => {
    const body = JSON.stringify({ token: teamLinkSecret(config.databasePath, "tolk") });
    const login = await request(`${url}/api/tolk/sessie`, { method: "POST", headers: { host: "vliegwiel.example.org", origin: PUBLIC, "content-type": "application/json" }, body });
    expect(login.status).toBe(200);
    expect(String(login.headers["set-cookie"])).toMatch(/HttpOnly; SameSite=Strict; Path=\/; Max-Age=\d+; Secure$/);
    const cookie = String(login.headers["set-cookie"]).split(";")[0]!;
    const team = await request(`${url}/api/tolk/handoffs`, { method: "GET", headers: { host: "vliegwiel.example.org", cookie } });
    expect(team.status).toBe(200);
    const elsewhere = await request(`${url}/api/tolk/handoffs`, { method: "GET", headers: { host: "vliegwiel.attacker.example", cookie } });
    expect(elsewhere.status).toBe(421);
    const crossSite = await request(`${url}/api/tolk/sessie`, { method: "POST", headers: { host: "vliegwiel.example.org", origin: "https://attacker.example", "content-type": "application/json" }, body });
    expect(crossSite.status).toBe(403);
  });
});
