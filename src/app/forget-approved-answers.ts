import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { plainTitle } from "../core/plain-title.js";
import { ingestSources } from "../ingest/ingest-sources.js";
import { METADATA_FILE } from "../ingest/metadata-file.js";
import { withFileLock } from "../ingest/file-lock.js";
import { writeFileAtomically } from "../ingest/write-file-atomically.js";
import { wholeWordReplacer } from "../store/forget-helper.js";
import { shortNameReplacer } from "../store/short-names.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import { ANSWERS_FOLDER } from "./learning-sink.js";

/** What an approved answer is called once the question it answered is forgotten. */
export function anonymousAnswerTitle(theme: string | undefined): string {
  return theme ? `Antwoord van een tolk over ${theme}` : "Antwoord van een tolk";
}

/** What a forgotten person's name becomes in an approved answer. */
const ANONYMOUS = "anoniem";

type Options = { knowledgeDir: string; store: KnowledgeStore; maxFileBytes: number };
export type ForgetInAnswers = {
  /** The forgotten asker's handoffs: an approved answer to one loses the question (its title and file name). */
  askedIn: ReadonlyArray<{ id: string; theme?: string; question?: string }>;
  /**
   * Names of the forgotten person (as asker or as tolk): a full name is replaced wherever an approved answer
   * holds it, a single name only in the answers to their own questions and in those they gave (helpedIn).
   */
  names: readonly string[];
  /** Handoffs the person helped in (as tolk): a single name goes from their approved answers too. */
  helpedIn?: readonly string[];
};

/**
 * kennis -- vergeet in the approved answers (knowledge/antwoorden/): an answer to the forgotten asker's
 * question keeps the answer, as knowledge, under a title without the question (file name and
 * metadata.yaml too); the person's full name is replaced in every approved answer (a single name only in
 * the answers to their own questions or those they gave). What changed is read in
 * again, so the store holds no old text either. Returns the files changed. Nothing is changed when
 * metadata.yaml is not valid YAML (the error says so).
 */
