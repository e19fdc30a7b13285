import type http from "node:http";
import { sendJson } from "./http-helpers.js";

/** The methods this server answers at all: a page or feed is read with GET, a change is a POST. */
const SERVED_METHODS = new Set(["GET", "HEAD", "POST"]);

/** A small icon (the flywheel's green circle), so a browser's request for one is not an error on every page. */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="13" fill="none" stroke="#1f6f5c" stroke-width="5"/><circle cx="16" cy="16" r="3" fill="#1f6f5c"/></svg>';

export function sendFavicon(res: http.ServerResponse): void {
  res.writeHead(200, { "content-type": "image/svg+xml", "cache-control": "public, max-age=86400" });
  res.end(FAVICON_SVG);
}

/** A browser (it asks for HTML) gets a page; an API client gets JSON. */
function wantsHtml(req: http.IncomingMessage): boolean {
  return (req.headers.accept ?? "").includes("text/html");
}

function sendSmallPage(res: http.ServerResponse, status: number, title: string, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, "content-type": "text/html; charset=utf-8", "x-frame-options": "DENY", "content-security-policy": "default-src 'self'" });
  res.end(`<!doctype html><html lang="nl"><head><meta charset="utf-8"><link rel="icon" href="/favicon.svg"><title>${title} · Vliegwiel</title></head>` +
    `<body><p>${text} <a href="/">Naar de chat</a></p></body></html>`);
}

/** Nothing lives at this address: a short Dutch page for a browser, JSON for an API client. */
export function sendNotFound(req: http.IncomingMessage, res: http.ServerResponse): void {
  if (wantsHtml(req)) return sendSmallPage(res, 404, "Niet gevonden", "Deze pagina bestaat niet.");
  sendJson(res, 404, { error: "Niet gevonden." });
}

/** Whether the method is one this server answers; else it sends 405 with the methods it does answer (Allow). */
export function methodServed(req: http.IncomingMessage, res: http.ServerResponse, url: URL): boolean {
  if (SERVED_METHODS.has(req.method ?? "")) return true;
  // Pages are only read; the API also takes changes.
  const allow = url.pathname.startsWith("/api/") ? "GET, POST" : "GET";
  const method = (req.method ?? "").slice(0, 20).replace(/[^A-Z-]/gi, "");
  const text = `Deze methode (${method}) is hier niet toegestaan. Toegestaan: ${allow}.`;
  if (wantsHtml(req)) sendSmallPage(res, 405, "Niet toegestaan", text, { allow });
  else {
    res.setHeader("allow", allow);
    sendJson(res, 405, { error: text });
  }
  return false;
}
