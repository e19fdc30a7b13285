import fs from "node:fs";
import path from "node:path";
import { openKnowledge, syncKnowledgeFolder } from "../app/open-knowledge.js";
import { EVIDENCE_NAMES, gatherEvidence } from "../core/decision/answer-evidence.js";
import { classifyIntent, questionPart } from "../core/decision/classify-intent.js";
import { questionForm } from "../core/answer/answer-shape.js";
import { asksForList } from "../core/answer/asks-for-list.js";
import { composeAnswer } from "../core/answer/compose-answer.js";
import { retrieve } from "../core/retrieval/retrieve.js";
import { crossValidateChoice } from "../eval/cross-validate-choice.js";
import { firstSupportingRank, holdsExpected, type EvalQuestion } from "../eval/metrics.js";
import { crossValidate, fitLogistic, type Example } from "../eval/logistic-regression.js";
import { readJsonl } from "../eval/read-jsonl.js";
import { writeFittedModel } from "../eval/write-fitted-model.js";
import { fitRankingReport, rankingExamples } from "../eval/ranking-fit-report.js";
import { loadVocabulary } from "../ingest/vocabulary-files.js";
import { runCli } from "./run-cli.js";
import { flagValue, withoutFlag } from "./flag-value.js";

const DEFAULT_SET = path.join("..", "shared", "eval", "questions.realistic.jsonl");
const MODEL_FILE = path.join("src", "core", "decision", "answerability-model.ts");
const RANKING_FILE = path.join("src", "core", "retrieval", "ranking-model.ts");
const DEV_SET = path.join("..", "shared", "eval", "questions.dev.jsonl");
const FOLDS = 5;
/** Thresholds shown beside the default, so a maintainer sees what ANSWER_MIN_CONFIDENCE trades. */
const SWEEP = [0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];
/** Weights of the two-sentence window in the passage score that --retrieval compares. */
const WINDOW_WEIGHTS = [0, 0.25, 0.5, 1, 2];
/** How much less each rank down the hits weighs when the answer's quote is chosen, that --answer compares. */
const RANK_DECAYS = [0, 0.15, 0.3, 0.6, 1, 2];

/**
 * npm run eval:fit [-- FILE] [--write] [--retrieval]: fits the answer-or-handoff weights on a question set by logistic
 * regression, reports the held-out figures of 5-fold cross-validation (each question judged by a model
 * that did not see it) with a reliability table, and with --write stores the weights fitted on all of it.
 * With --retrieval it also chooses the sentence-window weight of the passage score by cross-validated MRR@10,
 * with --answer the rank decay of the quote's choice by cross-validated "answer holds the expected text".
 * With --ranking it fits the ranking weights instead (see ranking-fit-report.ts), and with --write stores
 * them when they beat the hand weights on held-out folds; fit the decision again after that.
 * With --dump F it writes the evidence of the set's questions (against the knowledge folder configured, e.g.
 * another one through KNOWLEDGE_DIR) to F instead of fitting; --add-examples F[,G] adds such evidence to the
 * fit and its folds, with held-out figures for the set's own questions and the added ones apart.
 */
