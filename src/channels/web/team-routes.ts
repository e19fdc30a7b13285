import type http from "node:http";
import type { ApplyResult } from "../../core/handoff/handoff-service.js";
import { handleDocumentRoute } from "./document-route.js";
import { readJsonOrRefuse, sendJson, str } from "./http-helpers.js";
import { handleSessionRoute, memberForChange, memberForReading, type TeamRouteContext } from "./team-session.js";
import { threadIdOf } from "./web-handoff-sink.js";
import { MAX_SIGNAL_DAYS } from "../../core/handoff/signal-report.js";

/**
 * The team view's API for tolken and vrije actoren, who log in with a personal link (a session
 * cookie); every change also needs the same origin and the session's CSRF token. Returns false if not a team route.
 */
export async function handleTeamRoute(req: http.IncomingMessage, res: http.ServerResponse, url: URL, ctx: TeamRouteContext): Promise<boolean> {
  const { core, messages } = ctx;
  if (await handleSessionRoute(req, res, url, ctx)) return true;
  if (req.method === "GET" && url.pathname === "/api/tolk/handoffs") {
    const member = memberForReading(req, res, ctx);
    if (!member) return true;
    const handoffs = core.team.list().map((h) => ({ ...h, thread: messages.since(threadIdOf(h.id), 0) }));
    sendJson(res, 200, { member, handoffs });
    return true;
  }
  if (req.method === "GET" && url.pathname === "/api/tolk/signalen") {
    const member = memberForReading(req, res, ctx);
    if (!member) return true;
    const days = Math.min(MAX_SIGNAL_DAYS, Math.max(1, Number(url.searchParams.get("dagen") ?? 30) || 30));
    const report = core.team.signals(member.userId, days);
    if (!report) return sendJson(res, 403, { error: "Alleen coördinatoren zien de signalen." }), true;
    sendJson(res, 200, { report });
    return true;
  }
  if (await handleDocumentRoute(req, res, url, ctx)) return true;
  const action = /^\/api\/tolk\/handoffs\/([^/]{1,100})\/(claim|reply|close)$/.exec(url.pathname);
  if (req.method !== "POST" || !action) return false;

  const member = memberForChange(req, res, ctx);
  if (!member) return true;
  const body = await readJsonOrRefuse(req, res);
  if (!body) return true;
  const [, handoffId, verb] = action as unknown as [string, string, "claim" | "reply" | "close"];
  const key = str(body.eventKey, 200);
  let result: ApplyResult;
  if (verb === "claim") result = core.team.claim(handoffId, member, key);
  else if (verb === "close") result = core.team.close(handoffId, member, body.addToKnowledge === true, key);
  else {
    const text = str(body.text, 20_000)?.trim();
    if (!text) return sendJson(res, 400, { error: "Schrijf eerst een antwoord." }), true;
    // The thread's copy comes from the outbox, committed with the reply: only what was taken, once, also across a crash.
    result = core.team.reply(handoffId, member, text, key, true);
  }
  sendJson(res, result.ok ? 200 : 409, result.ok ? { ok: true, status: result.handoff.status } : { ok: false, code: result.code });
  return true;
}
