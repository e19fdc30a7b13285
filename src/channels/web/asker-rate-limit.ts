import type http from "node:http";

export type AskerRateLimits = {
  /** Messages and button presses one client may send per minute (0: no limit). */
  messagesPerMinute: number;
  /** New conversations one client may start per hour (0: no limit): each may end in a handoff to a person. */
  conversationsPerHour: number;
};

const MINUTE = 60_000;
const HOUR = 3_600_000;
/** Clients remembered at most; the ones seen longest ago are forgotten first. */
const MAX_CLIENTS = 10_000;

type Client = { messages: number[]; conversations: Map<string, number> };

/**
 * What one client of the public web chat may send: a script that sends a question a second, or opens a
 * thousand conversations and says "ja" in each, would flood the tolken and the database. A client is its
 * network address (see clientAddress). Counts are kept in memory: a restart starts them afresh.
 */
export class AskerRateLimit {
  private readonly clients = new Map<string, Client>();

  constructor(private readonly limits: AskerRateLimits, private readonly now: () => number = Date.now) {}

  /**
   * Counts a message or press of `client` in `conversationId`; says how many seconds to wait when it is
   * one too many (nothing is counted then).
   */
  check(client: string, conversationId: string): { ok: true } | { ok: false; reason: "messages" | "conversations"; retryAfterSeconds: number } {
    const now = this.now();
    const state = this.clientState(client);
    state.messages = state.messages.filter((at) => at > now - MINUTE);
    for (const [id, at] of state.conversations) if (at <= now - HOUR) state.conversations.delete(id);
    const { messagesPerMinute, conversationsPerHour } = this.limits;
    if (messagesPerMinute > 0 && state.messages.length >= messagesPerMinute) {
      return { ok: false, reason: "messages", retryAfterSeconds: secondsUntil(state.messages[0]! + MINUTE, now) };
    }
    const known = state.conversations.has(conversationId);
    if (!known && conversationsPerHour > 0 && state.conversations.size >= conversationsPerHour) {
      return { ok: false, reason: "conversations", retryAfterSeconds: secondsUntil(Math.min(...state.conversations.values()) + HOUR, now) };
    }
    state.messages.push(now);
    if (!known) state.conversations.set(conversationId, now);
    return { ok: true };
  }

  private clientState(client: string): Client {
    let state = this.clients.get(client);
    if (state) this.clients.delete(client); // re-inserted below: the map's order is the order last seen
    else if (this.clients.size >= MAX_CLIENTS) this.clients.delete(this.clients.keys().next().value!);
    state ??= { messages: [], conversations: new Map() };
    this.clients.set(client, state);
    return state;
  }
}

function secondsUntil(at: number, now: number): number {
  return Math.max(1, Math.ceil((at - now) / 1000));
}

/**
 * The client's network address. Behind a proxy on the same machine (the usual HTTPS set-up) every
 * request comes from loopback: then the address the proxy added last to X-Forwarded-For counts, the
 * one a client cannot forge (entries before it are the client's own say).
 */
export function clientAddress(req: http.IncomingMessage): string {
  const socket = req.socket.remoteAddress ?? "unknown";
  const forwarded = req.headers["x-forwarded-for"];
  const loopback = socket === "127.0.0.1" || socket === "::1" || socket === "::ffff:127.0.0.1";
  if (!loopback || typeof forwarded !== "string") return socket;
  const last = forwarded.split(",").map((s) => s.trim()).filter(Boolean).at(-1);
  return last ?? socket;
}
