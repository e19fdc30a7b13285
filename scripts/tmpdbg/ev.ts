import fs from "node:fs";
import { loadGidsVocabulary } from "../../src/app/gids-vocabulary.js";
import { openKnowledge, syncKnowledgeFolder } from "../../src/app/open-knowledge.js";
import { loadConfig } from "../../src/config.js";
import { importProfiles } from "../../src/core/gids/import-profiles.js";
import { GidsMatcher } from "../../src/core/gids/initiative-matcher.js";
import { suggestProbability } from "../../src/core/gids/suggest-model.js";
import { openDatabase } from "../../src/store/open-database.js";
import { SqliteInitiativeDirectory } from "../../src/store/sqlite-initiative-directory.js";
const config = loadConfig(process.env);
const knowledge = await openKnowledge({ ...config, openai: undefined, pinecone: undefined } as any);
await syncKnowledgeFolder(config as any, knowledge);
const db = openDatabase(":memory:");
const directory = new SqliteInitiativeDirectory(db);
importProfiles(directory, fs.readFileSync("test/fixtures/gids/profiles.csv", "utf8"), { platform: "beheer", userId: "eval" });
const m = new GidsMatcher(directory, loadGidsVocabulary("knowledge"), knowledge.store);
const qs = fs.readFileSync("test/fixtures/gids/questions.jsonl", "utf8").trim().split("\n").map((l) => JSON.parse(l));
for (const q of qs) {
  const j = m.judged(q.question, { region: q.region ?? undefined, exclude: q.own ? [q.own] : [] });
  const top = j.candidates.slice(0, 3).map((c) => c.profile.id);
  const lab = q.expected.length ? (top.some((id: string) => q.expected.includes(id)) ? "POS" : "pos-") : "NEG";
  const e: any = j.evidence ?? {};
  console.log(q.id, lab, (j.evidence ? suggestProbability(j.evidence) : 0).toFixed(2), Object.entries(e).map(([k, v]) => `${k}=${(v as number).toFixed(2)}`).join(" "));
}
knowledge.close();
