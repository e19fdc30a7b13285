import type http from "node:http";
import type { CoreApi } from "../../core/channel.js";
import type { AskerAction } from "../../core/conversation.js";
import type { Logger } from "../../logger.js";
import type { WebMessages } from "../ports.js";
import { readJson, sendJson, str } from "./http-helpers.js";

const ASKER_ACTIONS = new Set<AskerAction["action"]>(["ask_human", "share", "share_anonymous", "dont_share", "close", "reopen", "reply", "write_to_helper"]);

export type RouteContext = { core: CoreApi; messages: WebMessages; logger: Logger; channel: string };

/** The asker's API: questions, button presses, and the feed of notices and relayed answers. Returns false if not an asker route. */
export async function handleAskerRoute(req: http.IncomingMessage, res: http.ServerResponse, url: URL, ctx: RouteContext): Promise<boolean> {
  const feed = /^\/api\/conversations\/([^/]{1,100})\/messages$/.exec(url.pathname);
  if (req.method === "GET" && feed) {
    const conversationId = decodeURIComponent(feed[1]!);
    // Handoff threads belong to the team view, never to an asker's feed.
    if (conversationId.startsWith("handoff:")) return sendJson(res, 404, { error: "Niet gevonden." }), true;
    const after = Number(url.searchParams.get("after") ?? 0) || 0;
    sendJson(res, 200, ctx.messages.since(conversationId, after));
    return true;
  }
  if (req.method !== "POST" || (url.pathname !== "/api/messages" && url.pathname !== "/api/actions")) return false;

  const body = await readJson(req);
  if (body === "too-large") return sendJson(res, 413, { error: "Je bericht is te lang om te versturen." }), true;
  if (body === "invalid") return sendJson(res, 400, { error: "Ongeldig verzoek (geen JSON)." }), true;
  const conversationId = str(body.conversationId, 100) ?? "web";
  const userId = str(body.userId, 100) ?? `web-${conversationId}`;
  const userName = str(body.userName, 100);

  if (url.pathname === "/api/messages") {
    if (typeof body.text !== "string") return sendJson(res, 400, { error: "Veld text ontbreekt." }), true;
    ctx.logger.debug("web message", { conversationId, text: body.text });
    sendJson(res, 200, await ctx.core.handle({ channel: ctx.channel, conversationId, userId, userName, text: body.text }));
    return true;
  }
  const action = body.action as AskerAction["action"];
  if (!ASKER_ACTIONS.has(action)) return sendJson(res, 400, { error: "Onbekende actie." }), true;
  sendJson(res, 200, await ctx.core.act({
    channel: ctx.channel, conversationId, userId, userName, action,
    question: str(body.question, 100_000), handoffId: str(body.handoffId, 100), eventKey: str(body.eventKey, 200),
    text: action === "reply" ? str(body.text, 20_000) : undefined,
  }));
  return true;
}
