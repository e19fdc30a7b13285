import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import type { HandoffEffect } from "../core/handoff/handoff-types.js";
import { ingestSources } from "../ingest/ingest-sources.js";
import { METADATA_FILE } from "../ingest/metadata-file.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";

export const ANSWERS_FOLDER = "antwoorden";

/**
 * The learning loop: an answer a tolk approved becomes a knowledge document (kind "antwoord van
 * tolk") that the next asker finds. It holds the question and the answer, never who asked.
 */
export async function addAnswerToKnowledge(
  effect: Extract<HandoffEffect, { type: "add_to_knowledge" }>,
  handoffId: string,
  options: { knowledgeDir: string; store: KnowledgeStore; maxFileBytes: number; now?: Date },
): Promise<string> {
  const now = options.now ?? new Date();
  const slug = effect.question.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
  const relative = `${ANSWERS_FOLDER}/${now.toISOString().slice(0, 10)}-${slug || "vraag"}-${handoffId.slice(0, 8)}.md`;
  const file = path.join(options.knowledgeDir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `# ${effect.question}\n\n${effect.answer}\n`);

  // Appended as a new block, so the maintainers' own entries, comments and layout stay untouched.
  const metadataPath = path.join(options.knowledgeDir, METADATA_FILE);
  const existing = fs.existsSync(metadataPath) ? fs.readFileSync(metadataPath, "utf8") : "";
  const entry = YAML.stringify(
    { [relative]: { title: effect.question, kind: "antwoord van tolk", year: String(now.getFullYear()), themes: effect.theme ? [effect.theme] : [] } },
    { lineWidth: 0 },
  );
  fs.writeFileSync(metadataPath, `${existing}${existing && !existing.endsWith("\n") ? "\n" : ""}\n${entry}`);

  const summary = await ingestSources({ store: options.store, knowledgeDir: options.knowledgeDir, sources: [file], maxFileBytes: options.maxFileBytes });
  if (summary.failed.length) throw new Error(`learning loop: ${summary.failed[0]!.reason}`);
  return relative;
}
