import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { formatSummary } from "../ingest/format-summary.js";
import { isUrl, reservedNameProblem } from "../ingest/collect-sources.js";
import { ingestSources, type IngestSummary } from "../ingest/ingest-sources.js";
import { IngestError } from "../ingest/loaded-document.js";
import { SUPPORTED_EXTENSIONS } from "../ingest/load-source.js";
import type { ReadDocument } from "../ingest/read-document.js";
import { readDocumentInWorker } from "../ingest/read-in-worker.js";
import { publicOnlyFetch } from "../ingest/public-web-fetch.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import { CHANNEL_NL } from "../core/channel-texts-nl.js";

/** The longest file name kept, in bytes (room for the hidden upload name within a file system's 255). */
export const MAX_NAME_BYTES = 200;

type Options = { knowledgeDir: string; store: KnowledgeStore; maxFileBytes: number };

/**
 * A coordinator adds a document from chat: a file is saved in the knowledge folder under its own
 * (cleaned) name and read in; a web page is read in under its address. Returns the one-line summary.
 */
export async function addDocumentFromChat(source: { fileName: string; bytes: Buffer } | { url: string }, options: Options): Promise<string> {
  if ("url" in source) {
    if (!isUrl(source.url)) return "Dat is geen webadres (het moet beginnen met http:// of https://).";
    // Only pages on the public internet: a link in chat must not make the server read this machine or its network.
    return oneLine(await ingestSources({ store: options.store, knowledgeDir: options.knowledgeDir, sources: [source.url], maxFileBytes: options.maxFileBytes, fetch: publicOnlyFetch() }));
  }
  const name = uploadFileName(source.fileName);
  // Room for the hidden upload name beside it (".upload-<uuid>-") within the 255 bytes a file system allows.
  if (Buffer.byteLength(name) > MAX_NAME_BYTES) return CHANNEL_NL.addDocumentNameTooLong(MAX_NAME_BYTES);
  const extension = path.extname(name).toLowerCase();
  if (!name || !(SUPPORTED_EXTENSIONS as readonly string[]).includes(extension)) {
    return `Dit bestandstype kan ik niet lezen. Wel: ${SUPPORTED_EXTENSIONS.join(", ")}.`;
  }
  const reserved = reservedNameProblem(name);
  if (reserved) return reserved;
  if (source.bytes.length > options.maxFileBytes) return CHANNEL_NL.addDocumentOverLimit(source.bytes.length, options.maxFileBytes);
  const summary = await saveAndIngest(name, source.bytes, options);
  // A refused upload is not kept: it is named as the coordinator chose it ("kapot verslag.pdf"), not by the
  // cleaned name it never got; a name with signs a chat could read as markup keeps the cleaned one.
  const uploaded = path.basename(source.fileName.normalize("NFC"));
  const shown = /^[\p{L}\p{N} ._()-]+$/u.test(uploaded) ? uploaded : name;
  return oneLine({ ...summary, failed: summary.failed.map((failure) => (failure.source === name ? { ...failure, source: shown } : failure)) });
}

/**
 * The end of a name that the cleaning below gave: a dash and eight hex digits, among them a figure and
 * a letter, before the extension. A date ("notulen-20240131.pdf") or a word ("-deadbeef") is no mark.
 */
