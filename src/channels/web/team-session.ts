import type http from "node:http";
import type { Person } from "../../core/handoff/handoff-types.js";
import type { TeamAccess } from "../ports.js";
import type { RouteContext } from "./asker-routes.js";
import { readJson, sendJson, str } from "./http-helpers.js";
import { sameOrigin, type OriginPolicy } from "./request-guard.js";

export const SESSION_COOKIE = "vliegwiel_team";
export const CSRF_HEADER = "x-vliegwiel-csrf";

export type TeamRouteContext = RouteContext & {
  teamAccess: TeamAccess;
  policy: OriginPolicy;
  /** INGEST_MAX_FILE_MB in bytes: the largest document a coordinator may add. */
  maxFileBytes: number;
};

const NO_SESSION = { error: "Log in met je persoonlijke link. Je coördinator maakt er een met: npm run kennis -- team-link <jouw id>" };

function cookieOf(req: http.IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=") || undefined;
  }
  return undefined;
}

/** The roster member behind the request's session cookie, or undefined. */
export function sessionMember(req: http.IncomingMessage, ctx: TeamRouteContext): { member: Person; csrfToken: string } | undefined {
  const sessionId = cookieOf(req, SESSION_COOKIE);
  const session = sessionId ? ctx.teamAccess.session(sessionId) : undefined;
  const member = session && ctx.core.team.member(session.memberId);
  return member && session ? { member, csrfToken: session.csrfToken } : undefined;
}

/**
 * The member allowed to make a change: a session, from a page of this server, carrying the session's
 * CSRF token. Sends the refusal itself and returns undefined otherwise.
 */
export function memberForChange(req: http.IncomingMessage, res: http.ServerResponse, ctx: TeamRouteContext): Person | undefined {
  const found = sessionMember(req, ctx);
  if (!found) return sendJson(res, 401, NO_SESSION), undefined;
  if (!sameOrigin(req, ctx.policy) || req.headers[CSRF_HEADER] !== found.csrfToken) {
    sendJson(res, 403, { error: "Dit verzoek kwam niet van de teampagina zelf en is geweigerd." });
    return undefined;
  }
  return found.member;
}

/** The member who may read team data, or undefined after sending 401. */
export function memberForReading(req: http.IncomingMessage, res: http.ServerResponse, ctx: TeamRouteContext): Person | undefined {
  const found = sessionMember(req, ctx);
  if (!found) sendJson(res, 401, NO_SESSION);
  return found?.member;
}

/** Logging in with a personal link, who is logged in, and logging out. Returns false if not a session route. */
export async function handleSessionRoute(req: http.IncomingMessage, res: http.ServerResponse, url: URL, ctx: TeamRouteContext): Promise<boolean> {
  if (url.pathname === "/api/tolk/sessie" && req.method === "GET") {
    const found = sessionMember(req, ctx);
    if (!found) return sendJson(res, 401, NO_SESSION), true;
    sendJson(res, 200, { member: found.member, csrfToken: found.csrfToken, maxFileBytes: ctx.maxFileBytes });
    return true;
  }
  if (url.pathname === "/api/tolk/sessie" && req.method === "POST") {
    if (!sameOrigin(req, ctx.policy)) return sendJson(res, 403, { error: "Inloggen kan alleen vanaf de teampagina zelf." }), true;
    const body = await readJson(req);
    const token = typeof body === "object" ? str(body.token, 200) : undefined;
    const opened = token ? ctx.teamAccess.openSession(token) : undefined;
    const member = opened && ctx.core.team.member(opened.session.memberId);
    if (!opened || !member) {
      ctx.logger.warn("inloggen op de teampagina geweigerd: onbekende of ingetrokken link");
      return sendJson(res, 401, { error: "Deze link werkt niet (meer). Vraag je coördinator om een nieuwe." }), true;
    }
    const secure = ctx.policy.publicUrl?.startsWith("https:") ? "; Secure" : "";
    const maxAge = Math.floor((Date.parse(opened.session.expiresAt) - Date.now()) / 1000);
    res.setHeader("set-cookie", `${SESSION_COOKIE}=${opened.sessionId}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAge}${secure}`);
    ctx.logger.info(`${member.userId} is ingelogd op de teampagina`);
    sendJson(res, 200, { member, csrfToken: opened.session.csrfToken, maxFileBytes: ctx.maxFileBytes });
    return true;
  }
  if (url.pathname === "/api/tolk/uitloggen" && req.method === "POST") {
    if (!sameOrigin(req, ctx.policy)) return sendJson(res, 403, { error: "Uitloggen kan alleen vanaf de teampagina zelf." }), true;
    const sessionId = cookieOf(req, SESSION_COOKIE);
    if (sessionId) ctx.teamAccess.closeSession(sessionId);
    res.setHeader("set-cookie", `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`);
    sendJson(res, 200, { ok: true });
    return true;
  }
  return false;
}