export async function forgetInApprovedAnswers(forget: ForgetInAnswers, options: Options): Promise<number> {
  const folder = path.join(options.knowledgeDir, ANSWERS_FOLDER);
  if (!fs.existsSync(folder)) return 0;
  const metadataPath = path.join(options.knowledgeDir, METADATA_FILE);
  const rewritten = new Set<string>();
  const gone = new Set<string>();
  // Under metadata.yaml's lock: the learning loop of a running app does not add a block meanwhile that this write would undo.
  await withFileLock(metadataPath, () => {
    const metadata = readMetadata(metadataPath);
    let byHeading: Map<string, string> | undefined; // read once, when a handoff's file is not found by its name
    // Listed once (an asker may have many handoffs, the store many documents); a handoff's files are its own.
    const folderFiles = fs.readdirSync(folder);
    const storedAnswers = options.store.listDocuments().map((d) => d.id).filter((id) => id.startsWith(`${ANSWERS_FOLDER}/`));
    for (const handoff of forget.askedIn) {
      // Every file and stored document of this handoff (a run stopped halfway may have left the old beside the new).
      const ending = `-${handoff.id.slice(0, 8)}.md`;
      const files = folderFiles.filter((f) => f.endsWith(ending));
      const stored = storedAnswers.filter((id) => id.endsWith(ending));
      const title = anonymousAnswerTitle(handoff.theme);
      if (files.length === 0 && stored.length === 0) {
        // A file a maintainer renamed by hand (its name no longer ends in the handoff's id) is found by its heading, the question.
        const byHand = handoff.question ? (byHeading ??= renamedByHand(folder)).get(`# ${plainTitle(handoff.question)}`) : undefined;
        if (!byHand) continue;
        const body = fs.readFileSync(path.join(folder, byHand), "utf8").replace(/^# .*\n/, "");
        writeFileAtomically(path.join(folder, byHand), `# ${title}\n${body}`);
        const block = metadata.get(`${ANSWERS_FOLDER}/${byHand}`);
        if (YAML.isMap(block)) block.set("title", title);
        writeFileAtomically(metadataPath, metadata.toString({ lineWidth: 0, flowCollectionPadding: false }));
        rewritten.add(`${ANSWERS_FOLDER}/${byHand}`);
        continue;
      }
      // Its date and handoff (the learning loop finds its file by the end of its name), without the question's words.
      const nextName = `${(files[0] ?? path.basename(stored[0]!)).slice(0, 10)}-antwoord${ending}`;
      const source = files.find((f) => f !== nextName) ?? files[0];
      if (source) {
        const body = fs.readFileSync(path.join(folder, source), "utf8").replace(/^# .*\n/, "");
        writeFileAtomically(path.join(folder, nextName), `# ${title}\n${body}`);
        rewritten.add(`${ANSWERS_FOLDER}/${nextName}`);
      }
      moveMetadataBlock(metadata, ending, `${ANSWERS_FOLDER}/${nextName}`, title);
      writeFileAtomically(metadataPath, metadata.toString({ lineWidth: 0, flowCollectionPadding: false }));
      for (const old of files.filter((f) => f !== nextName)) fs.rmSync(path.join(folder, old));
      for (const id of [...files.map((f) => `${ANSWERS_FOLDER}/${f}`), ...stored]) if (id !== `${ANSWERS_FOLDER}/${nextName}`) gone.add(id);
    }
    // A full name is replaced in every answer; a single name ("Karel") only in the answers to the person's own
    // questions: elsewhere it may well be someone else's ("Groet, Karel Kastanje").
    // A name of two letters ("Bo", "Al") only there too, and only with its capital in the middle of a sentence
    // ("Hoi Al,", "Groet, Bo"), never as a sentence's first word ("Al eerder …"): it may be a word (short-names.ts).
    const names = forget.names.map((n) => n.trim()).filter((n) => n.length >= 3);
    const withoutNames = wholeWordReplacer(names.filter((n) => /\s/.test(n)), ANONYMOUS);
    const withoutLongNames = wholeWordReplacer(names, ANONYMOUS);
    const withoutShortNames = shortNameReplacer(forget.names, ANONYMOUS, { midSentence: true });
    const withoutAnyName = (text: string) => withoutShortNames(withoutLongNames(text));
    const ownEndings = [...forget.askedIn.map((h) => h.id), ...(forget.helpedIn ?? [])].map((id) => `-${id.slice(0, 8)}.md`);
    for (const name of fs.readdirSync(folder).filter((f) => f.endsWith(".md"))) {
      const file = path.join(folder, name);
      const text = fs.readFileSync(file, "utf8");
      const without = (ownEndings.some((e) => name.endsWith(e)) ? withoutAnyName : withoutNames)(text);
      if (without === text) continue;
      writeFileAtomically(file, without);
      rewritten.add(`${ANSWERS_FOLDER}/${name}`);
    }
    if (replaceInTitles(metadata, withoutNames)) writeFileAtomically(metadataPath, metadata.toString({ lineWidth: 0, flowCollectionPadding: false }));
  });
  for (const id of gone) options.store.removeDocument(id);
  // Every approved answer is offered (an unchanged one is skipped by its hash): a run stopped after rewriting a
  // file but before reading it in left the old text, name and all, in the store, and this file no longer shows it.
  const answerFiles = fs.readdirSync(folder).filter((f) => f.endsWith(".md")).map((f) => path.join(folder, f));
  const summary = await ingestSources({ store: options.store, knowledgeDir: options.knowledgeDir, sources: answerFiles, maxFileBytes: options.maxFileBytes });
  // Only a changed answer that cannot be read stops the command (another one was as unreadable before).
  const failed = summary.failed.find((f) => [...rewritten].some((r) => path.basename(r) === path.basename(f.source)));
  if (failed) throw new Error(`${failed.source}: ${failed.reason}`);
  const reread = summary.added.length + summary.updated.length;
  if (rewritten.size === 0 && gone.size === 0 && reread === 0) return 0;
  options.store.dropRemovedWords();
  return Math.max(rewritten.size, gone.size, reread);
}

/**
 * The approved answers renamed by hand, by their heading (the question, as the learning loop wrote it); a
 * file still named as the loop names it (ending in a handoff's id) is another handoff's, maybe of the same question.
 */
function renamedByHand(folder: string): Map<string, string> {
  const named = fs.readdirSync(folder).filter((f) => f.endsWith(".md") && !/-[0-9a-f]{8}\.md$/.test(f));
  return new Map(named.map((f) => [fs.readFileSync(path.join(folder, f), "utf8").split("\n", 1)[0]!, f] as const).reverse());
}

/** metadata.yaml as the yaml library's document (comments and layout stay); refused, before anything changes, when it is not valid. */
function readMetadata(metadataPath: string): YAML.Document {
  const doc = YAML.parseDocument(fs.existsSync(metadataPath) ? fs.readFileSync(metadataPath, "utf8") : "");
  if (doc.errors.length) throw new Error(`${METADATA_FILE} is geen geldige YAML; er is niets vergeten. Verbeter het bestand en probeer het opnieuw`);
  if (doc.contents === null) doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
  return doc;
}

/**
 * The block of a renamed answer (its key ends in the handoff's id part) goes under its new name, in its
 * place and with its comments, with the new title; a second block of the same answer (a run stopped halfway) goes.
 */
function moveMetadataBlock(doc: YAML.Document, ending: string, to: string, title: string): void {
  const keyOf = (pair: YAML.Pair) => String(YAML.isScalar(pair.key) ? pair.key.value : pair.key);
  const pairs = YAML.isMap(doc.contents) ? (doc.contents.items as YAML.Pair[]).filter((p) => keyOf(p).startsWith(`${ANSWERS_FOLDER}/`) && keyOf(p).endsWith(ending)) : [];
  const [kept, ...others] = pairs;
  for (const pair of others) doc.delete(keyOf(pair));
  if (!kept) return void doc.set(to, doc.createNode({ title, kind: "antwoord van tolk" }));
  if (YAML.isScalar(kept.key)) kept.key.value = to;
  else kept.key = doc.createNode(to);
  if (!YAML.isMap(kept.value)) kept.value = doc.createNode({ kind: "antwoord van tolk" });
  (kept.value as YAML.YAMLMap).set("title", title);
}

/**
 * An approved answer's title (its question) that holds a forgotten name loses it, and so does a comment a
 * maintainer wrote at its block or at the top of the file; true when one did.
 */
function replaceInTitles(doc: YAML.Document, withoutNames: (text: string) => string): boolean {
  let changed = false;
  if (!YAML.isMap(doc.contents)) return false;
  const inComments = (node: { commentBefore?: string | null; comment?: string | null }) => {
    for (const field of ["commentBefore", "comment"] as const) {
      const text = node[field];
      if (text && withoutNames(text) !== text) [node[field], changed] = [withoutNames(text), true];
    }
  };
  inComments(doc);
  for (const pair of doc.contents.items) {
    if (!String(YAML.isScalar(pair.key) ? pair.key.value : pair.key).startsWith(`${ANSWERS_FOLDER}/`)) continue;
    YAML.visit(pair as unknown as YAML.Node, { Node: (_key, node) => void inComments(node) });
    if (!YAML.isMap(pair.value)) continue;
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
