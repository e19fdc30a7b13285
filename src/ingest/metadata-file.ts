import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { z } from "zod";
import type { DocumentMeta } from "../core/types.js";
import { yamlMistake } from "./yaml-mistake.js";

export const METADATA_FILE = "metadata.yaml";

/** Each field says in Dutch what it needs, for the one-line reason that names the block and field. */
const TEXT = { error: "moet tekst zijn" };
const entrySchema = z.object(
  {
    title: z.string({ error: "ontbreekt: elk blok heeft een title, de naam van het document" }).min(1, "is leeg: geef de naam van het document"),
    kind: z.string({ error: "moet tekst zijn, bijvoorbeeld verslag" }).min(1, "is leeg").default("document"),
    organisation: z.string(TEXT).optional(),
    year: z.union([z.string(), z.number()], { error: "moet een jaartal zijn, bijvoorbeeld 2021" }).transform(String).optional(),
    region: z.string(TEXT).optional(),
    themes: z.array(z.string({ error: "elk thema moet tekst zijn" }), { error: "moet een lijst zijn, bijvoorbeeld [energie, wonen]" }).default([]),
    // Shown as a link in the chat and on the source page: only a web address (never javascript: or data:).
    url: z.string(TEXT).refine(isWebAddress, "een webadres moet beginnen met http:// of https://").optional(),
  },
  { error: "verwacht onder de bestandsnaam een blok met title, kind, themes, …" },
);

