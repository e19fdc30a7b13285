import { NL, type ReplyTexts } from "../replies-nl.js";
import { repairOcrText } from "../text/ocr-repair.js";
import { sourceLabel, type SearchHit } from "../types.js";
import { questionWeight, type QuestionWeight } from "../retrieval/question-weight.js";
import type { SearchTerm } from "../retrieval/retrieve.js";
import { sentencesOf, sentenceWindows, type AnalysedSentence } from "../retrieval/passage-sentences.js";
import { shapeFactor, type QuestionForm } from "./answer-shape.js";
import { questionHeadingCredit } from "./question-heading.js";
import { followingSentences } from "./next-passage.js";
import { headingWeight } from "./section-heading.js";
import { opensDocumentWithMoreRead } from "./document-opening.js";
import { announces, isHeadingLike, quoteLength } from "./quote-lines.js";
import { bulletItemSpans, openingList } from "./bullet-lists.js";
import { askedDetails, detailsGiven } from "./asked-details.js";
import { asksYesNo, givesVerdict } from "./yes-no.js";
import { extendQuote, type PassageLists, MAX_LIST_WINDOW, MAX_QUOTE_CHARS, MAX_WINDOW } from "./quote-extent.js";

/**
 * A source; under "Meer lezen" it may carry the sentence that makes it worth reading. `url` is where a
 * person can read it, when there is such an address (set by the app).
 */
export type SourceRef = { label: string; documentId: string; passageId: string; snippet?: string; url?: string };

export type ComposedAnswer = { text: string; sources: SourceRef[]; furtherReading: SourceRef[] };

const PASSAGES_TO_READ = 3;
/**
 * Each rank down the hit list weighs this much less (the best passage is trusted most); chosen by 5-fold
 * cross-validation of "the answer holds the expected text" on the realistic questions (`npm run eval:fit -- --answer`).
 */
export const RANK_DECAY = 0.6;
/**
 * A run of sentences that gives the detail the question asks for (the date of "wanneer", the amount of
 * "wat kost", a count, a time, a place, a person, contact details) counts this much more: of two runs
 * that hold the question's words alike, the one with the answer is quoted. It counts once for each
 * detail asked that the run gives (see asked-details.ts): "wanneer … en met hoeveel" is answered by the
 * run with the date and the number. Chosen on the realistic and development questions and check sets
 * 2–7 ("answer holds the expected text"): 1.15 one question fewer in check set 4 than 1.3; 1.3–1.45 alike;
 * 1.6 to 2.5 alike, one question more in check set 6 than 1.3 and none fewer anywhere.
 */
const DETAIL_BONUS = 1.8;
/**
 * A run of sentences that says yes, no or on which condition, for a question asking yes or no, counts this
 * much more (see yes-no.ts); only a sentence that holds a question word counts, so "niet" elsewhere does
 * not. Chosen on the realistic and development questions and check sets 2–7: 1.3 moved nothing; 1.5–1.7
 * one question of check set 4 the right way and none the wrong way; 1.8 and more also moved questions
 * the wrong way (check sets 6 and the realistic set).
 */
const VERDICT_BONUS = 1.6;
/**
 * A question word in the heading a passage stands under counts this much of one in the quote, for every
 * run of that passage (see section-heading.ts). Chosen on the realistic questions and check sets 1–6:
 * 0.15–0.25 moved two check-set questions the right way, 0.35 and more one more, and one the wrong way.
 */
const HEADING_SHARE = 0.25;
/**
 * A document's opening passage counts this much when a later passage of the same document is read too
 * (see document-opening.ts). Chosen on the realistic questions and check sets 1–6: 0.5 and 0.6 moved
 * three to five check-set questions the right way and one realistic question (a slide deck whose first
 * page holds its list) the wrong way; 0.35 moved more of both.
 */
const OPENING_FACTOR = 0.5;
/** A word found through a synonym, a translation or a correction counts for this much of a typed word. */
const EXPANSION_WEIGHT = 0.6;

/**
 * The offline answer: from the best passages, the run of one to three consecutive sentences that
 * holds most of the question's weight (for a list question, the list), quoted as one piece with its
 * source, followed by the other documents worth reading. Headings, fragments and debris are not quoted.
 * `question`: the question as asked, for the details it asks for (a date, an amount, …) that a run should give.
 */
