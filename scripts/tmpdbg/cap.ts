import fs from "node:fs";
import { loadGidsVocabulary } from "../../src/app/gids-vocabulary.js";
import { analyzeQuery } from "../../src/core/text/analyzer.js";
const v = loadGidsVocabulary("knowledge");
const qs = fs.readFileSync("test/fixtures/gids/questions.jsonl", "utf8").trim().split("\n").map((l) => JSON.parse(l));
for (const q of qs) {
  const a = analyzeQuery(q.question);
  const all = v.expand(q.question, a.terms.map((t) => t.term), a.language);
  const per = new Set(a.terms.flatMap((t) => v.expand(t.word, [t.term], a.language).map((e) => e.term)));
  if (per.size > all.length) console.log(q.id, all.length, per.size);
}
