import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type SlackCall = { method: string; body: Record<string, unknown>; response: Record<string, unknown> };

/**
 * A small Slack Web API on 127.0.0.1: it answers the methods the app calls the way Slack documents
 * them (`{ ok: true, … }`), and records every call for the test to assert on.
 */
export class FakeSlackApi {
  readonly calls: SlackCall[] = [];
  /** Methods to answer once with HTTP 429 and Retry-After (to test rate-limit handling). */
  readonly rateLimitOnce = new Set<string>();
  /** The Socket Mode URL apps.connections.open hands out. */
  socketUrl = "ws://127.0.0.1:9/none";
  /** Channels the bot is not a member of: posting there fails with not_in_channel. */
  readonly notInChannel = new Set<string>();
  private server = http.createServer((req, res) => void this.handle(req, res));
  private nextTs = 1_700_000_000;
  /** Files people shared, served at /files/<id>/<name> to a request with the bot token (as files.slack.com does). */
  readonly files = new Map<string, { name: string; bytes: Buffer }>();
  /** Who asked for which file, and with which authorization header. */
  readonly downloads: Array<{ id: string; authorization?: string }> = [];
  private base = "";
  /** Messages the app posted, by "channel:ts", so conversations.replies can return a thread's start. */
  private readonly posted = new Map<string, { ts: string; text: unknown }>();

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return `${this.base}/api/`;
  }

  /** Shares a file: returns the file object Slack puts in a message event (files[]). */
  shareFile(id: string, name: string, bytes: Buffer): Record<string, unknown> {
    this.files.set(id, { name, bytes });
    return { id, name, title: name, size: bytes.length, filetype: name.split(".").pop(), url_private: `${this.base}/files/${id}/${name}`, url_private_download: `${this.base}/files/${id}/download/${name}` };
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  callsTo(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async waitFor(method: string, count = 1, timeoutMs = 10_000): Promise<SlackCall[]> {
    const until = Date.now() + timeoutMs;
    while (this.callsTo(method).length < count) {
      if (Date.now() > until) throw new Error(`no ${count}× ${method} within ${timeoutMs} ms; calls: ${this.calls.map((c) => c.method).join(", ")}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    return this.callsTo(method);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const file = /^\/files\/([^/]+)\//.exec(req.url ?? "");
    if (file) {
      this.downloads.push({ id: file[1]!, authorization: req.headers.authorization });
      const stored = this.files.get(file[1]!);
      // Without the bot token Slack answers with its login page, not the file.
      if (!stored || req.headers.authorization !== "Bearer xoxb-test-token") {
        res.writeHead(200, { "content-type": "text/html" });
        res.end("<html><body>Sign in to Slack</body></html>");
        return;
      }
      res.writeHead(200, { "content-type": "application/octet-stream" });
      res.end(stored.bytes);
      return;
    }
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const method = (req.url ?? "").replace(/^\/api\//, "").split("?")[0]!;
    const type = req.headers["content-type"] ?? "";
    const body = type.includes("json") ? (JSON.parse(raw || "{}") as Record<string, unknown>) : Object.fromEntries(new URLSearchParams(raw));
    for (const key of ["blocks", "attachments", "view"]) if (typeof body[key] === "string") body[key] = JSON.parse(body[key] as string);
    if (this.rateLimitOnce.delete(method)) {
      this.calls.push({ method, body, response: { ok: false, error: "ratelimited" } });
      res.writeHead(429, { "content-type": "application/json", "retry-after": "1" });
      res.end(JSON.stringify({ ok: false, error: "ratelimited" }));
      return;
    }
    const response = method === "chat.postMessage" && this.notInChannel.has(String(body.channel))
      ? { ok: false, error: "not_in_channel" }
      : this.respond(method, body);
    this.calls.push({ method, body, response });
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(response));
  }

  private respond(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case "auth.test":
        return { ok: true, url: "https://vliegwiel-test.slack.com/", team: "Test", user: "vliegwiel", team_id: "T0TEST", user_id: "U0BOT", bot_id: "B0BOT" };
      case "apps.connections.open":
        return { ok: true, url: this.socketUrl };
      case "chat.postMessage": {
        const ts = `${this.nextTs++}.000100`;
        this.posted.set(`${body.channel}:${ts}`, { ts, text: body.text });
        return { ok: true, channel: body.channel, ts, message: { text: body.text } };
      }
      case "conversations.replies": {
        const first = this.posted.get(`${body.channel}:${body.ts}`);
        return { ok: true, messages: first ? [first] : [], has_more: false };
      }
      default:
        return { ok: true };
    }
  }
}

/** A form-encoded interactivity request (`payload=…`), signed, as Slack posts button presses. */
export function signedInteraction(secret: string, payload: object): { headers: Record<string, string>; body: string } {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return { headers: { ...signedSlackRequest(secret, body), "content-type": "application/x-www-form-urlencoded" }, body };
}

/** A request signed the way Slack signs them (v0 HMAC-SHA256 over timestamp and body). */
export function signedSlackRequest(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = `v0=${crypto.createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return { "content-type": "application/json", "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signature };
}