const NAME_MARK = /-(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{8}(\.[^.]*)?$/;

/**
 * The file an uploaded name is kept under: the name itself when it is a clean file name, else a cleaned
 * one ("a b.txt" → "a-b-<8 hex>.txt") that ends in a mark made from the name as uploaded. So two
 * different uploaded names never land in one file ("a b.txt" does not replace "a-b.txt"), and the same
 * name again lands in its own file (and updates it). A clean name that looks marked is marked as well,
 * so it cannot meet a cleaned one. A name is taken in its composed form (NFC) first.
 */
export function uploadFileName(typed: string): string {
  // One spelling of a name: "é" as one code point or as "e" and an accent (a Mac may give either) is one name.
  const uploaded = typed.normalize("NFC");
  const cleaned = path.basename(uploaded).replace(/[^\p{L}\p{N}._-]+/gu, "-").replace(/^[.-]+/, "");
  if (cleaned === uploaded && !NAME_MARK.test(cleaned)) return cleaned;
  if (!cleaned) return cleaned;
  // The first eight hex digits of its hash that hold a figure and a letter (as NAME_MARK knows a mark).
  const hash = crypto.createHash("sha256").update(uploaded).digest("hex");
  const mark = Array.from({ length: hash.length - 7 }, (_, i) => hash.slice(i, i + 8)).find((part) => /\d/.test(part) && /[a-f]/.test(part)) ?? hash.slice(0, 8);
  const extension = path.extname(cleaned);
  return `${cleaned.slice(0, cleaned.length - extension.length)}-${mark}${extension}`;
}

/**
 * Writes the upload beside its final place (a hidden file no sync reads), checks that it can be read,
 * and only then puts it in place; a file of the same name is replaced only by a readable one, and is
 * put back if reading in the new one fails after all.
 */
async function saveAndIngest(name: string, bytes: Buffer, options: Options): Promise<IngestSummary> {
  const target = path.join(options.knowledgeDir, name);
  const unique = crypto.randomUUID();
  const upload = path.join(options.knowledgeDir, `.upload-${unique}-${name}`);
  const previous = path.join(options.knowledgeDir, `.previous-${unique}-${name}`);
  fs.writeFileSync(upload, bytes);
  try {
    // Read once, in a worker thread (a large PDF holds the event loop for seconds): to check it, then to store it.
    const read = readDocumentInWorker(name, bytes);
    const problem = await unreadable(read);
    if (problem) return { added: [], updated: [], unchanged: [], removed: [], failed: [{ source: name, reason: problem }] };
    const replacing = fs.existsSync(target);
    if (replacing) fs.linkSync(target, previous);
    fs.renameSync(upload, target);
    // The reading is of these bytes only: another upload of the name that landed meanwhile (the file in place is
    // what the store hashes) is read in its own worker, never stored with this one's passages under its hash.
    const readIn = (readName: string, inPlace: Buffer) => (inPlace.equals(bytes) ? read : readDocumentInWorker(readName, inPlace));
    const summary = await ingestSources({ store: options.store, knowledgeDir: options.knowledgeDir, sources: [target], maxFileBytes: options.maxFileBytes, read: readIn });
    if (summary.failed.length) {
      if (replacing) fs.renameSync(previous, target);
      else fs.rmSync(target, { force: true }); // nothing half-added stays behind
    }
    return summary;
  } finally {
    fs.rmSync(upload, { force: true });
    fs.rmSync(previous, { force: true });
  }
}

/** Why the document cannot be read in, or undefined when it can. */
async function unreadable(read: Promise<ReadDocument>): Promise<string | undefined> {
  try {
    await read;
    return undefined;
  } catch (error) {
    return error instanceof IngestError ? error.message : `onverwachte fout: ${(error as Error).message}`;
  }
}

/** The hidden names saveAndIngest writes beside a document: `.upload-<uuid>-<name>` and `.previous-<uuid>-<name>`. */
const WORKING_FILE = /^\.(?:upload|previous)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-/;

/**
 * At start, no upload is under way: what a stop in the middle of one left (the upload itself, a kept
 * earlier version) is removed, else it stays for good, unseen (no sync reads hidden files). Returns how many.
 */
export function removeLeftoverUploads(knowledgeDir: string): number {
  if (!fs.existsSync(knowledgeDir)) return 0;
  const leftovers = fs.readdirSync(knowledgeDir).filter((name) => WORKING_FILE.test(name));
  for (const name of leftovers) fs.rmSync(path.join(knowledgeDir, name), { force: true });
  return leftovers.length;
}

function oneLine(summary: IngestSummary): string {
  return formatSummary(summary).replace(/\n\s*/g, " ");
}
