import type http from "node:http";
import { LESSON_NL } from "../../core/introductions/lesson-texts.js";
import { readJsonOrRefuse, sendJson, str } from "./http-helpers.js";
import { memberForChange, memberForReading, type TeamRouteContext } from "./team-session.js";

/**
 * The team view's proposed additions from introductions (the learning loop), for coordinators only:
 * GET /api/tolk/lessen lists them (text, theme, region, never who wrote it); POST
 * /api/tolk/lessen/<id>/aannemen writes one to the knowledge store, …/afwijzen does not. Returns false if not such a route.
 */
export async function handleLessonRoute(req: http.IncomingMessage, res: http.ServerResponse, url: URL, ctx: TeamRouteContext): Promise<boolean> {
  if (req.method === "GET" && url.pathname === "/api/tolk/lessen") {
    const member = memberForReading(req, res, ctx);
    if (!member) return true;
    const lessons = ctx.core.lessons.proposals(member.userId);
    if (!lessons) return sendJson(res, 403, { error: LESSON_NL.onlyCoordinators }), true;
    sendJson(res, 200, { lessons });
    return true;
  }
  const action = /^\/api\/tolk\/lessen\/([^/]{1,100})\/(aannemen|afwijzen)$/.exec(url.pathname);
  if (req.method !== "POST" || !action) return false;
  const member = memberForChange(req, res, ctx);
  if (!member) return true;
  const body = await readJsonOrRefuse(req, res);
  if (!body) return true;
  const eventKey = str(body.eventKey, 200);
  const result = await ctx.core.lessons.decide(member.userId, action[1]!, action[2] === "aannemen" ? "accept" : "reject", eventKey && `web:${eventKey}`);
  if (!result) return sendJson(res, 403, { error: LESSON_NL.onlyCoordinators }), true;
  sendJson(res, result.ok ? 200 : 409, result.ok ? { ok: true, status: result.status, document: result.document, text: result.text } : { ok: false, error: result.text, status: result.status });
  return true;
}
