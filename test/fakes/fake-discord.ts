import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

export type DiscordCall = { method: string; path: string; body: Record<string, unknown>; auth?: string };

export const BOT = { id: "900000000000000001", username: "Vliegwiel", discriminator: "0", global_name: null, bot: true, avatar: null };
/** A token in Discord's shape (the fake only checks that the bot sends it). */
export const TOKEN = "OTAwMDAwMDAwMDAwMDAwMDAx.GfAkE0.fake-discord-token-for-tests-only";
export const APPLICATION_ID = "900000000000000002";
export const GUILD_ID = "910000000000000001";
export const GENERAL = "920000000000000001"; //       a text channel where people chat
export const AUTO_ANSWER = "920000000000000002"; //   a forum for questions, answered without a mention
export const HANDOFF_FORUM = "920000000000000003"; // the tolken's forum
export const TOLK_ROLE = "930000000000000001";
export const KNOWLEDGE_ROLE = "930000000000000002";

type Channel = Record<string, unknown> & { id: string; type: number };
type Session = { socket: WebSocket; sessionId: string; seq: number; sent: Array<{ s: number; t: string; d: unknown }>; identified: boolean };

/**
 * Discord on 127.0.0.1: the REST API (v10) the bot calls and the Gateway WebSocket it listens on.
 * The gateway speaks the documented protocol (HELLO, IDENTIFY → READY, heartbeats with ACKs, RESUME
 * with replay, RECONNECT), and the test injects MESSAGE_CREATE and INTERACTION_CREATE dispatches.
 * Every REST call is recorded for the test to assert on; created threads are announced on the
 * gateway (THREAD_CREATE), the way Discord does.
 */
export class FakeDiscord {
  readonly calls: DiscordCall[] = [];
  readonly identifies: Array<Record<string, unknown>> = [];
  readonly resumes: Array<Record<string, unknown>> = [];
  heartbeats = 0;
  /** Refuse the privileged Message Content intent (close 4014), as Discord does when it is not enabled. */
  refuseMessageContent = false;
  /** Paths to answer once with 429 and Retry-After (discord.js must wait and retry). */
  readonly rateLimitOnce = new Set<string>();
  /** Files served at /attachments/<name>, as Discord's CDN would. */
  readonly attachments = new Map<string, Buffer>();
  readonly channels = new Map<string, Channel>();
  /** Every message created (by REST), by id, as GET /channels/:id/messages/:id returns it. */
  readonly messages = new Map<string, Record<string, unknown>>();
  /**
   * Called with each REST request before it is carried out: "drop" carries out nothing and answers
   * nothing; "lose-response" carries it out but never answers (a crash or cut connection in flight).
   */
  onRequest?: (method: string, path: string, body: Record<string, unknown>) => Promise<"drop" | "lose-response" | void> | "drop" | "lose-response" | void;
  /** Called once an answer to a REST request has been sent. */
  onAnswered?: () => void;
  /** Answers to give instead of carrying out a request, once each: `failNext.push({ method: "POST", path: /threads$/, status: 500 })`. */
  readonly failNext: Array<{ method: string; path: RegExp; status: number; code?: number }> = [];
  /** Messages people wrote (dispatched on the gateway), which GET /channels/:id/messages/:id also returns. */
  private readonly peopleMessages = new Map<string, Record<string, unknown>>();
  /** Messages created per nonce (with enforce_nonce), as Discord keeps them for a few minutes. */
  private readonly nonces = new Map<string, Record<string, unknown>>();
  private readonly server = http.createServer((req, res) => void this.handleRest(req, res));
  private readonly wss = new WebSocketServer({ noServer: true });
  private session: Session | undefined;
  private readonly sessions = new Map<string, Session>();
  private nextId = 1n;
  /** The original response message of each interaction, by interaction token. */
  private readonly originals = new Map<string, string>();
  /** An interaction's original message (its reply, or the deferred "denkt na…"), by the interaction's token. */
  readonly originalMessages = new Map<string, Record<string, unknown>>();
  private readonly interactionTokens = new Map<string, { channelId: string; createdAt: number }>();
  private base = "";