export function composeAnswer(hits: readonly SearchHit[], terms: readonly SearchTerm[], passageCount: number, options: { list?: boolean; form?: QuestionForm; texts?: ReplyTexts; rankDecay?: number; question?: string } = {}): ComposedAnswer {
  const texts = options.texts ?? NL;
  const question = questionWeight(terms, passageCount, { expansionWeight: EXPANSION_WEIGHT });
  const details = options.question ? askedDetails(options.question, terms) : [];
  // A question to be answered yes or no (not "waarom …", not "hoe …"): a run whose sentence on the asked
  // thing says yes, no or on which condition ("Er is geen wet die het verplicht") counts more.
  const yesNo = !!options.question && options.form !== "why" && options.form !== "howto" && asksYesNo(options.question);
  let best: { hit: SearchHit; sentences: AnalysedSentence[]; score: number; body?: AnalysedSentence[] } | undefined;
  const read = hits.slice(0, PASSAGES_TO_READ);
  for (const [rank, hit] of read.entries()) {
    const sentences = sentencesOf(hit).filter((s) => !isHeading(s.text, hit));
    // What the sentences right under a heading that asks the question answer (an FAQ, a tolk's answer).
    const underQuestion = questionHeadingCredit(hit, question);
    // What the heading the passage stands under names of the question, for each of its runs.
    const headingCredit = HEADING_SHARE * headingWeight(hit, question);
    const opening = opensDocumentWithMoreRead(hit, read) ? OPENING_FACTOR : 1;
    for (let size = 1; size <= (options.list ? MAX_LIST_WINDOW : MAX_WINDOW); size++) {
      for (const window of sentenceWindows(sentences, size)) {
        if (window.sentences.length < size && size > 1) continue;
        const text = window.sentences.map((s) => s.text).join(" ");
        if (text.length > MAX_QUOTE_CHARS && size > 1) continue;
        const shape = shapeFactor(window.sentences, question, options.form ?? "other", !!options.list);
        const own = windowScore(window.sentences, question, options.list, headingCredit) + (window.start === 0 ? underQuestion : 0);
        const detail = DETAIL_BONUS ** detailsGiven(details, window.sentences, text) * (yesNo && window.sentences.some((s) => givesVerdict(s.text) && question.heldEach(s.terms) > 0) ? VERDICT_BONUS : 1);
        const score = (own * shape * detail * opening) / (1 + (options.rankDecay ?? RANK_DECAY) * rank);
        const body = window.start === 0 && underQuestion > 0 ? sentences : undefined;
        if (!best || score > best.score + 1e-9) best = { hit, sentences: window.sentences, score, body };
      }
    }
  }
  if (!best || best.score <= 0) return withSources(texts.answerUnclear, [], hits, new Map(), texts);
  // Under a heading that asks the question, the answer is what stands under it, as far as a quote goes.
  // The quote may read on into the next passage of the document, where the cut between passages fell inside the answer.
  const readOn = followingSentences(best.hit, hits, isHeading);
  const chosen = best.body ? { sentences: underHeading(best.body), limit: MAX_QUOTE_CHARS } : extendQuote(best.sentences, [...sentencesOf(best.hit), ...readOn], options.form ?? "other", listsOf(best.hit));
  const quote = chosen.sentences.map((s) => s.text).join(" ");
  const ref = refOf(best.hit);
  const shown = quote.length > chosen.limit ? `${quote.slice(0, chosen.limit).replace(/\s\S*$/, "")} …` : quote;
  const snippets = new Map<string, string>();
  for (const hit of hits.slice(0, PASSAGES_TO_READ)) {
    if (hit.document.id === best.hit.document.id || snippets.has(hit.document.id)) continue;
    const sentence = bestSentence(hit, question);
    if (sentence && sentence.score >= SNIPPET_MIN_SHARE * best.score) snippets.set(hit.document.id, sentence.text);
  }
  return withSources([texts.answerIntro, `“${shown}” [1]`].join("\n"), [ref], hits, snippets, texts);
}

/** A further document shows its best sentence when that holds at least this share of the answer's weight. */
const SNIPPET_MIN_SHARE = 0.5;
const MAX_SNIPPET_CHARS = 220;

/** Where a passage's bulleted lists stand among its sentences, for how far its quote goes on. */
function listsOf(hit: SearchHit): PassageLists {
  const sentences = sentencesOf(hit);
  return { opening: openingList(hit, sentences), itemSpans: bulletItemSpans(hit, sentences) };
}

