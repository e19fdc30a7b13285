import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import type { HandoffEffect } from "../core/handoff/handoff-types.js";
import { plainTitle } from "../core/plain-title.js";
import { ingestSources } from "../ingest/ingest-sources.js";
import { withFileLock } from "../ingest/file-lock.js";
import { appendMetadataBlock, METADATA_FILE } from "../ingest/metadata-file.js";
import { writeFileAtomically } from "../ingest/write-file-atomically.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";

export const ANSWERS_FOLDER = "antwoorden";

/**
 * Where else learned text comes from (a lesson from an introduction): its own folder, kind and region.
 * The id passed in place of a handoff's is then that lesson's.
 */
export type LearnedSource = { folder: string; kind: string; region?: string };

/**
 * The learning loop: an answer a tolk approved becomes a knowledge document (kind "antwoord van
 * tolk") that the next asker finds. It holds the question and the answer, never who asked.
 * Delivered again (a retry, a restart), it writes nothing twice: the handoff's file is found by its
 * id, and metadata.yaml gets its block only when the block is not there yet.
 */
export async function addAnswerToKnowledge(
  effect: Extract<HandoffEffect, { type: "add_to_knowledge" }>,
  handoffId: string,
  options: {
    knowledgeDir: string; store: KnowledgeStore; maxFileBytes: number; now?: Date; source?: LearnedSource;
    /**
     * Asked under the lock, right before writing: whether the answer is still to be added. `kennis -- vergeet`
     * (another process, holding the lock meanwhile) may have forgotten the asker and anonymised the question
     * this delivery still carries; then nothing is written. Undefined (no such check): always.
     */
    stillWanted?: () => boolean;
  },
): Promise<string | undefined> {
  const now = options.now ?? new Date();
  const folder = options.source?.folder ?? ANSWERS_FOLDER;
  // The question as plain text: markup the asker typed ("<u>repareren</u>") is not the document's title.
  const question = plainTitle(effect.question);
  const relative = existingAnswerFile(options.knowledgeDir, folder, handoffId) ?? `${folder}/${now.toISOString().slice(0, 10)}-${slugOf(question)}-${idPart(handoffId)}.md`;
  const file = path.join(options.knowledgeDir, relative);
  const content = `# ${question}\n\n${effect.answer}\n`;
  const metadataPath = path.join(options.knowledgeDir, METADATA_FILE);
  // Under metadata.yaml's lock: kennis -- vergeet (another process) rewrites answers and blocks, and would undo this block.
  const written = await withFileLock(metadataPath, () => {
    if (options.stillWanted && !options.stillWanted()) return false;
    if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== content) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      writeFileAtomically(file, content);
    }
    const entry = {
      title: question, kind: options.source?.kind ?? "antwoord van tolk", year: String(now.getFullYear()), themes: effect.theme ? [effect.theme] : [],
      ...(options.source?.region ? { region: options.source.region } : {}),
    };
    // Appended as text, without parsing the whole file again (it may hold thousands of blocks); else through its YAML document.
    if (!appendMetadataBlock(options.knowledgeDir, relative, entry, writeFileAtomically)) addMetadataBlock(metadataPath, relative, entry);
    return true;
  });
  if (!written) return undefined;

  const summary = await ingestSources({ store: options.store, knowledgeDir: options.knowledgeDir, sources: [file], maxFileBytes: options.maxFileBytes });
  if (summary.failed.length) throw new Error(`learning loop: ${summary.failed[0]!.reason}`);
  return relative;
}

/**
 * Adds one block to metadata.yaml (empty, or not a file to append to) through the yaml library's document model, so the maintainers'
 * comments, order and layout stay as they are; a block that is already there is left alone. A file
 * that is not valid YAML is not touched: the error names the line (and the delivery is retried).
 */
function addMetadataBlock(metadataPath: string, key: string, entry: Record<string, unknown>): void {
  const text = fs.existsSync(metadataPath) ? fs.readFileSync(metadataPath, "utf8") : "";
  const lineCounter = new YAML.LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter, prettyErrors: false });
  const [error] = doc.errors;
  if (error) throw new Error(`${METADATA_FILE} regel ${lineCounter.linePos(error.pos[0]).line}: geen geldige YAML, het antwoord is er niet aan toegevoegd`);
  if (doc.has(key)) return;
  if (doc.contents === null) doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
  doc.set(key, doc.createNode(entry));
  writeFileAtomically(metadataPath, doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
}

/** The answer file an earlier delivery of this handoff wrote (its name ends with the handoff's id). */
function existingAnswerFile(knowledgeDir: string, folderName: string, handoffId: string): string | undefined {
  const folder = path.join(knowledgeDir, folderName);
  if (!fs.existsSync(folder)) return undefined;
  const name = fs.readdirSync(folder).find((f) => f.endsWith(`-${idPart(handoffId)}.md`));
  return name && `${folderName}/${name}`;
}

function idPart(handoffId: string): string {
  return handoffId.slice(0, 8);
}

function slugOf(question: string): string {
  return question.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "vraag";
}
