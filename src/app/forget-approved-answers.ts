import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { ingestSources } from "../ingest/ingest-sources.js";
import { METADATA_FILE } from "../ingest/metadata-file.js";
import { writeFileAtomically } from "../ingest/write-file-atomically.js";
import { wholeWordReplacer } from "../store/forget-helper.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import { ANSWERS_FOLDER, existingAnswerFile } from "./learning-sink.js";

/** What an approved answer is called once the question it answered is forgotten. */
export function anonymousAnswerTitle(theme: string | undefined): string {
  return theme ? `Antwoord van een tolk over ${theme}` : "Antwoord van een tolk";
}

/** What a forgotten person's name becomes in an approved answer. */
const ANONYMOUS = "anoniem";

type Options = { knowledgeDir: string; store: KnowledgeStore; maxFileBytes: number };
export type ForgetInAnswers = {
  /** The forgotten asker's handoffs: an approved answer to one loses the question (its title and file name). */
  askedIn: ReadonlyArray<{ id: string; theme?: string }>;
  /** Full names of the forgotten person (as asker or as tolk), replaced wherever an approved answer holds them. */
  names: readonly string[];
};

/**
 * kennis -- vergeet in the approved answers (knowledge/antwoorden/): an answer to the forgotten asker's
 * question keeps the answer, as knowledge, under a title without the question (file name and
 * metadata.yaml too); the person's name is replaced in every approved answer. What changed is read in
 * again, so the store holds no old text either. Returns the files changed. Nothing is changed when
 * metadata.yaml is not valid YAML (the error says so).
 */
export async function forgetInApprovedAnswers(forget: ForgetInAnswers, options: Options): Promise<number> {
  const folder = path.join(options.knowledgeDir, ANSWERS_FOLDER);
  if (!fs.existsSync(folder)) return 0;
  const metadataPath = path.join(options.knowledgeDir, METADATA_FILE);
  const metadata = readMetadata(metadataPath);
  const renamed = new Map<string, string>();
  for (const handoff of forget.askedIn) {
    const relative = existingAnswerFile(options.knowledgeDir, ANSWERS_FOLDER, handoff.id);
    if (!relative || renamed.has(relative)) continue;
    const title = anonymousAnswerTitle(handoff.theme);
    // Its date and handoff (the learning loop finds its file by the end of its name), without the question's words.
    const next = `${ANSWERS_FOLDER}/${path.basename(relative).slice(0, 10)}-antwoord-${handoff.id.slice(0, 8)}.md`;
    const body = fs.readFileSync(path.join(options.knowledgeDir, relative), "utf8").replace(/^# .*\n/, "");
    writeFileAtomically(path.join(options.knowledgeDir, next), `# ${title}\n${body}`);
    if (next !== relative) fs.rmSync(path.join(options.knowledgeDir, relative));
    moveMetadataBlock(metadata, relative, next, title);
    renamed.set(relative, next);
  }
  const names = forget.names.filter((n) => n.trim().length >= 3);
  const withoutNames = wholeWordReplacer(names, ANONYMOUS);
  const rewritten = new Set(renamed.values());
  for (const name of fs.readdirSync(folder).filter((f) => f.endsWith(".md"))) {
    const file = path.join(folder, name);
    const text = fs.readFileSync(file, "utf8");
    const without = withoutNames(text);
    if (without === text) continue;
    writeFileAtomically(file, without);
    rewritten.add(`${ANSWERS_FOLDER}/${name}`);
  }
  if (rewritten.size === 0) return 0;
  const titled = replaceInTitles(metadata, withoutNames);
  if (renamed.size || titled) writeFileAtomically(metadataPath, metadata.toString({ lineWidth: 0, flowCollectionPadding: false }));
  for (const old of renamed.keys()) options.store.removeDocument(old);
  const summary = await ingestSources({ store: options.store, knowledgeDir: options.knowledgeDir, sources: [...rewritten].map((r) => path.join(options.knowledgeDir, r)), maxFileBytes: options.maxFileBytes });
  if (summary.failed.length) throw new Error(`${summary.failed[0]!.source}: ${summary.failed[0]!.reason}`);
  options.store.dropRemovedWords();
  return rewritten.size;
}

/** metadata.yaml as the yaml library's document (comments and layout stay); refused, before anything changes, when it is not valid. */
function readMetadata(metadataPath: string): YAML.Document {
  const doc = YAML.parseDocument(fs.existsSync(metadataPath) ? fs.readFileSync(metadataPath, "utf8") : "");
  if (doc.errors.length) throw new Error(`${METADATA_FILE} is geen geldige YAML; er is niets vergeten. Verbeter het bestand en probeer het opnieuw`);
  if (doc.contents === null) doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
  return doc;
}

/** The block of a renamed answer goes under its new name, with the new title. */
function moveMetadataBlock(doc: YAML.Document, from: string, to: string, title: string): void {
  const block = doc.get(from, true);
  doc.delete(from);
  const entry = YAML.isMap(block) ? block : doc.createNode({ kind: "antwoord van tolk" });
  entry.set("title", title);
  doc.set(to, entry);
}

/** An approved answer's title (its question) that holds a forgotten name loses it; true when one did. */
function replaceInTitles(doc: YAML.Document, withoutNames: (text: string) => string): boolean {
  let changed = false;
  if (!YAML.isMap(doc.contents)) return false;
  for (const pair of doc.contents.items) {
    if (!String(YAML.isScalar(pair.key) ? pair.key.value : pair.key).startsWith(`${ANSWERS_FOLDER}/`) || !YAML.isMap(pair.value)) continue;
    const title = pair.value.get("title");
    if (typeof title !== "string") continue;
    const without = withoutNames(title);
    if (without !== title) {
      pair.value.set("title", without);
      changed = true;
    }
  }
  return changed;
}
