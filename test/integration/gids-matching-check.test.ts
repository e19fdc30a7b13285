import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadGidsVocabulary } from "../../src/app/gids-vocabulary.js";
import { checkGidsFiles } from "../../src/eval/gids-fixture.js";
import { ingestSources } from "../../src/ingest/ingest-sources.js";
import { KnowledgeStore } from "../../src/store/knowledge-store.js";
import { openDatabase } from "../../src/store/open-database.js";
import { REPO_ROOT, STARTER_KNOWLEDGE, tempDir } from "../helpers/temp-knowledge.js";

const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "gids");
/** A second set, written apart by someone else (the suggest model is fitted on it, the first, the third and the fourth): its figures are printed, only the rules asserted. */
const HOLDOUT = path.join(REPO_ROOT, "test", "fixtures", "gids-holdout");
/** A third set, written apart by yet another writer (fitted on since the fourth came): likewise. */
const HOLDOUT2 = path.join(REPO_ROOT, "test", "fixtures", "gids-holdout2");
/** A fourth set, written apart by yet another writer (fitted on since the fifth came): likewise. */
const HOLDOUT3 = path.join(REPO_ROOT, "test", "fixtures", "gids-holdout3");
/** A fifth set, written apart by yet another writer, never fitted on or looked into: likewise. */
const HOLDOUT4 = path.join(REPO_ROOT, "test", "fixtures", "gids-holdout4");
/** A sixth set, written apart by yet another writer, never fitted on or looked into: likewise. */
const HOLDOUT5 = path.join(REPO_ROOT, "test", "fixtures", "gids-holdout5");
/** A seventh set, written apart (profiles in all twelve provinces), never fitted on or looked into: likewise. */
const HOLDOUT6 = path.join(REPO_ROOT, "test", "fixtures", "gids-holdout6");
/** An eighth set, written apart (profiles in all twelve provinces, some in Frisian), never fitted on or looked into: likewise. */
const HOLDOUT7 = path.join(REPO_ROOT, "test", "fixtures", "gids-holdout7");

/**
 * The matching check of "Done when": a gids of 42 profiles and 69 questions, written for the test by
 * someone who did not see the matcher (test/fixtures/gids/README.md). Prints the figures; the figures
 * asserted are floors against regressions, below the target of 90 % (see README, "De initiatievengids").
 */
describe("initiatievengids: the matching check", () => {
  const temp = tempDir();
  const db = openDatabase(path.join(temp.dir, "knowledge.db"));
  afterAll(() => { db.close(); temp.cleanup(); });

  const store = new KnowledgeStore(db);
  const ingested = ingestSources({ store, knowledgeDir: STARTER_KNOWLEDGE, maxFileBytes: 20 * 1024 * 1024 });

  it("given the independent gids and questions, then it prints the figures; never the asker's own, never one nobody may contact", async () => {
    await ingested;
    const check = checkGidsFiles(path.join(FIXTURE, "profiles.csv"), path.join(FIXTURE, "questions.jsonl"), loadGidsVocabulary(STARTER_KNOWLEDGE), store);
    console.log(`\nMatchingcontrole initiatievengids (${check.profiles} profielen, ${check.results.length} vragen)\n${check.text(true)}\n`);
    const { figures } = check;
    expect(check.profiles).toBeGreaterThanOrEqual(30);
    expect(figures.fitting.total).toBeGreaterThan(40);
    expect(figures.none.total).toBeGreaterThan(10);
    expect(figures.ownSuggested).toBe(0);
    expect(figures.notContactableSuggested).toBe(0);
    // Floors below what the matcher reaches today (0.75 and 0.94), not the target.
    expect(figures.fitting.share).toBeGreaterThanOrEqual(0.7);
    expect(figures.none.share).toBeGreaterThanOrEqual(0.75);
  }, 120_000);

  for (const [dir, name, dutch] of [[HOLDOUT, "second", "tweede"], [HOLDOUT2, "third", "derde"], [HOLDOUT3, "fourth", "vierde"], [HOLDOUT4, "fifth", "vijfde"], [HOLDOUT5, "sixth", "zesde"], [HOLDOUT6, "seventh", "zevende"], [HOLDOUT7, "eighth", "achtste"]] as const) {
    it.skipIf(!fs.existsSync(path.join(dir, "questions.jsonl")))(`given the ${name} set, written apart, then it prints its figures; never the asker's own, never one nobody may contact`, async () => {
      await ingested;
      const check = checkGidsFiles(path.join(dir, "profiles.csv"), path.join(dir, "questions.jsonl"), loadGidsVocabulary(STARTER_KNOWLEDGE), store);
      // The eighth set is kept unseen: its figures only, never a question's verdict (ids, expected initiatives).
      console.log(`\nMatchingcontrole initiatievengids, ${dutch} set (${check.profiles} profielen, ${check.results.length} vragen)\n${check.text(dir !== HOLDOUT7)}\n`);
      expect(check.results.length).toBeGreaterThan(0);
      expect(check.figures.ownSuggested).toBe(0);
      expect(check.figures.notContactableSuggested).toBe(0);
    }, 120_000);
  }
});