  constructor() {
    this.server.on("upgrade", (req, socket, head) => {
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws));
    });
    const forumTags = [
      { id: "940000000000000001", name: "open", moderated: false, emoji_id: null, emoji_name: null },
      { id: "940000000000000002", name: "opgepakt", moderated: false, emoji_id: null, emoji_name: null },
      { id: "940000000000000003", name: "afgesloten", moderated: false, emoji_id: null, emoji_name: null },
      { id: "940000000000000004", name: "financiering", moderated: false, emoji_id: null, emoji_name: null },
    ];
    for (const channel of [
      { id: GENERAL, type: 0, name: "algemeen" },
      { id: AUTO_ANSWER, type: 15, name: "vraag-het-vliegwiel", available_tags: [] },
      { id: HANDOFF_FORUM, type: 15, name: "vragen-voor-tolken", available_tags: forumTags },
    ]) {
      this.channels.set(channel.id, { ...channel, guild_id: GUILD_ID, position: 0, permission_overwrites: [], parent_id: null, nsfw: false });
    }
  }

  /** Starts the server; returns the REST base URL to give discord.js (`rest.api`). */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.base = `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return `http://${this.base}/api`;
  }

  async stop(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  /** Where the fake CDN serves an attachment set in `attachments`. */
  attachmentUrl(name: string): string {
    return `http://${this.base}/attachments/${encodeURIComponent(name)}`;
  }

  id(): string {
    return (950000000000000000n + this.nextId++).toString();
  }

  callsTo(method: string, pathPattern: RegExp): DiscordCall[] {
    return this.calls.filter((c) => c.method === method && pathPattern.test(c.path));
  }

  async waitFor(method: string, pathPattern: RegExp, count = 1, timeoutMs = 10_000): Promise<DiscordCall[]> {
    const until = Date.now() + timeoutMs;
    while (this.callsTo(method, pathPattern).length < count) {
      if (Date.now() > until) {
        throw new Error(`no ${count}× ${method} ${pathPattern} within ${timeoutMs} ms; calls: ${this.calls.map((c) => `${c.method} ${c.path}`).join(", ")}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.callsTo(method, pathPattern);
  }

  async waitUntil(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Resolves once a client has identified and received READY and GUILD_CREATE. */
  waitForReady(): Promise<void> {
    return this.waitUntil(() => !!this.session?.identified, "READY");
  }

  /** Sends a dispatch (op 0) to the connected client, with the next sequence number. */
  dispatch(t: string, d: unknown): void {
    const session = this.session;
    if (!session) throw new Error("no gateway connection");
    const s = ++session.seq;
    this.trace(`gateway ${session.sessionId} s=${s} ${t} (socket state ${session.socket.readyState})`);
    session.sent.push({ s, t, d });
    session.socket.send(JSON.stringify({ op: 0, t, s, d }));
  }

  /** Asks the client to reconnect and resume (op 7), as Discord does before moving a session. */
  requestReconnect(): void {
    this.session?.socket.send(JSON.stringify({ op: 7, d: null }));
  }

  /** Replays a dispatch the client has seen before: Discord may deliver again around a resume. */
  replayLast(t: string): void {
    const session = this.session!;
    const last = [...session.sent].reverse().find((e) => e.t === t);
    if (!last) throw new Error(`nothing to replay of ${t}`);
    session.socket.send(JSON.stringify({ op: 0, ...last }));
  }

  /** Discord keeps a nonce for a few minutes only: after this, a post with a nonce seen before is a new message again. */
  forgetNonces(): void {
    this.nonces.clear();
  }

  /** A forum post (a thread) a person opens in a forum channel: announced with THREAD_CREATE. */
  personThread(parentId: string, name: string): string {
    const id = this.id();
    const thread: Channel = {
      id, type: 11, guild_id: GUILD_ID, parent_id: parentId, name, owner_id: "960000000000000001", applied_tags: [],
      thread_metadata: { archived: false, auto_archive_duration: 1440, locked: false, archive_timestamp: new Date().toISOString() },
      message_count: 0, member_count: 1, rate_limit_per_user: 0,
    };
    this.channels.set(id, thread);
    this.dispatch("THREAD_CREATE", { ...thread, newly_created: true });
    return id;
  }

  /** A person's message in a channel, shaped as Discord's MESSAGE_CREATE. */
  message(input: {
    channelId: string; content: string; author?: Partial<typeof BOT> & { id: string; username: string }; mentionsBot?: boolean; roles?: string[]; guild?: boolean;
    attachments?: Array<{ filename: string; url: string }>;
  }): Record<string, unknown> {
    const author = { discriminator: "0", global_name: null, avatar: null, ...(input.author ?? { id: "960000000000000001", username: "anna" }) };
    const inGuild = input.guild ?? this.channels.has(input.channelId);
    const data = {
      id: this.id(),
      type: 0,
      channel_id: input.channelId,
      channel_type: this.channels.get(input.channelId)?.type ?? 1,
      ...(inGuild ? { guild_id: GUILD_ID, member: { roles: input.roles ?? [], joined_at: "2026-01-01T00:00:00.000Z", deaf: false, mute: false, flags: 0 } } : {}),
      author,
      content: input.content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: input.mentionsBot ? [BOT] : [],
      mention_roles: [],
      attachments: (input.attachments ?? []).map((a) => ({ id: this.id(), filename: a.filename, size: 1000, url: a.url, proxy_url: a.url })),
      embeds: [],
      pinned: false,
      flags: 0,
      components: [],
    };
    this.peopleMessages.set(data.id, data);
    return data;
  }

  /** An interaction (slash command or button press), shaped as Discord's INTERACTION_CREATE. */
  interaction(input: {
    /** 2: slash command, 3: button press, 5: modal submit. */
    type: 2 | 3 | 5;
    channelId: string;
    data: Record<string, unknown>;
    user?: { id: string; username: string };
    roles?: string[];
    message?: Record<string, unknown>;
    /** When the user acted (default now): its id is a snowflake of that time, and its token lasts 15 minutes from then. */
    createdAt?: number;
  }): Record<string, unknown> & { id: string; token: string } {
    const user = { discriminator: "0", global_name: null, avatar: null, ...(input.user ?? { id: "960000000000000001", username: "anna" }) };
    const channel = this.channels.get(input.channelId);
    const inGuild = !!channel;
    const createdAt = input.createdAt ?? Date.now();
    // A real snowflake: milliseconds since Discord's epoch (2015) above 22 bits of counter.
    const id = ((BigInt(createdAt) - 1_420_070_400_000n) << 22n | (this.nextId++ & 0x3fffffn)).toString();
    this.interactionTokens.set(`interaction-token-${this.nextId}`, { channelId: input.channelId, createdAt });
    return {
      id,
      application_id: APPLICATION_ID,
      type: input.type,
      token: `interaction-token-${this.nextId}`,
      version: 1,
      data: input.data,
      channel_id: input.channelId,
      channel: channel ?? { id: input.channelId, type: 1 },
      ...(inGuild
        ? { guild_id: GUILD_ID, guild_locale: "nl", member: { user, roles: input.roles ?? [], permissions: "2248473465835073", joined_at: "2026-01-01T00:00:00.000Z", deaf: false, mute: false, flags: 0 } }
        : { user }),
      ...(input.message ? { message: input.message } : {}),
      app_permissions: "2248473465835073",
      locale: "nl",
      entitlements: [],
      authorizing_integration_owners: { 0: GUILD_ID },
      context: inGuild ? 0 : 1,
      attachment_size_limit: 10_485_760,
    };
  }

  private onConnection(socket: WebSocket): void {
    const hello = { op: 10, d: { heartbeat_interval: 1_000 } };
    let session: Session | undefined;
    socket.on("message", (raw) => {
      const payload = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> & { seq?: number; session_id?: string } };
      switch (payload.op) {
        case 1: // heartbeat
          this.heartbeats++;
          socket.send(JSON.stringify({ op: 11 }));
          return;
        case 2: {
          // identify: a new session
          this.identifies.push(payload.d);
          if (this.refuseMessageContent && (Number(payload.d.intents) & 32768) !== 0) {
            socket.close(4014, "Disallowed intent(s).");
            return;
          }
          session = { socket, sessionId: `session-${this.id()}`, seq: 0, sent: [], identified: false };
          this.sessions.set(session.sessionId, session);
          this.session = session;
          this.dispatch("READY", {
            v: 10,
            user: BOT,
            guilds: [{ id: GUILD_ID, unavailable: true }],
            session_id: session.sessionId,
            resume_gateway_url: `ws://${this.base}/gateway-resume`,
            shard: [0, 1],
            application: { id: APPLICATION_ID, flags: 0 },
          });
          this.dispatch("GUILD_CREATE", this.guild());
          session.identified = true;
          return;
        }
        case 6: {
          // resume: replay what the client missed, then RESUMED
          this.resumes.push(payload.d);
          const previous = this.sessions.get(String(payload.d.session_id));
          if (!previous) {
            socket.send(JSON.stringify({ op: 9, d: false }));
            return;
          }
          previous.socket = socket;
          session = previous;
          this.session = previous;
          for (const event of previous.sent.filter((e) => e.s > Number(payload.d.seq ?? 0))) socket.send(JSON.stringify({ op: 0, ...event }));
          this.dispatch("RESUMED", null);
          return;
        }
        default:
          return;
      }
    });
    socket.send(JSON.stringify(hello));
  }

  private guild(): Record<string, unknown> {
    return {
      id: GUILD_ID,
      name: "Netwerk van bewonersinitiatieven",
      icon: null,
      owner_id: "960000000000000099",
      features: [],
      member_count: 3,
      large: false,
      unavailable: false,
      joined_at: "2026-01-01T00:00:00.000Z",
      roles: [
        { id: GUILD_ID, name: "@everyone", permissions: "1071698660929", position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
        { id: TOLK_ROLE, name: "Tolk", permissions: "0", position: 1, color: 0, hoist: false, managed: false, mentionable: true, flags: 0 },
        { id: KNOWLEDGE_ROLE, name: "Kennisbeheer", permissions: "0", position: 2, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
      ],
      emojis: [],
      stickers: [],
      channels: [...this.channels.values()].filter((c) => c.type !== 11),
      // Active threads, as Discord sends them on (re)connecting.
      threads: [...this.channels.values()].filter((c) => c.type === 11),
      members: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      premium_tier: 0,
      preferred_locale: "nl",
    };
  }

  private async handleRest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const traceId = ++this.traced;
    this.trace(`#${traceId} <- ${req.method} ${req.url}`);
    res.on("finish", () => this.trace(`#${traceId} -> ${res.statusCode}`));
    res.on("close", () => !res.writableFinished && this.trace(`#${traceId} closed UNANSWERED`));
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const url = new URL(req.url ?? "/", `http://${this.base}`);
    const method = req.method ?? "GET";
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, "");
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, body === undefined ? headers : { "content-type": "application/json", ...headers });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    if (url.pathname.startsWith("/attachments/")) {
      const file = this.attachments.get(decodeURIComponent(url.pathname.slice("/attachments/".length)));
      if (!file) return send(404, { message: "Unknown attachment", code: 0 });
      res.writeHead(200, { "content-type": "application/octet-stream" });
      res.end(file);
      return;
    }
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const key = `${method} ${path}`;
    const decision = await this.onRequest?.(method, path, body);
    if (decision) this.trace(`#${traceId} decision ${decision}`);
    if (decision === "drop") {
      res.destroy();
      return;
    }
    if (decision === "lose-response") {
      // Carried out, but the answer never arrives.
      const swallow = { writeHead: () => swallow, end: () => res.destroy() } as unknown as http.ServerResponse;
      return this.route(method, path, url, body, key, req, swallow);
    }
    const injected = this.failNext.findIndex((f) => f.method === method && f.path.test(path));
    if (injected >= 0) {
      const [fault] = this.failNext.splice(injected, 1);
      this.calls.push({ method, path, body: { ...body, failedWith: fault!.status } });
      res.writeHead(fault!.status, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: "injected failure", code: fault!.code ?? 0 }));
      return;
    }
    res.on("finish", () => this.onAnswered?.());
    return this.route(method, path, url, body, key, req, res);
  }

  private route(method: string, path: string, url: URL, body: Record<string, unknown>, key: string, req: http.IncomingMessage, res: http.ServerResponse): void {
    const send = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, payload === undefined ? headers : { "content-type": "application/json", ...headers });
      res.end(payload === undefined ? undefined : JSON.stringify(payload));
    };
    if (this.rateLimitOnce.delete(key)) {
      this.calls.push({ method, path, body: { ...body, rateLimited: true } });
      return send(429, { message: "You are being rate limited.", retry_after: 0.3, global: false }, { "retry-after": "1", "x-ratelimit-scope": "user" });
    }
    this.calls.push({ method, path, body, auth: req.headers.authorization });
    if (!path.startsWith("/interactions/") && !path.startsWith("/webhooks/") && req.headers.authorization !== `Bot ${TOKEN}`) {
      return send(401, { message: "401: Unauthorized", code: 0 });
    }
    let match: RegExpMatchArray | null;
    // As Discord: a message's content holds at most 2000 characters; longer is refused, nothing posted.
    const content = (body.data as { content?: unknown } | undefined)?.content ?? body.content;
    if ((method === "POST" || method === "PATCH") && typeof content === "string" && content.length > 2000) {
      return send(400, { message: "Invalid Form Body", code: 50035, errors: { content: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH", message: "Must be 2000 or fewer in length." }] } } });
    }
    // Embeds: a description holds at most 4096 characters, and a message's embeds 6000 together.
    const embeds = ((body.message as { embeds?: unknown } | undefined)?.embeds ?? (body.data as { embeds?: unknown } | undefined)?.embeds ?? body.embeds) as Array<Record<string, unknown>> | undefined;
    if ((method === "POST" || method === "PATCH") && Array.isArray(embeds) && (embeds.some((e) => String(e.description ?? "").length > 4096) || embeds.reduce((sum, e) => sum + embedTextLength(e), 0) > 6000)) {
      return send(400, { message: "Invalid Form Body", code: 50035, errors: { embeds: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH", message: "Embed size exceeds maximum size of 6000" }] } } });
    }
    if (method === "GET" && path === "/gateway/bot") {
      return send(200, { url: `ws://${this.base}/gateway`, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 } });
    }
    if (method === "POST" && (match = path.match(/^\/channels\/(\d+)\/typing$/))) return send(204);
    if (method === "POST" && (match = path.match(/^\/channels\/(\d+)\/messages\/(\d+)\/threads$/))) {
      // A thread started on a message has the message's id; a second one is refused.
      if (this.channels.has(match[2]!)) return send(400, { message: "A thread has already been created for this message", code: 160004 });
      const thread = this.addThread(match[2]!, match[1]!, String(body.name ?? "draad"));
      return send(201, thread);
    }
    if (method === "POST" && (match = path.match(/^\/channels\/(\d+)\/threads$/))) {
      const id = this.id();
      const thread = this.addThread(id, match[1]!, String(body.name ?? "draad"), (body.applied_tags as string[]) ?? []);
      const head = this.messageObject(id, id, body.message as Record<string, unknown>);
      this.messages.set(id, head);
      return send(201, { ...thread, message: head });
    }
    if (method === "POST" && (match = path.match(/^\/channels\/(\d+)\/messages$/))) {
      const nonceKey = body.enforce_nonce && body.nonce ? `${match[1]}:${String(body.nonce)}` : undefined;
      const earlier = nonceKey ? this.nonces.get(nonceKey) : undefined;
      if (earlier) return send(200, earlier);
      const message = this.messageObject(this.id(), match[1]!, body);
      this.messages.set(String(message.id), message);
      if (nonceKey) this.nonces.set(nonceKey, message);
      return send(200, message);
    }
    if (method === "GET" && (match = path.match(/^\/channels\/(\d+)\/messages\/(\d+)$/))) {
      const message = this.messages.get(match[2]!) ?? this.peopleMessages.get(match[2]!);
      return message ? send(200, message) : send(404, { message: "Unknown Message", code: 10008 });
    }
    if (method === "GET" && (match = path.match(/^\/guilds\/(\d+)\/threads\/active$/))) {
      const threads = [...this.channels.values()].filter((c) => c.type === 11 && !(c.thread_metadata as { archived?: boolean } | undefined)?.archived);
      return send(200, { threads, members: [] });
    }
    if (method === "PATCH" && (match = path.match(/^\/channels\/(\d+)\/messages\/(\d+)$/))) {
      const message = { ...(this.messages.get(match[2]!) ?? {}), ...this.messageObject(match[2]!, match[1]!, body) };
      this.messages.set(match[2]!, message);
      return send(200, message);
    }
    if (method === "PATCH" && (match = path.match(/^\/channels\/(\d+)$/))) {
      const channel = this.channels.get(match[1]!);
      if (!channel) return send(404, { message: "Unknown Channel", code: 10003 });
      Object.assign(channel, body);
      return send(200, channel);
    }
    if (method === "GET" && (match = path.match(/^\/channels\/(\d+)$/))) {
      const channel = this.channels.get(match[1]!);
      return channel ? send(200, channel) : send(404, { message: "Unknown Channel", code: 10003 });
    }
    if (method === "POST" && (match = path.match(/^\/users\/@me\/channels$/))) {
      const id = `97${String(body.recipient_id).slice(2)}`;
      return send(200, { id, type: 1, recipients: [{ id: body.recipient_id, username: "someone", discriminator: "0" }] });
    }
    if (method === "POST" && (match = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/))) {
      // A deferred or immediate reply creates the interaction's original message.
      const type = Number(body.type);
      if (type === 4 || type === 5) {
        this.originals.set(match[2]!, this.id());
        const data = (body.data as Record<string, unknown> | undefined) ?? {};
        this.originalMessages.set(match[2]!, this.messageObject(this.originals.get(match[2]!)!, this.interactionTokens.get(match[2]!)?.channelId ?? GENERAL, data));
      }
      // A modal (9) must have a custom id, a title and one to five rows of text inputs, as Discord checks.
      if (type === 9) {
        const modal = body.data as { custom_id?: string; title?: string; components?: Array<{ type: number; components: Array<{ type: number }> }> } | undefined;
        const rows = modal?.components ?? [];
        if (!modal?.custom_id || !modal.title || rows.length < 1 || rows.length > 5 || rows.some((r) => r.type !== 1 || r.components.length !== 1 || r.components[0]!.type !== 4)) {
          return send(400, { message: "Invalid Form Body", code: 50035 });
        }
      }
      if (url.searchParams.get("with_response") !== "true") return send(204);
      const original = this.originals.get(match[2]!);
      return send(200, { interaction: { id: match[1], type: 2 }, resource: { type, ...(original ? { message: this.messageObject(original, GENERAL, (body.data as Record<string, unknown>) ?? {}) } : {}) } });
    }
    // An interaction's token works for 15 minutes from the interaction.
    if ((match = path.match(/^\/webhooks\/(\d+)\/([^/]+)/)) && Date.now() - (this.interactionTokens.get(match[2]!)?.createdAt ?? Date.now()) > 15 * 60_000) {
      return send(401, { message: "Invalid Webhook Token", code: 50027 });
    }
    if ((match = path.match(/^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/))) {
      const original = this.originalMessages.get(match[2]!);
      // Not responded to (no deferral, no reply): there is no original message.
      if (!original) return send(404, { message: "Unknown Message", code: 10008 });
      if (method === "PATCH") Object.assign(original, this.messageObject(String(original.id), String(original.channel_id), body), { edited_timestamp: new Date().toISOString() });
      return send(200, original);
    }
    if (method === "POST" && path.match(/^\/webhooks\/(\d+)\/([^/]+)$/)) return send(200, this.messageObject(this.id(), GENERAL, body));
    if (method === "PUT" && path.match(/^\/applications\/\d+(\/guilds\/\d+)?\/commands$/)) {
      return send(200, (body as unknown as Array<Record<string, unknown>>).map((command) => ({ ...command, id: this.id(), application_id: APPLICATION_ID, version: "1" })));
    }
    return send(404, { message: `fake Discord does not know ${key}`, code: 0 });
  }

  private traced = 0;
  /** With FAKE_DISCORD_TRACE=<file>: every request, its answer or its loss, and every dispatch, one line each. */
  private trace(line: string): void {
    const file = process.env.FAKE_DISCORD_TRACE;
    if (file) fs.appendFileSync(file, `${new Date().toISOString()} ${line}\n`);
  }

  private addThread(id: string, parentId: string, name: string, appliedTags: string[] = []): Channel {
    const thread: Channel = {
      id,
      type: 11,
      guild_id: GUILD_ID,
      parent_id: parentId,
      name,
      owner_id: BOT.id,
      applied_tags: appliedTags,
      thread_metadata: { archived: false, auto_archive_duration: 1440, locked: false, archive_timestamp: new Date().toISOString() },
      message_count: 0,
      member_count: 1,
      rate_limit_per_user: 0,
    };
    this.channels.set(id, thread);
    if (this.session) this.dispatch("THREAD_CREATE", { ...thread, newly_created: true });
    return thread;
  }

  private messageObject(id: string, channelId: string, body: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      id,
      type: 0,
      channel_id: channelId,
      author: BOT,
      content: body.content ?? "",
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      flags: body.flags ?? 0,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
    };
  }
}

/** What Discord counts toward a message's 6000 embed characters: titles, descriptions, field names and values, footers and authors. */
function embedTextLength(embed: Record<string, unknown>): number {
  const text = (value: unknown) => (typeof value === "string" ? value.length : 0);
  const fields = (embed.fields as Array<{ name?: unknown; value?: unknown }> | undefined) ?? [];
  return text(embed.title) + text(embed.description) + text((embed.footer as { text?: unknown } | undefined)?.text) + text((embed.author as { name?: unknown } | undefined)?.name)
    + fields.reduce((sum, f) => sum + text(f.name) + text(f.value), 0);
}
