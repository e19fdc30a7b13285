import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig, type Config } from "../../src/config.js";
import { ingestSources } from "../../src/ingest/ingest-sources.js";
import { KnowledgeStore } from "../../src/store/knowledge-store.js";
import { openDatabase } from "../../src/store/open-database.js";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
export const STARTER_KNOWLEDGE = path.join(REPO_ROOT, "knowledge");

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = "vliegwiel-test-"): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Settings for a test: a temporary database and, unless given, a writable copy of the starter
 * knowledge (flows such as the learning loop write into the knowledge folder; the repo's stays as shipped).
 */
export function testConfig(dataDir: string, overrides: Record<string, string> = {}): Config {
  const knowledgeDir = overrides.KNOWLEDGE_DIR ?? copyOfStarterKnowledge(dataDir);
  return loadConfig(
    {
      DATA_DIR: dataDir, ROSTER_FILE: path.join(dataDir, "roster.yaml"), WEB_PORT: "0", LOG_LEVEL: "error",
      // Tests send many messages from one address in a short time; the rate limits have a test of their own.
      WEB_MESSAGES_PER_MINUTE: "0", WEB_CONVERSATIONS_PER_HOUR: "0", WEB_HANDOFFS_PER_HOUR: "0",
      ...overrides, KNOWLEDGE_DIR: knowledgeDir,
    },
    REPO_ROOT,
  );
}

/** A writable copy of the starter knowledge (for tests whose flow adds documents). */
export function copyOfStarterKnowledge(dir: string): string {
  const target = path.join(dir, "knowledge");
  fs.cpSync(STARTER_KNOWLEDGE, target, { recursive: true });
  return target;
}

/** A real store in a real SQLite file inside dir. */
export function openTestStore(dir: string): KnowledgeStore {
  return new KnowledgeStore(openDatabase(path.join(dir, "test.db")));
}

/**
 * A real store holding the given text files (name → text), ingested as a maintainer would add them:
 * for retrieval tests with examples of their own. Fails when a file is not read.
 */
export async function storeOfTexts(files: Record<string, string>): Promise<{ store: KnowledgeStore; cleanup(): void }> {
  const { dir, cleanup } = tempDir();
  const knowledgeDir = path.join(dir, "knowledge");
  fs.mkdirSync(knowledgeDir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(knowledgeDir, name), text);
  const store = openTestStore(dir);
  const summary = await ingestSources({ store, knowledgeDir, maxFileBytes: 1024 * 1024 });
  if (summary.failed.length) throw new Error(`not ingested: ${JSON.stringify(summary.failed)}`);
  return { store, cleanup };
}
