import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FaultDecision = "drop" | "lose-response" | "reset" | "unavailable" | "hold" | "land-then-fatal-error";

export type SlackCall = { method: string; body: Record<string, unknown>; response: Record<string, unknown> };

/**
 * A small Slack Web API on 127.0.0.1: it answers the methods the app calls the way Slack documents
 * them (`{ ok: true, … }`), and records every call for the test to assert on.
 */
export class FakeSlackApi {
  readonly calls: SlackCall[] = [];
  /** Real names users.info gives, by user id (others get "Gebruiker <id>"). */
  readonly userNames = new Map<string, string>();
  /** Methods to answer once with HTTP 429 and Retry-After (to test rate-limit handling). */
  readonly rateLimitOnce = new Set<string>();
  /** The Socket Mode URL apps.connections.open hands out. */
  socketUrl = "ws://127.0.0.1:9/none";
  /** Channels the bot is not a member of: posting there fails with not_in_channel (conversations.join adds it). */
  readonly notInChannel = new Set<string>();
  /** Channels the bot may not join by itself (private): conversations.join fails. */
  readonly cannotJoin = new Set<string>();
  /** Channels that are archived: posting there fails with is_archived. */
  readonly archived = new Set<string>();
  /**
   * Errors to answer (`ok: false`, HTTP 200) for the next calls of a method, anywhere or in one channel:
   * `failNext.set("chat.postMessage", ["internal_error"])`, `failNext.set("chat.postMessage C0VRAGEN", […])`.
   */
  readonly failNext = new Map<string, string[]>();
  /**
   * Called with each request before it is carried out; what it returns decides: "drop" answers
   * nothing and carries out nothing (the request never arrived), "lose-response" carries it out but
   * never answers (a crash or cut connection while it was in flight). It may also wait.
   * Further: "reset" carries out nothing and resets the connection (the client sees ECONNRESET);
   * "unavailable" carries out nothing and answers HTTP 503; "hold" carries it out and never answers
   * (the client's time-out closes it); "land-then-fatal-error" carries it out and answers `ok: false,
   * error: fatal_error` (Slack documents that a fatal_error may have partly succeeded).
   */
  onRequest?: (method: string, body: Record<string, unknown>) => Promise<FaultDecision | void> | FaultDecision | void;
  /** Called after a request was carried out and answered. */
  onAnswered?: (call: SlackCall) => void;
  private server = http.createServer((req, res) => void this.handle(req, res));
  private sequence = 0;
  /** Every message posted, in order, with its metadata: what conversations.history and .replies return. */
  readonly messages: Array<{ channel: string; ts: string; thread_ts?: string; text: unknown; blocks?: unknown; metadata?: unknown }> = [];
  /** Files people shared, served at /files/<id>/<name> to a request with the bot token (as files.slack.com does). */
  readonly files = new Map<string, { name: string; bytes: Buffer }>();
  /** Who asked for which file, and with which authorization header. */
  readonly downloads: Array<{ id: string; authorization?: string }> = [];
  private base = "";

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
    const decision = await this.onRequest?.(method, body);
    if (decision === "drop") {
      res.destroy();
      return;
    }
    if (decision === "reset") {
      req.socket.resetAndDestroy();
      return;
    }
    if (decision === "unavailable") {
      res.writeHead(503, { "content-type": "text/plain" });
      res.end("upstream connect error or disconnect/reset before headers");
      return;
    }
    if (this.rateLimitOnce.delete(method)) {
      this.calls.push({ method, body, response: { ok: false, error: "ratelimited" } });
      res.writeHead(429, { "content-type": "application/json", "retry-after": "1" });
      res.end(JSON.stringify({ ok: false, error: "ratelimited" }));
      return;
    }
    const carriedOut = this.injectedError(method, body) ?? this.respond(method, body);
    const response = decision === "land-then-fatal-error" && carriedOut.ok ? { ok: false, error: "fatal_error" } : carriedOut;
    const call = { method, body, response };
    this.calls.push(call);
    if (decision === "lose-response") {
      res.destroy();
      return;
    }
    if (decision === "hold") return;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(response), () => this.onAnswered?.(call));
  }

  /** Posts (chat.postMessage) that landed, optionally only those in one channel. */
  posts(channel?: string): SlackCall[] {
    return this.callsTo("chat.postMessage").filter((c) => c.response.ok && (!channel || c.body.channel === channel));
  }

  private injectedError(method: string, body: Record<string, unknown>): Record<string, unknown> | undefined {
    const channel = String(body.channel ?? "");
    // "chat.postMessage C0VRAGEN" fails only there; "chat.postMessage" anywhere.
    const queued = [this.failNext.get(`${method} ${channel}`), this.failNext.get(method)].find((q) => q?.length);
    if (queued?.length) return { ok: false, error: queued.shift() };
    if (method === "chat.postMessage" || method === "chat.update" || method === "chat.postEphemeral") {
      const refused = refusedMessage(body);
      if (refused) return { ok: false, error: refused };
    }
    if (method === "chat.postMessage" || method === "chat.update") {
      if (this.archived.has(channel)) return { ok: false, error: "is_archived" };
      if (this.notInChannel.has(channel)) return { ok: false, error: "not_in_channel" };
    }
    return undefined;
  }

  private respond(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case "auth.test":
        return { ok: true, url: "https://vliegwiel-test.slack.com/", team: "Test", user: "vliegwiel", team_id: "T0TEST", user_id: "U0BOT", bot_id: "B0BOT" };
      case "apps.connections.open":
        return { ok: true, url: this.socketUrl };
      case "chat.postMessage": {
        // Like Slack's: the posting time in seconds, unique per message.
        const ts = `${Math.floor(Date.now() / 1000)}.${String(++this.sequence).padStart(6, "0")}`;
        const metadata = typeof body.metadata === "string" ? JSON.parse(body.metadata) : body.metadata;
        this.messages.push({ channel: String(body.channel), ts, thread_ts: body.thread_ts as string | undefined, text: body.text, blocks: body.blocks, metadata });
        return { ok: true, channel: body.channel, ts, message: { text: body.text } };
      }
      case "users.info": {
        // Slack's user object: the name people see is profile.display_name, else profile.real_name.
        const id = String(body.user);
        const realName = this.userNames.get(id) ?? `Gebruiker ${id}`;
        return { ok: true, user: { id, name: id.toLowerCase(), real_name: realName, profile: { display_name: "", real_name: realName } } };
      }
      case "conversations.replies": {
        // The thread's first message, then its replies; metadata only when asked for, as Slack does.
        const thread = this.messages.filter((m) => m.channel === body.channel && (m.ts === body.ts || m.thread_ts === body.ts));
        return { ok: true, ...paged(thread.map((m) => this.shown(m, body)), body, 1000) };
      }
      case "conversations.history": {
        const oldest = Number(body.oldest ?? 0);
        const top = this.messages.filter((m) => m.channel === body.channel && !m.thread_ts && Number(m.ts) >= oldest).reverse();
        return { ok: true, ...paged(top.map((m) => this.shown(m, body)), body, 100) };
      }
      case "conversations.info": {
        const id = String(body.channel);
        return { ok: true, channel: { id, name: id.toLowerCase(), is_channel: true, is_archived: this.archived.has(id), is_member: !this.notInChannel.has(id) } };
      }
      case "conversations.open": {
        // One user: the DM with the bot ("D…"); several: a group DM of them and the bot ("G…"); the same
        // people get the same conversation again, as Slack does.
        const users = String(body.users ?? "").split(",").map((u) => u.trim()).filter(Boolean).sort();
        if (!users.length) return { ok: false, error: "users_list_not_supplied" };
        if (users.length > 8) return { ok: false, error: "too_many_users" };
        const id = `${users.length === 1 ? "D" : "G"}${users.join("").replace(/[^A-Z0-9]/g, "").slice(0, 16)}`;
        return { ok: true, channel: { id, ...(users.length === 1 ? { is_im: true, user: users[0] } : { is_mpim: true }) } };
      }
      case "views.open":
      case "views.update":
      case "views.push": {
        // Slack answers with the view as stored: an id, and the view's own fields.
        const view = (typeof body.view === "string" ? JSON.parse(body.view) : body.view) as Record<string, unknown> | undefined;
        if (method === "views.open" && !body.trigger_id) return { ok: false, error: "invalid_trigger_id" };
        if (!view?.type) return { ok: false, error: "invalid_arguments" };
        const id = String(body.view_id ?? `V${String(++this.sequence).padStart(8, "0")}`);
        return { ok: true, view: { id, ...view, state: { values: {} }, hash: `h${this.sequence}` } };
      }
      case "conversations.join":
        if (this.cannotJoin.has(String(body.channel))) return { ok: false, error: "method_not_supported_for_channel_type" };
        this.notInChannel.delete(String(body.channel));
        return { ok: true, channel: { id: body.channel, is_member: true } };
      default:
        return { ok: true };
    }
  }

  private shown(m: FakeSlackApi["messages"][number], body: Record<string, unknown>): Record<string, unknown> {
    const withMetadata = body.include_all_metadata === true || body.include_all_metadata === "true";
    return { type: "message", ts: m.ts, text: m.text, ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}), ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}) };
  }
}