function isWebAddress(value: string): boolean {
  try {
    const protocol = new URL(value).protocol;
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

export type MetadataCatalog = ReadonlyMap<string, DocumentMeta>;

type Problem = { source: string; reason: string; detail?: string };

/**
 * What one reading of metadata.yaml found. Kept per file with its text's hash: a 20 000-block file
 * takes seconds to parse, and the running app reads it for every approved answer; unchanged, it is
 * not parsed again, and a block the learning loop appends is added to it (appendMetadataBlock).
 */
type MetadataState = {
  hash: string;
  catalog: Map<string, DocumentMeta>;
  problems: Problem[];
  /** Every top-level name, also of a block left out for a mistake. */
  names: Set<string>;
  /** A block can be appended as text: valid YAML, a mapping of blocks from the first column, no document end. */
  appendable: boolean;
  /** The line of the file's first YAML mistake, when it has one. */
  mistakeLine?: string;
};

const states = new Map<string, MetadataState>();
const hashOf = (text: string) => crypto.createHash("sha256").update(text).digest("hex");

/**
 * Reads knowledge/metadata.yaml: one entry per file name, edited by hand. A mistake in it is reported
 * with the line and, for an entry, its file name and field; that entry is left out (its file gets a
 * title from its own content) and every other entry still counts, so the other documents still go in.
 */
export function readMetadataCatalog(knowledgeDir: string, problems: Problem[] = []): MetadataCatalog {
  const file = path.join(knowledgeDir, METADATA_FILE);
  if (!fs.existsSync(file)) return new Map();
  const state = stateOf(file, fs.readFileSync(file, "utf8"));
  problems.push(...state.problems);
  return state.catalog;
}

/**
 * Adds a block at the end of metadata.yaml as text, so the maintainers' comments, order and layout stay
 * exactly; a block already there is left alone. Returns false, without writing, when the file is not
 * one to append to as text (then the caller adds it through the YAML document). Throws the line of a
 * YAML mistake. `write` writes the whole new text (atomically).
 */
export function appendMetadataBlock(knowledgeDir: string, name: string, entry: Record<string, unknown>, write: (file: string, text: string) => void): boolean {
  const file = path.join(knowledgeDir, METADATA_FILE);
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  if (text.trim() === "") return false;
  const state = stateOf(file, text);
  if (state.mistakeLine !== undefined) throw new Error(`${METADATA_FILE} regel ${state.mistakeLine}: geen geldige YAML, het antwoord is er niet aan toegevoegd`);
  if (state.names.has(name)) return true;
  if (!state.appendable) return false;
  const next = `${text.endsWith("\n") ? text : `${text}\n`}${YAML.stringify({ [name]: entry }, { lineWidth: 0, flowCollectionPadding: false })}`;
  write(file, next);
  const parsed = entrySchema.safeParse(entry);
  const catalog = new Map(state.catalog);
  if (parsed.success) catalog.set(name, parsed.data);
  states.set(file, { ...state, hash: hashOf(next), catalog, names: new Set(state.names).add(name) });
  return true;
}

/** The file's reading, parsed again only when its text changed. */
function stateOf(file: string, text: string): MetadataState {
  const hash = hashOf(text);
  const known = states.get(file);
  if (known?.hash === hash) return known;
  const state = { hash, ...parseMetadata(text) };
  states.set(file, state);
  return state;
}

function parseMetadata(text: string): Omit<MetadataState, "hash"> {
  const catalog = new Map<string, DocumentMeta>();
  const problems: Problem[] = [];
  const names = new Set<string>();
  const lineCounter = new YAML.LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter, prettyErrors: false });
  const lineOf = (offset: number | undefined) => (offset === undefined ? "?" : String(lineCounter.linePos(offset).line));
  const mistakeLine = doc.errors.length ? lineOf(doc.errors[0]!.pos[0]) : undefined;
  for (const error of doc.errors) {
    problems.push({ source: METADATA_FILE, reason: `regel ${lineOf(error.pos[0])}: geen geldige YAML (${yamlMistake(error)})`, detail: error.message.split("\n")[0] });
  }
  if (!YAML.isMap(doc.contents)) {
    if (doc.contents !== null && doc.errors.length === 0) problems.push({ source: METADATA_FILE, reason: "verwacht per bestandsnaam een blok met title, kind, themes, …" });
    return { catalog, problems, names, appendable: false, mistakeLine };
  }
  const firstKey = doc.contents.items[0]?.key;
  const appendable = doc.errors.length === 0 && !doc.contents.flow && !/^\.\.\.(\s|$)/m.test(text) &&
    (!YAML.isNode(firstKey) || firstKey.range === undefined || lineCounter.linePos(firstKey.range[0]).col === 1);
  for (const pair of doc.contents.items) {
    const name = String(YAML.isScalar(pair.key) ? pair.key.value : pair.key);
    names.add(name);
    const at = YAML.isNode(pair.key) ? pair.key.range?.[0] : undefined;
    let value: unknown;
    try {
      value = YAML.isNode(pair.value) ? pair.value.toJS(doc) : pair.value;
    } catch (error) {
      // This block only: the others still count.
      problems.push({ source: METADATA_FILE, reason: `regel ${lineOf(at)}, bij "${name}": ${unreadableBlock(error)}` });
      continue;
    }
    const parsed = entrySchema.safeParse(value);
    if (parsed.success) {
      catalog.set(name, parsed.data);
      continue;
    }
    const issue = parsed.error.issues[0]!;
    problems.push({ source: METADATA_FILE, reason: `regel ${lineOf(at)}, bij "${name}", veld ${issue.path.join(".") || "(geheel)"}: ${issue.message}` });
  }
  return { catalog, problems, names, appendable, mistakeLine };
}

/** Why the YAML reader could not make values of a block, in Dutch. */
function unreadableBlock(error: unknown): string {
  const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
  // Aliases that unfold into millions of values: the reader refuses them.
  if (message.startsWith("Excessive alias count")) return "te veel verwijzingen (YAML-aliassen); schrijf de waarden uit";
  const unresolved = /^Unresolved alias\b.*: (.+)$/.exec(message);
  if (unresolved) return `verwijzing *${unresolved[1]} zonder anker &${unresolved[1]} ervoor; zet &${unresolved[1]} eerder in het bestand, of schrijf de waarde uit`;
  return `dit blok kan niet gelezen worden (${message})`;
}

/** Metadata for a source: the catalog's entry, else a title from the file itself or its name. */
export function metadataFor(catalog: MetadataCatalog, id: string, foundTitle: string | undefined): DocumentMeta {
  const entry = catalog.get(id) ?? catalog.get(path.basename(id));
  if (entry) return entry;
  const fromName = path.basename(id).replace(/\.[^.]+$/, "").replace(/[-_]+/g, " ");
  return { title: foundTitle?.slice(0, 200) || fromName, kind: "document", themes: [] };
}
