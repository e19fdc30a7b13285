import type http from "node:http";
import { isIPv6 } from "node:net";
import type { Logger } from "../../logger.js";
import { sendJson } from "./http-helpers.js";

export type AskerRateLimits = {
  /** Messages, presses and other requests one client may send per minute (0: no limit). */
  messagesPerMinute: number;
  /** New conversations one client may start per hour (0: no limit). */
  conversationsPerHour: number;
  /** Questions one client may pass on to the tolken per hour (0: no limit). */
  handoffsPerHour: number;
};

export type RateCheck = { ok: true } | { ok: false; reason: "messages" | "conversations" | "handoffs"; retryAfterSeconds: number; firstRefusal: boolean };

const MINUTE = 60_000;
const HOUR = 3_600_000;
/** Clients remembered at most; the ones seen longest ago are forgotten first. */
const MAX_CLIENTS = 10_000;

type Client = { messages: number[]; conversations: Map<string, number>; handoffs: number[]; refusedUntil: number };

/**
 * What one client of the public web chat may send: a script that sends a question a second, opens a
 * thousand conversations, or says "ja" to a handoff again and again would flood the tolken and the
 * database. A client is its network address (see clientAddress). Counts are kept in memory: a restart
 * starts them afresh.
 */
export class AskerRateLimit {
  private readonly clients = new Map<string, Client>();

  constructor(private readonly limits: AskerRateLimits, private readonly now: () => number = Date.now) {}

  /** Counts a request of `client` (in `conversationId`, when it belongs to one); refused, nothing is counted. */
  check(client: string, conversationId?: string): RateCheck {
    const now = this.now();
    const state = this.clientState(client, now);
    const { messagesPerMinute, conversationsPerHour } = this.limits;
    if (messagesPerMinute > 0 && state.messages.length >= messagesPerMinute) return this.refuse(state, "messages", state.messages[0]! + MINUTE, now);
    const known = conversationId === undefined || state.conversations.has(conversationId);
    if (!known && conversationsPerHour > 0 && state.conversations.size >= conversationsPerHour) {
      return this.refuse(state, "conversations", Math.min(...state.conversations.values()) + HOUR, now);
    }
    state.messages.push(now);
    if (!known) state.conversations.set(conversationId!, now);
    return { ok: true };
  }

  /** Whether questions passed on to the tolken are limited at all (WEB_HANDOFFS_PER_HOUR above 0). */
  get capsHandoffs(): boolean {
    return this.limits.handoffsPerHour > 0;
  }

  /** Whether `client` may pass one more question on to the tolken now (counted by `shared`). */
  mayShare(client: string): RateCheck {
    const now = this.now();
    const state = this.clientState(client, now);
    const { handoffsPerHour } = this.limits;
    if (handoffsPerHour > 0 && state.handoffs.length >= handoffsPerHour) return this.refuse(state, "handoffs", state.handoffs[0]! + HOUR, now);
    return { ok: true };
  }

  /** A question of `client` was passed on to the tolken. */
  shared(client: string): void {
    this.clientState(client, this.now()).handoffs.push(this.now());
  }

  private refuse(state: Client, reason: "messages" | "conversations" | "handoffs", until: number, now: number): RateCheck {
    // Said once per stretch of refusals (a flood writes one log line, not thousands).
    const firstRefusal = now >= state.refusedUntil;
    state.refusedUntil = Math.max(state.refusedUntil, until);
    return { ok: false, reason, retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)), firstRefusal };
  }

  private clientState(client: string, now: number): Client {
    let state = this.clients.get(client);
    if (state) this.clients.delete(client); // re-inserted below: the map's order is the order last seen
    else if (this.clients.size >= MAX_CLIENTS) this.clients.delete(this.clients.keys().next().value!);
    state ??= { messages: [], conversations: new Map(), handoffs: [], refusedUntil: 0 };
    state.messages = state.messages.filter((at) => at > now - MINUTE);
    state.handoffs = state.handoffs.filter((at) => at > now - HOUR);
    for (const [id, at] of state.conversations) if (at <= now - HOUR) state.conversations.delete(id);
    this.clients.set(client, state);
    return state;
  }
}

/**
 * The client's network address. Behind a proxy on the same machine (the usual HTTPS set-up) every
 * request comes from loopback: then the address the proxy added last to X-Forwarded-For counts, the one
 * a client cannot forge (entries before it are the client's own say). The proxy must add it (nginx:
 * `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;`, Caddy does by itself): without it,
 * every asker counts as the proxy. An IPv6 address counts by its /64 network, which one household holds whole.
 */
export function clientAddress(req: http.IncomingMessage): string {
  const socket = req.socket.remoteAddress ?? "unknown";
  const forwarded = req.headers["x-forwarded-for"];
  const loopback = socket === "127.0.0.1" || socket === "::1" || socket === "::ffff:127.0.0.1";
  const address = loopback && typeof forwarded === "string" ? (forwarded.split(",").map((s) => s.trim()).filter(Boolean).at(-1) ?? socket) : socket;
  return networkOf(address);
}

function networkOf(address: string): string {
  if (!isIPv6(address) || address.startsWith("::ffff:") || address === "::1") return address;
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

/** What a client that sends too much is told; the page gives the question back. */
const TOO_MANY = {
  messages: "Je stuurt veel berichten kort na elkaar. Wacht even en probeer het dan opnieuw.",
  conversations: "Vanaf dit adres zijn het afgelopen uur al veel gesprekken begonnen. Ga verder in je gesprek, of probeer het later opnieuw.",
  handoffs: "Je hebt het afgelopen uur al een paar vragen aan de mensen van het netwerk doorgegeven. Probeer het later opnieuw.",
};

/** Answers a refused request: 429 with Retry-After and the reason in Dutch; logged once per stretch of refusals. */
export function sendTooMany(res: http.ServerResponse, refusal: Extract<RateCheck, { ok: false }>, logger: Logger): void {
  if (refusal.firstRefusal) logger.warn("webchat: te veel verzoeken van één adres; de volgende worden geweigerd", { reason: refusal.reason, seconds: refusal.retryAfterSeconds });
  res.setHeader("retry-after", String(refusal.retryAfterSeconds));
  sendJson(res, 429, { error: TOO_MANY[refusal.reason] });
}
