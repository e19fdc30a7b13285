import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { ChannelAdapter, MessageHandler } from "../../core/channel.js";
import type { Logger } from "../../logger.js";

const PAGE = fs.readFileSync(new URL("./chat-page.html", import.meta.url), "utf8");
const MAX_BODY_BYTES = 200_000;

export type WebChatOptions = { host: string; port: number; logger: Logger };

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

  async start(handler: MessageHandler): Promise<void> {
    const server = http.createServer((req, res) => {
      this.route(req, res, handler).catch((error: unknown) => {
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

  private async route(req: http.IncomingMessage, res: http.ServerResponse, handler: MessageHandler): Promise<void> {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method === "GET" && (path === "/" || path === "/index.html")) {
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'",
      });
      res.end(PAGE);
      return;
    }
    if (req.method === "GET" && path === "/health") return sendJson(res, 200, { ok: true });
    if (path === "/api/messages") {
      if (req.method !== "POST") return sendJson(res, 405, { error: "Gebruik POST." });
      const body = await readBody(req);
      if (body === undefined) return sendJson(res, 413, { error: "Je bericht is te lang om te versturen." });
      let parsed: { text?: unknown; conversationId?: unknown; userId?: unknown };
      try {
        parsed = JSON.parse(body) as typeof parsed;
      } catch {
        return sendJson(res, 400, { error: "Ongeldig verzoek (geen JSON)." });
      }
      if (typeof parsed.text !== "string") return sendJson(res, 400, { error: "Veld text ontbreekt." });
      const conversationId = typeof parsed.conversationId === "string" ? parsed.conversationId.slice(0, 100) : "web";
      const userId = typeof parsed.userId === "string" ? parsed.userId.slice(0, 100) : "web-user";
      this.options.logger.debug("web message", { conversationId, text: parsed.text });
      const reply = await handler({ channel: this.name, conversationId, userId, text: parsed.text });
      return sendJson(res, 200, reply);
    }
    sendJson(res, 404, { error: "Niet gevonden." });
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