/** The single sentence of a passage that holds most of the question, shortened for a preview. */
function bestSentence(hit: SearchHit, question: QuestionWeight): { text: string; score: number } | undefined {
  let best: { text: string; score: number } | undefined;
  for (const sentence of sentencesOf(hit)) {
    if (isHeading(sentence.text, hit) || isFragment(sentence.text)) continue;
    const score = windowScore([sentence], question);
    if (score > 0 && (!best || score > best.score)) best = { text: sentence.text.replace(/\n/g, "; "), score };
  }
  if (best && best.text.length > MAX_SNIPPET_CHARS) best.text = `${best.text.slice(0, MAX_SNIPPET_CHARS).replace(/\s\S*$/, "")} …`;
  return best;
}

/** The first sentences under a heading, up to a quote's length (at least the first). */
function underHeading(body: readonly AnalysedSentence[]): AnalysedSentence[] {
  const quote = [body[0]!];
  for (const sentence of body.slice(1, MAX_WINDOW)) {
    if (quoteLength(quote) + sentence.text.length > MAX_QUOTE_CHARS) break;
    quote.push(sentence);
  }
  return quote;
}

/**
 * The question's weight a run of sentences holds (every search term it holds), with a small cost per sentence
 * beyond the first (a longer quote must earn its length) and a cost for a fragment or a heading-like
 * line. For a list question, a run of list items earns a little for each item. `context` is what the
 * run's heading adds to a run that holds some of the question itself.
 */
function windowScore(sentences: readonly AnalysedSentence[], question: QuestionWeight, list = false, context = 0): number {
  const own = question.heldEach(new Set(sentences.flatMap((s) => [...s.terms])));
  if (own === 0) return 0;
  const found = own + context;
  const extra = sentences.length - 1;
  const fragments = sentences.filter((s) => isFragment(s.text) || isHeadingLike(s.text)).length;
  const lengthCost = list ? 0.04 * extra : 0.12 * extra;
  const endsOpen = announces(sentences.at(-1)!.text) ? 0.85 : 1;
  return found * (1 - lengthCost) * (1 - 0.3 * fragments / sentences.length) * endsOpen;
}

/** A piece that does not read as a sentence: no capital at the start and no full stop at the end, or very short. */
function isFragment(text: string): boolean {
  const words = text.split(/\s+/).length;
  return words < 6 || (!/^[\p{Lu}\d"“‘(]/u.test(text) && !/[.!?:;)"”]$/.test(text));
}

/**
 * An answer's body followed by its numbered sources and, from the best hits, the other documents
 * worth reading ("Meer lezen"): the form every answer takes, quoted or generated.
 */
export function withSources(body: string, sources: SourceRef[], hits: readonly SearchHit[], snippets: ReadonlyMap<string, string> = new Map(), texts: Pick<ReplyTexts, "sourcesLabel" | "furtherReadingLabel"> = NL): ComposedAnswer {
  const cited = new Set(sources.map((s) => s.documentId));
  const furtherReading: SourceRef[] = [];
  for (const hit of hits.slice(0, 5)) {
    if (cited.has(hit.document.id) || furtherReading.some((f) => f.documentId === hit.document.id)) continue;
    const snippet = snippets.get(hit.document.id);
    furtherReading.push(snippet ? { ...refOf(hit), snippet } : refOf(hit));
  }
  const text = [
    body,
    "",
    texts.sourcesLabel,
    ...sources.map((s, i) => `[${i + 1}] ${s.label}`),
    ...(furtherReading.length ? ["", texts.furtherReadingLabel, ...furtherReading.map((f) => (f.snippet ? `– ${f.label}: “${f.snippet}”` : `– ${f.label}`))] : []),
  ].join("\n");
  return { text, sources, furtherReading };
}

/** A heading repeated as the first line of its passage says nothing by itself. */
function isHeading(sentence: string, hit: SearchHit): boolean {
  return !!hit.passage.section && comparable(sentence) === comparable(repairOcrText(hit.passage.section));
}

/** Text reduced to its words, for telling whether two texts say the same. */
function comparable(text: string): string {
  return text.toLowerCase().replace(/\W+/g, " ").trim();
}

export function refOf(hit: SearchHit): SourceRef {
  return { label: sourceLabel(hit), documentId: hit.document.id, passageId: hit.passage.id };
}