runCli(async (config, args) => {
  const THRESHOLD = config.answerMinConfidence;
  const file = withoutFlag(withoutFlag(args, "--dump"), "--add-examples").find((a) => !a.startsWith("--")) ?? DEFAULT_SET;
  const settings = { ...config, openai: undefined, pinecone: undefined };
  const knowledge = await openKnowledge(settings);
  const vocabulary = loadVocabulary(config.knowledgeDir);
  const retrievalScores: number[][] = [];
  const answerScores: number[][] = RANK_DECAYS.map(() => []);
  const examples: Array<Example & { id: string; lang: string }> = [];
  try {
    await syncKnowledgeFolder(settings, knowledge);
    const questions = readJsonl<EvalQuestion>(file);
    if (args.includes("--ranking")) {
      const context = { index: knowledge.store, vocabulary };
      const report = fitRankingReport(context, rankingExamples(context, questions), rankingExamples(context, readJsonl<EvalQuestion>(DEV_SET)), FOLDS);
      console.log(report.lines.join("\n"));
      if (args.includes("--write") && report.beatsHand) {
        writeFittedModel(RANKING_FILE, "RANKING_MODEL", "RankingModel", report.model);
        console.log(`Geschreven naar ${RANKING_FILE}`);
      } else if (args.includes("--write")) console.log("Niet geschreven: buiten de fold geven de gefitte gewichten geen hogere MRR@10 met minstens even vaak de verwachte tekst in het citaat.");
      return 0;
    }
    if (args.includes("--retrieval")) {
      for (const weight of WINDOW_WEIGHTS) {
        retrievalScores.push(questions.filter((q) => q.answerable).map((q) => {
          const rank = firstSupportingRank(q, retrieve(knowledge.store, q.question, 10, { vocabulary, windowWeight: weight }).hits.map((h) => h.passage));
          return rank ? 1 / rank : 0;
        }));
      }
    }
    if (args.includes("--answer")) {
      for (const q of questions.filter((q) => q.answerable && classifyIntent(q.question) === "question")) {
        const found = retrieve(knowledge.store, questionPart(q.question), 10, { vocabulary });
        RANK_DECAYS.forEach((rankDecay, s) => {
          const answer = composeAnswer(found.hits, found.terms, found.passageCount, { list: asksForList(q.question), form: questionForm(q.question), question: q.question, rankDecay });
          answerScores[s]!.push(holdsExpected(q, answer.text) ? 1 : 0);
        });
      }
    }
    for (const q of questions) {
      if (classifyIntent(q.question) !== "question") continue;
      const searched = questionPart(q.question);
      const evidence = gatherEvidence(searched, retrieve(knowledge.store, searched, 10, { vocabulary }));
      examples.push({ id: q.id, lang: q.lang ?? "nl", label: q.answerable, features: EVIDENCE_NAMES.map((n) => evidence[n]) });
    }
  } finally {
    knowledge.close();
  }
  // --dump F: the evidence of this set's questions, for a fit over sets with other documents (--add-examples F).
  const dumpTo = flagValue(args, "--dump", "een bestandsnaam voor de voorbeelden (JSON)");
  if (dumpTo) {
    fs.writeFileSync(dumpTo, JSON.stringify(examples));
    console.log(`${examples.length} vragen met hun bewijs geschreven naar ${dumpTo}`);
    return 0;
  }
  const added = (flagValue(args, "--add-examples", "een of meer voorbeeldbestanden (JSON), gescheiden door komma's") ?? "").split(",").filter(Boolean).flatMap((f) => JSON.parse(fs.readFileSync(f, "utf8")) as typeof examples);
  const own = examples.length;
  examples.push(...added.map((e) => ({ ...e, id: `+${e.id}` })));
  if (args.includes("--retrieval")) reportRetrievalFit(retrievalScores);
  if (args.includes("--answer")) reportChoice("Afname per plek in de lijst bij het kiezen van het citaat (antwoord bevat tekst)", RANK_DECAYS, answerScores);
  const heldOut = crossValidate(examples, FOLDS);
  console.log(`Beslissing antwoorden/doorgeven, ${FOLDS}-voudige kruisvalidatie op ${file} (${examples.length} vragen)\n`);
  for (const lang of ["nl", "en", "all", ...(added.length ? ["own", "added"] : [])]) {
    const rows = examples.map((e, i) => ({ e, i, p: heldOut[i]! })).filter(({ e, i }) => lang === "all" || e.lang === lang || (lang === "own" && i < own) || (lang === "added" && i >= own));
    const unanswerable = rows.filter(({ e }) => !e.label);
    const answerable = rows.filter(({ e }) => e.label);
    const share = (n: number, of: number) => (of ? (n / of).toFixed(3) : "  -");
    console.log(`${lang.padEnd(4)} handoff onbeantwoordbaar ${share(unanswerable.filter(({ p }) => p < THRESHOLD).length, unanswerable.length)}` +
      `   onterechte handoff ${share(answerable.filter(({ p }) => p < THRESHOLD).length, answerable.length)}`);
  }
  console.log("\nBetrouwbaarheid (zekerheid → aandeel werkelijk beantwoordbaar), buiten de fit gemeten:");
  for (let low = 0; low < 1; low += 0.2) {
    const bucket = examples.filter((_, i) => heldOut[i]! >= low && (heldOut[i]! < low + 0.2 || low >= 0.8));
    const right = bucket.filter((e) => e.label).length;
    console.log(`  ${low.toFixed(1)}–${(low + 0.2).toFixed(1)}  ${String(bucket.length).padStart(4)} vragen  ${bucket.length ? (right / bucket.length).toFixed(2) : "  -"} beantwoordbaar`);
  }
  console.log("\nDrempel (ANSWER_MIN_CONFIDENCE) → nl handoff onbeantwoordbaar / onterechte handoff, buiten de fit gemeten:");
  const dutch = examples.map((e, i) => ({ e, i, p: heldOut[i]! })).filter(({ e, i }) => e.lang === "nl" && i < own);
  for (const threshold of SWEEP) {
    const rate = (label: boolean) => dutch.filter(({ e, p }) => e.label === label && p < threshold).length / Math.max(1, dutch.filter(({ e }) => e.label === label).length);
    console.log(`  ${threshold.toFixed(2)}  ${rate(false).toFixed(3)} / ${rate(true).toFixed(3)}${threshold === THRESHOLD ? "  (standaard)" : ""}`);
  }
  const model = fitLogistic(examples);
  const weights = Object.fromEntries(EVIDENCE_NAMES.map((n, i) => [n, Math.round(model.weights[i]! * 1000) / 1000]));
  console.log(`\nGewichten (op alle vragen): bias ${model.bias.toFixed(3)} ${JSON.stringify(weights)}`);
  if (args.includes("--write")) {
    writeFittedModel(MODEL_FILE, "ANSWERABILITY_MODEL", "AnswerabilityModel", { bias: Math.round(model.bias * 1000) / 1000, weights });
    console.log(`Geschreven naar ${MODEL_FILE}`);
  }
  return 0;
});

function reportRetrievalFit(scores: number[][]): void {
  reportChoice("Gewicht van de beste twee zinnen in de score van een passage (MRR@10)", WINDOW_WEIGHTS, scores);
}

/** The mean score per setting on all questions, the setting chosen and its held-out mean over the folds. */
function reportChoice(what: string, settings: readonly number[], scores: number[][]): void {
  const fit = crossValidateChoice(scores, FOLDS);
  console.log(`${what}, per waarde op alle vragen:`);
  settings.forEach((w, i) => console.log(`  ${String(w).padEnd(5)} ${fit.perSetting[i]!.toFixed(3)}`));
  console.log(`Gekozen: ${settings[fit.chosen]}; buiten de keuze gemeten (${FOLDS}-voudig): ${fit.heldOut.toFixed(3)}\n`);
}
