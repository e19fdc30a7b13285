import type http from "node:http";
import { CHANNEL_NL } from "../../core/channel-texts-nl.js";
import { readJson, sendJson, str } from "./http-helpers.js";
import { memberForChange, type TeamRouteContext } from "./team-session.js";

/** A file name longer than this is refused with its own reason (not cut, which would lose its extension). */
const MAX_NAME_CHARS = 1000;
/** The longest name the knowledge folder keeps (add-document-from-chat's check, named in the refusal). */
const KEPT_NAME_BYTES = 200;

/**
 * POST /api/tolk/documenten: a coordinator adds a file (`fileName`, `contentBase64`) or a web page
 * (`url`) to the knowledge store. The body may hold a file up to INGEST_MAX_FILE_MB in base64; a
 * larger one is refused with its size and the limit. Returns false if not this route.
 */
export async function handleDocumentRoute(req: http.IncomingMessage, res: http.ServerResponse, url: URL, ctx: TeamRouteContext): Promise<boolean> {
  if (req.method !== "POST" || url.pathname !== "/api/tolk/documenten") return false;
  const member = memberForChange(req, res, ctx);
  if (!member) return true;
  const body = await readJson(req, bodyLimit(ctx.maxFileBytes));
  if (body === "too-large") return sendJson(res, 413, { error: CHANNEL_NL.addDocumentOverLimit(fileSizeOf(req), ctx.maxFileBytes) }), true;
  if (body === "invalid") return sendJson(res, 400, { error: "Ongeldig verzoek." }), true;
  const address = str(body.url, 2000)?.trim();
  const fileName = typeof body.fileName === "string" ? body.fileName.trim() : "";
  if (!address && !fileName) return sendJson(res, 400, { error: "Kies een bestand of vul een webadres in." }), true;
  if (!address && fileName.length > MAX_NAME_CHARS) return sendJson(res, 400, { error: CHANNEL_NL.addDocumentNameTooLong(KEPT_NAME_BYTES) }), true;
  // An empty file is a file: it is read like any other, and refused for being empty.
  const content = typeof body.contentBase64 === "string" ? body.contentBase64 : undefined;
  if (!address && content === undefined) return sendJson(res, 400, { error: "Het bestand kwam niet mee. Kies het nog eens." }), true;
  const bytes = address ? undefined : strictBase64(content!);
  if (!address && !bytes) return sendJson(res, 400, { error: "Het bestand kwam beschadigd aan. Kies het nog eens." }), true;
  const source = address ? { url: address } : { fileName, bytes: bytes! };
  const result = await ctx.core.team.addDocument(member.userId, source);
  if (result === undefined) return sendJson(res, 403, { error: "Alleen coördinatoren kunnen documenten toevoegen." }), true;
  sendJson(res, 200, { result });
  return true;
}

/**
 * The bytes of standard base64 (line breaks allowed, padded to a multiple of four), or undefined when it
 * is not: Node's decoder skips what it does not know, which would read a damaged upload as junk text.
 */
function strictBase64(text: string): Buffer | undefined {
  const plain = text.replace(/[\r\n]/g, "");
  if (plain.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(plain)) return undefined;
  return Buffer.from(plain, "base64");
}

/** Room for a file of the largest allowed size in base64 (4 bytes per 3), with its name and the JSON around it. */
function bodyLimit(maxFileBytes: number): number {
  return Math.ceil((maxFileBytes * 4) / 3) + 64 * 1024;
}

/** About how large the file in a refused body was (base64 is 4 bytes per 3), when the request says its length. */
function fileSizeOf(req: http.IncomingMessage): number | undefined {
  const length = Number(req.headers["content-length"]);
  return Number.isFinite(length) && length > 0 ? Math.round((length * 3) / 4) : undefined;
}
