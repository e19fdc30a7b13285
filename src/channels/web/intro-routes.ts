import type http from "node:http";
import type { IntroReply } from "../../core/introductions/introduction-api.js";
import { INTRO_BUTTON_LABELS, introButtonLabel, type IntroButton } from "../../core/introductions/introduction-texts.js";
import { readJsonOrRefuse, sendJson, str } from "./http-helpers.js";
import type { RouteContext } from "./asker-routes.js";

/**
 * "Breng me in contact" in the web chat, and the asker's choice after it: POST /api/introductions with
 * `initiativeId` (the first press) or `introductionId` and `button`. The answer is the text to show with
 * its buttons and their labels. The contact is always reached on Slack or Discord (privately).
 */
export async function handleIntroRoute(req: http.IncomingMessage, res: http.ServerResponse, url: URL, ctx: RouteContext): Promise<boolean> {
  if (req.method !== "POST" || url.pathname !== "/api/introductions") return false;
  const body = await readJsonOrRefuse(req, res);
  if (!body) return true;
  const conversationId = str(body.conversationId, 100) ?? "web";
  const userId = str(body.userId, 100) ?? `web-${conversationId}`;
  const eventKey = str(body.eventKey, 200);
  const initiativeId = str(body.initiativeId, 200);
  const introductionId = str(body.introductionId, 100);
  const button = str(body.button, 40) as IntroButton | undefined;
  let reply: IntroReply;
  if (initiativeId) {
    reply = ctx.core.introductions.connectMe({ platform: ctx.channel, conversationId, userId, userName: str(body.userName, 100) ?? "iemand uit de webchat", initiativeId, eventKey: eventKey && `web:${eventKey}` });
  } else if (introductionId && button && button in INTRO_BUTTON_LABELS) {
    reply = ctx.core.introductions.press({ platform: ctx.channel, userId, introductionId, button, eventKey: eventKey && `web:${eventKey}` });
  } else {
    return sendJson(res, 400, { error: "Geef een initiatief of een kennismaking met een knop." }), true;
  }
  sendJson(res, 200, { ...reply, labels: Object.fromEntries(reply.buttons.map((b) => [b, introButtonLabel(b, reply.language)])) });
  return true;
}