/**
 * One page of `messages` as Slack pages conversations.history and .replies: at most `limit` (Slack's
 * default when not given), from the opaque `cursor` of the page before; `has_more` and
 * `response_metadata.next_cursor` say where the next page starts.
 */
function paged(messages: Array<Record<string, unknown>>, body: Record<string, unknown>, defaultLimit: number): Record<string, unknown> {
  const limit = Math.min(Math.max(Number(body.limit) || defaultLimit, 1), 1000);
  const from = body.cursor ? Number(Buffer.from(String(body.cursor), "base64").toString("utf8").replace(/^next:/, "")) : 0;
  const page = messages.slice(from, from + limit);
  const more = from + limit < messages.length;
  return { messages: page, has_more: more, response_metadata: { next_cursor: more ? Buffer.from(`next:${from + limit}`).toString("base64") : "" } };
}

/** Slack's limits for a message: `text` at most 40 000 characters, at most 50 blocks, a section's text at most 3000. */
export const SLACK_LIMITS = { text: 40_000, blocks: 50, sectionText: 3000 } as const;

/** The error Slack answers for a message beyond its limits (msg_too_long, invalid_blocks), or undefined. */
function refusedMessage(body: Record<string, unknown>): string | undefined {
  if (typeof body.text === "string" && body.text.length > SLACK_LIMITS.text) return "msg_too_long";
  const blocks = Array.isArray(body.blocks) ? (body.blocks as Array<{ type?: string; text?: { text?: unknown } }>) : [];
  if (blocks.length > SLACK_LIMITS.blocks) return "invalid_blocks";
  const tooLong = blocks.some((b) => b.type === "section" && typeof b.text?.text === "string" && (b.text.text.length > SLACK_LIMITS.sectionText || b.text.text.length === 0));
  return tooLong ? "invalid_blocks" : undefined;
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
