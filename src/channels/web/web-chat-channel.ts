import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { ChannelAdapter, CoreApi } from "../../core/channel.js";
import type { AskerAction } from "../../core/conversation.js";
import type { ApplyResult } from "../../core/handoff/handoff-service.js";
import type { Logger } from "../../logger.js";
import type { WebMessageStore } from "../../store/web-message-store.js";
import { threadIdOf } from "./web-handoff-sink.js";

const PAGE = fs.readFileSync(new URL("./chat-page.html", import.meta.url), "utf8");
const TEAM_PAGE = fs.readFileSync(new URL("./team-page.html", import.meta.url), "utf8");
const MAX_BODY_BYTES = 200_000;
const ASKER_ACTIONS = new Set<AskerAction["action"]>(["ask_human", "share", "share_anonymous", "dont_share", "close", "reopen"]);

export type WebChatOptions = { host: string; port: number; logger: Logger; messages: WebMessageStore };

/**
 * The embedded default channel: a small chat page on localhost. Transport and rendering only; the
 * page talks JSON to /api/messages and the core decides what to say.
 */
export class WebChatChannel implements ChannelAdapter {
  readonly name = "web";
  private server: http.Server | undefined;

  constructor(private readonly options: WebChatOptions) {}

  /** The address it listens on, once started (port 0 picks a free one). */
  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error("web chat is not started");
    return `http://${this.options.host}:${address.port}`;
  }

  async start(core: CoreApi): Promise<void> {
    const server = http.createServer((req, res) => {
      this.route(req, res, core).catch((error: unknown) => {
        this.options.logger.error("web chat request failed", { error: (error as Error).message });
        if (!res.headersSent) sendJson(res, 500, { error: "Er ging iets mis. Probeer het nog eens." });
      });
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.options.port, this.options.host, () => resolve());
    });
    this.options.logger.info(`web chat on ${this.url}`);
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse, core: CoreApi): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname;
    if (req.method === "GET" && (path === "/" || path === "/index.html")) return sendPage(res, PAGE);
    if (req.method === "GET" && path === "/tolk") return sendPage(res, TEAM_PAGE);
    if (req.method === "GET" && path === "/health") return sendJson(res, 200, { ok: true });

    const conversationFeed = /^\/api\/conversations\/([^/]{1,100})\/messages$/.exec(path);
    if (req.method === "GET" && conversationFeed) {
      const after = Number(url.searchParams.get("after") ?? 0) || 0;
      return sendJson(res, 200, this.options.messages.since(decodeURIComponent(conversationFeed[1]!), after));
    }
    if (req.method === "GET" && path === "/api/tolk/handoffs") {
      const member = core.team.member(url.searchParams.get("als") ?? "");
      if (!member) return sendJson(res, 403, { error: "Je staat niet op de lijst van tolken en vrije actoren (roster)." });
      const handoffs = core.team.list().map((h) => ({ ...h, thread: this.options.messages.since(threadIdOf(h.id), 0) }));
      return sendJson(res, 200, { member, handoffs });
    }
    if (req.method === "GET" && path === "/api/tolk/signalen") {
      const member = core.team.member(url.searchParams.get("als") ?? "");
      const days = Math.min(366, Math.max(1, Number(url.searchParams.get("dagen") ?? 30) || 30));
      const report = member && core.team.signals(member.userId, days);
      if (!report) return sendJson(res, 403, { error: "Alleen coördinatoren zien de signalen." });
      return sendJson(res, 200, { report });
    }
    if (req.method !== "POST") return sendJson(res, 404, { error: "Niet gevonden." });

    const body = await readJson(req);
    if (body === "too-large") return sendJson(res, 413, { error: "Je bericht is te lang om te versturen." });
    if (body === "invalid") return sendJson(res, 400, { error: "Ongeldig verzoek (geen JSON)." });
    const conversationId = str(body.conversationId, 100) ?? "web";
    const userId = str(body.userId, 100) ?? `web-${conversationId}`;
    const userName = str(body.userName, 100);

    if (path === "/api/messages") {
      if (typeof body.text !== "string") return sendJson(res, 400, { error: "Veld text ontbreekt." });
      this.options.logger.debug("web message", { conversationId, text: body.text });
      return sendJson(res, 200, await core.handle({ channel: this.name, conversationId, userId, userName, text: body.text }));
    }
    if (path === "/api/actions") {
      const action = body.action as AskerAction["action"];
      if (!ASKER_ACTIONS.has(action)) return sendJson(res, 400, { error: "Onbekende actie." });
      return sendJson(res, 200, await core.act({
        channel: this.name, conversationId, userId, userName, action,
        question: str(body.question, 100_000), handoffId: str(body.handoffId, 100), eventKey: str(body.eventKey, 200),
      }));
    }
    const teamAction = /^\/api\/tolk\/handoffs\/([^/]{1,100})\/(claim|reply|close)$/.exec(path);
    if (teamAction) {
      const member = core.team.member(str(body.als, 100) ?? "");
      if (!member) return sendJson(res, 403, { error: "Je staat niet op de lijst van tolken en vrije actoren (roster)." });
      const [, handoffId, verb] = teamAction as unknown as [string, string, "claim" | "reply" | "close"];
      const key = str(body.eventKey, 200);
      let result: ApplyResult;
      if (verb === "claim") result = core.team.claim(handoffId, member, key);
      else if (verb === "reply") {
        const text = str(body.text, 20_000)?.trim();
        if (!text) return sendJson(res, 400, { error: "Schrijf eerst een antwoord." });
        this.options.messages.add(threadIdOf(handoffId), `mens:${member.name}`, text);
        result = core.team.reply(handoffId, member, text, key);
      } else result = core.team.close(handoffId, member, body.addToKnowledge === true, key);
      return sendJson(res, result.ok ? 200 : 409, result.ok ? { ok: true, status: result.handoff.status } : { ok: false, code: result.code });
    }
    sendJson(res, 404, { error: "Niet gevonden." });
  }
}

function str(value: unknown, max: number): string | undefined {
  return typeof value === "string" && value !== "" ? value.slice(0, max) : undefined;
}

function sendPage(res: http.ServerResponse, html: string): void {
  res.writeHead(200, {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'",
  });
  res.end(html);
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown> | "too-large" | "invalid"> {
  const body = await readBody(req);
  if (body === undefined) return "too-large";
  try {
    const parsed = JSON.parse(body) as unknown;
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : "invalid";
  } catch {
    return "invalid";
  }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

/** The request body as text, or undefined when it is larger than allowed. */
async function readBody(req: http.IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
