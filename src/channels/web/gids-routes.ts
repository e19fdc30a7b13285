import fs from "node:fs";
import type http from "node:http";
import { CodedError } from "../../core/errors.js";
import type { InitiativeProfile, PlatformUser } from "../../core/gids/initiative.js";
import type { ProfileService } from "../../core/gids/profile-service.js";
import { readJsonOrRefuse, sendJson, sendPage, str } from "./http-helpers.js";
import { askerDraft, teamDraft } from "./profile-form.js";
import { memberForChange, memberForReading, type TeamRouteContext } from "./team-session.js";

const ASKER_PAGE = fs.readFileSync(new URL("./gids-page.html", import.meta.url), "utf8");
const TEAM_PAGE = fs.readFileSync(new URL("./gids-team-page.html", import.meta.url), "utf8");

/**
 * The initiatievengids in the web chat: an asker's own profile (/initiatief), and for coordinators
 * in the team view every profile and the suggestions from the documents (/tolk/gids). Returns false
 * if not a gids route.
 */
export async function handleGidsRoute(req: http.IncomingMessage, res: http.ServerResponse, url: URL, ctx: TeamRouteContext): Promise<boolean> {
  if (req.method === "GET" && url.pathname === "/initiatief") return sendPage(res, ASKER_PAGE), true;
  if (req.method === "GET" && url.pathname === "/tolk/gids") return sendPage(res, TEAM_PAGE, { "referrer-policy": "no-referrer" }), true;
  if (!url.pathname.startsWith("/api/gids/") && !url.pathname.startsWith("/api/tolk/gids")) return false;
  const gids = ctx.core.gids;
  if (!gids) return sendJson(res, 404, { error: "De initiatievengids staat niet aan." }), true;
  try {
    if (url.pathname.startsWith("/api/gids/")) await askerRoute(req, res, url, gids);
    else await teamRoute(req, res, url, gids, ctx);
  } catch (error) {
    if (!(error instanceof CodedError) || error.kind !== "user") throw error;
    sendJson(res, error.code === "profile_conflict" ? 409 : error.code.startsWith("profile_not") ? 403 : 400, { error: error.message, code: error.code });
  }
  return true;
}

async function askerRoute(req: http.IncomingMessage, res: http.ServerResponse, url: URL, gids: ProfileService): Promise<void> {
  const asker = (id: unknown): PlatformUser | undefined => { const userId = str(id, 100); return userId ? { platform: "web", userId } : undefined; };
  if (req.method === "GET" && url.pathname === "/api/gids/mine") {
    const user = asker(url.searchParams.get("userId"));
    return sendJson(res, 200, { profiles: user ? gids.mine(user).map((p) => ownView(p, user)) : [] });
  }
  if (req.method !== "POST") return sendJson(res, 400, { error: "Ongeldig verzoek." });
  const body = await readJsonOrRefuse(req, res);
  if (!body) return;
  const user = asker(body.userId);
  if (!user) return sendJson(res, 400, { error: "Wie ben je? Open deze pagina vanuit de chat." });
  const id = str(body.id, 200);
  const existing = id ? gids.get(id, user) : undefined;
  if (url.pathname === "/api/gids/profiles") {
    const form = typeof body.profile === "object" && body.profile ? (body.profile as Record<string, unknown>) : {};
    const saved = gids.save(askerDraft(form, user, existing), user, typeof body.expectedVersion === "number" ? body.expectedVersion : undefined);
    return sendJson(res, 200, { profile: ownView(saved, user) });
  }
  if (url.pathname === "/api/gids/profiles/remove" && id) return sendJson(res, 200, { removed: gids.remove(id, user) });
  if (url.pathname === "/api/gids/profiles/leave" && id) return sendJson(res, 200, { left: gids.leave(id, user) !== undefined });
  sendJson(res, 404, { error: "Niet gevonden." });
}

/** A profile as its own contact sees it in the web chat: the other contacts' names and ids are theirs to share, not shown. */
function ownView(profile: InitiativeProfile, user: PlatformUser): InitiativeProfile {
  return { ...profile, contacts: profile.contacts.filter((c) => c.handles[user.platform] === user.userId) };
}

async function teamRoute(req: http.IncomingMessage, res: http.ServerResponse, url: URL, gids: ProfileService, ctx: TeamRouteContext): Promise<void> {
  const coordinator = (id: string): PlatformUser => ({ platform: "team", userId: id });
  if (req.method === "GET" && url.pathname === "/api/tolk/gids") {
    const member = memberForReading(req, res, ctx);
    if (!member) return;
    return sendJson(res, 200, { profiles: gids.all(coordinator(member.userId)) });
  }
  const member = memberForChange(req, res, ctx);
  if (!member) return;
  const body = await readJsonOrRefuse(req, res);
  if (!body) return;
  const by = coordinator(member.userId);
  if (!gids.coordinates(by)) return sendJson(res, 403, { error: "Alleen coördinatoren kunnen de gids beheren." });
  const id = str(body.id, 200);
  const existing = id ? gids.get(id, by) : undefined;
  const expected = typeof body.expectedVersion === "number" ? body.expectedVersion : undefined;
  if (url.pathname === "/api/tolk/gids/save") {
    const draft = teamDraft(typeof body.profile === "object" && body.profile ? (body.profile as Record<string, unknown>) : {}, existing);
    const saved = body.confirm === true && existing ? gids.confirm({ ...draft, id: existing.id }, by, expected) : gids.save(draft, by, expected);
    return sendJson(res, 200, { profile: saved });
  }
  if (url.pathname === "/api/tolk/gids/remove" && id) return sendJson(res, 200, { removed: gids.remove(id, by) });
  sendJson(res, 404, { error: "Niet gevonden." });
}
