import { handleIntroRoute } from "./intro-routes.js";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { ChannelAdapter, CoreApi } from "../../core/channel.js";
import type { TeamAccess } from "../ports.js";
import type { Logger } from "../../logger.js";
import type { WebMessages } from "../ports.js";
import { handleAskerRoute } from "./asker-routes.js";
import { CutOffConsent } from "./cut-off-consent.js";
import { methodServed, sendFavicon, sendNotFound } from "./fallback-responses.js";
import { sendJson, sendPage } from "./http-helpers.js";
import { crossSite, hostAllowed, isJsonRequest } from "./request-guard.js";
import { handleSignalCsvRoute } from "./signal-routes.js";
import { handleSourceRoute } from "./source-route.js";
import { handleTeamRoute } from "./team-routes.js";
import { handleLessonRoute } from "./lesson-routes.js";
import { handleLessonFormRoute } from "./lesson-form-route.js";
import { handleGidsRoute } from "./gids-routes.js";
import { AskerRateLimit, clientAddress, sendTooMany, type AskerRateLimits } from "./asker-rate-limit.js";

/** Counted by the asker routes themselves, with the conversation they belong to. */
const ASKER_MESSAGE_ROUTES: ReadonlySet<string> = new Set(["/api/messages", "/api/actions"]);

const PAGE = fs.readFileSync(new URL("./chat-page.html", import.meta.url), "utf8");
const TEAM_PAGE = fs.readFileSync(new URL("./team-page.html", import.meta.url), "utf8");

export type WebChatOptions = {
  host: string;
  port: number;
  logger: Logger;
  messages: WebMessages;
  /** Personal links and sessions of the team view. */
  teamAccess: TeamAccess;
  /** The address people open when it is behind a proxy (PUBLIC_BASE_URL); also makes the session cookie Secure on https. */
  publicUrl?: string;
  /** INGEST_MAX_FILE_MB in bytes: the largest document a coordinator may add in the team view. */
  maxFileBytes: number;
  /** MAX_QUESTION_CHARS: how much of a message the core reads, and so the most of it the chat's history keeps. */
  maxQuestionChars: number;
  /** What one client may send (WEB_MESSAGES_PER_MINUTE, WEB_CONVERSATIONS_PER_HOUR). */
  rateLimits: AskerRateLimits;
  /** The clock of the rate limits (tests). */
  now?: () => number;
};

/**
 * The embedded default channel: a chat page for askers and a team view for tolken on localhost.
 * Transport and rendering only; the pages talk JSON to the routes and the core decides what to say.
 */
export class WebChatChannel implements ChannelAdapter {
  readonly name = "web";
  private server: http.Server | undefined;
  private readonly cutOffConsent = new CutOffConsent();

  private readonly rateLimit: AskerRateLimit;

  constructor(private readonly options: WebChatOptions) {
    this.rateLimit = new AskerRateLimit(options.rateLimits, options.now);
  }

  /** The address it listens on, once started (port 0 picks a free one). */
  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error("web chat is not started");
    return `http://${this.options.host}:${address.port}`;
  }

  async start(core: CoreApi): Promise<void> {
    const server = http.createServer((req, res) => {
      this.route(req, res, core).catch((error: unknown) => {
        this.options.logger.error("verzoek aan de webchat mislukt", { error: (error as Error).message });
        if (!res.headersSent) sendJson(res, 500, { error: "Er ging iets mis. Probeer het nog eens." });
      });
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.options.port, this.options.host, () => resolve());
    });
    this.options.logger.info(`webchat op ${this.url} (teampagina voor tolken: ${this.url}/tolk, met een persoonlijke link van \`npm run kennis -- team-link <id>\`)`);
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
    const policy = { publicUrl: this.options.publicUrl };
    // Another name for this server (DNS rebinding) or another site's page gets nothing, and changes nothing.
    if (!hostAllowed(req, policy)) return sendJson(res, 421, { error: "Dit adres hoort niet bij deze server." });
    if (!methodServed(req, res, url)) return;
    // HEAD is answered as GET; the response, made for a HEAD request, sends no body (Node leaves it out).
    if (req.method === "HEAD") req.method = "GET";
    if (req.method === "POST" && crossSite(req, policy)) return sendJson(res, 403, { error: "Verzoeken van een andere website worden geweigerd." });
    if (req.method === "POST" && !isJsonRequest(req)) return sendJson(res, 415, { error: "Stuur het verzoek als JSON (content-type: application/json)." });
    if (req.method === "GET" && (url.pathname === "/" || url.pathname === "/index.html")) return sendPage(res, PAGE);
    if (req.method === "GET" && url.pathname === "/tolk") return sendPage(res, TEAM_PAGE, { "referrer-policy": "no-referrer" });
    if (req.method === "GET" && (url.pathname === "/favicon.ico" || url.pathname === "/favicon.svg")) return sendFavicon(res);
    if (req.method === "GET" && url.pathname === "/health") return sendJson(res, 200, { ok: true });
    if (req.method === "GET" && url.pathname === "/healthz") {
      const health = core.health();
      return sendJson(res, health.ok ? 200 : 503, health);
    }
    const ctx = { core, messages: this.options.messages, logger: this.options.logger, channel: this.name, teamAccess: this.options.teamAccess, policy, maxFileBytes: this.options.maxFileBytes, cutOffConsent: this.cutOffConsent, rateLimit: this.rateLimit, maxQuestionChars: this.options.maxQuestionChars };
    // The asker's other requests (an introduction, a lesson, a gids profile) count with its messages; the team's have their session.
    if (req.method === "POST" && url.pathname.startsWith("/api/") && !ASKER_MESSAGE_ROUTES.has(url.pathname) && !url.pathname.startsWith("/api/tolk")) {
      const limited = this.rateLimit.check(clientAddress(req));
      if (!limited.ok) return sendTooMany(res, limited, this.options.logger);
    }
    if (await handleAskerRoute(req, res, url, ctx)) return;
    if (await handleLessonFormRoute(req, res, url, ctx)) return;
    if (await handleIntroRoute(req, res, url, ctx)) return;
    if (await handleGidsRoute(req, res, url, ctx)) return;
    if (await handleTeamRoute(req, res, url, ctx)) return;
    if (await handleLessonRoute(req, res, url, ctx)) return;
    if (handleSourceRoute(req, res, url, core)) return;
    if (handleSignalCsvRoute(req, res, url, ctx)) return;
    sendNotFound(req, res);
  }
}
