import type http from "node:http";
import { sendJson } from "./http-helpers.js";
import { memberForReading, type TeamRouteContext } from "./team-session.js";
import { MAX_SIGNAL_DAYS } from "../../core/handoff/signal-report.js";

/** GET /api/tolk/signalen.csv?dagen=…: the signals as a spreadsheet, for a coordinator who is logged in. False if not this route. */
export function handleSignalCsvRoute(req: http.IncomingMessage, res: http.ServerResponse, url: URL, ctx: TeamRouteContext): boolean {
  if (req.method !== "GET" || url.pathname !== "/api/tolk/signalen.csv") return false;
  const member = memberForReading(req, res, ctx);
  if (!member) return true;
  const days = Math.min(MAX_SIGNAL_DAYS, Math.max(1, Number(url.searchParams.get("dagen") ?? 30) || 30));
  const csv = ctx.core.team.signalsCsv(member.userId, days);
  if (!csv) return sendJson(res, 403, { error: "Alleen coördinatoren zien de signalen." }), true;
  res.writeHead(200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="vliegwiel-signalen-${new Date().toISOString().slice(0, 10)}.csv"`,
  });
  res.end(csv);
  return true;
}
