import type http from "node:http";

const MAX_BODY_BYTES = 200_000;

/** A string field of a request body, cut to a maximum length; undefined when absent or empty. */
export function str(value: unknown, max: number): string | undefined {
  return typeof value === "string" && value !== "" ? value.slice(0, max) : undefined;
}

export function sendPage(res: http.ServerResponse, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(200, {
    ...headers,
    "x-frame-options": "DENY",
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'",
  });
  res.end(html);
}

export async function readJson(req: http.IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<Record<string, unknown> | "too-large" | "invalid"> {
  const body = await readBody(req, maxBytes);
  if (body === undefined) return "too-large";
  try {
    const parsed = JSON.parse(body) as unknown;
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : "invalid";
  } catch {
    return "invalid";
  }
}

/** Said when a request body is over the limit (413), and when it is not a JSON object (400). */
export const BODY_TOO_LARGE = "Je bericht is te lang om te versturen.";
export const BODY_NOT_JSON = "Ongeldig verzoek (geen JSON).";

/**
 * The request's JSON object, or undefined once the refusal is sent: 413 for a body over the limit,
 * 400 for one that is not a JSON object. Every route reads its body through this, so each refuses alike.
 */
export async function readJsonOrRefuse(req: http.IncomingMessage, res: http.ServerResponse, maxBytes = MAX_BODY_BYTES): Promise<Record<string, unknown> | undefined> {
  const body = await readJson(req, maxBytes);
  if (body === "too-large") return sendJson(res, 413, { error: BODY_TOO_LARGE }), undefined;
  if (body === "invalid") return sendJson(res, 400, { error: BODY_NOT_JSON }), undefined;
  return body;
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  // A refused body was not read to its end: the connection cannot carry another request after it.
  if (status === 413) res.setHeader("connection", "close");
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

/** The request body as text, or undefined when it is larger than allowed. */
async function readBody(req: http.IncomingMessage, maxBytes: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
