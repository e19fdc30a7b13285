import type http from "node:http";
import type { CoreApi } from "../../core/channel.js";
import { sendPage } from "./http-helpers.js";
import { renderSourcePage } from "./source-page.js";

/** GET /bron/<document>?passage=<id>: the document as a page, the cited passage marked. False if not this route. */
export function handleSourceRoute(req: http.IncomingMessage, res: http.ServerResponse, url: URL, core: CoreApi): boolean {
  const match = /^\/bron\/([^/]+)$/.exec(url.pathname);
  if (req.method !== "GET" || !match) return false;
  let documentId: string;
  try {
    documentId = decodeURIComponent(match[1]!);
  } catch {
    documentId = "";
  }
  const doc = documentId ? core.source(documentId) : undefined;
  if (!doc) {
    res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
    res.end('<!doctype html><html lang="nl"><meta charset="utf-8"><link rel="icon" href="/favicon.svg"><title>Niet gevonden</title><p>Dit document staat niet (meer) in de kennisbank. <a href="/">Terug naar de chat</a></p></html>');
    return true;
  }
  sendPage(res, renderSourcePage(doc, url.searchParams.get("passage") ?? undefined));
  return true;
}
