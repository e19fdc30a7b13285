import type http from "node:http";
import { readJsonOrRefuse, sendJson, str } from "./http-helpers.js";
import type { RouteContext } from "./asker-routes.js";
import { lessonTexts } from "../../core/introductions/lesson-texts.js";

/**
 * "Deel wat je leerde" in the web chat: GET /api/introductions/lesson?introductionId=…&userId=… gives
 * the form's starting point (an earlier lesson, or why there is none to write); POST with
 * `introductionId`, `text` and `share` (true only when the person ticked it) saves it.
 */
export async function handleLessonFormRoute(req: http.IncomingMessage, res: http.ServerResponse, url: URL, ctx: RouteContext): Promise<boolean> {
  if (url.pathname !== "/api/introductions/lesson") return false;
  if (req.method === "GET") {
    const introductionId = url.searchParams.get("introductionId")?.slice(0, 100) ?? "";
    const conversationId = url.searchParams.get("conversationId")?.slice(0, 100) ?? "web";
    const userId = url.searchParams.get("userId")?.slice(0, 100) || `web-${conversationId}`;
    const form = ctx.core.lessons.form({ platform: ctx.channel, userId }, introductionId);
    const texts = lessonTexts(form.language);
    sendJson(res, 200, { ...form, labels: { intro: texts.intro, shareBox: texts.shareBox, save: texts.save } });
    return true;
  }
  if (req.method !== "POST") return false;
  const body = await readJsonOrRefuse(req, res);
  if (!body) return true;
  const conversationId = str(body.conversationId, 100) ?? "web";
  const userId = str(body.userId, 100) ?? `web-${conversationId}`;
  const eventKey = str(body.eventKey, 200);
  const reply = ctx.core.lessons.submit({
    author: { platform: ctx.channel, userId }, introductionId: str(body.introductionId, 100) ?? "", text: str(body.text, 20_000) ?? "", share: body.share === true,
    eventKey: eventKey && `web:${eventKey}`,
  });
  sendJson(res, reply.ok ? 200 : 400, reply.ok ? reply : { ...reply, error: reply.text });
  return true;
}
