import { citeGeneratedAnswer, numberPassages } from "./answer/cite-generated-answer.js";
import { asksForList } from "./answer/asks-for-list.js";
import { questionForm } from "./answer/answer-shape.js";
import { composeAnswer, type ComposedAnswer, type SourceRef } from "./answer/compose-answer.js";
import type { IncomingMessage } from "./channel.js";
import { assessAnswerability } from "./decision/answerability.js";
import { classifyIntent, questionPart } from "./decision/classify-intent.js";
import { GenerationUnavailable, type AnswerGenerator, type KnowledgeIndex, type QuestionLog, type SemanticSearch } from "./ports.js";
import type { PassageSummary, Reply } from "./reply.js";
import type { ReplyTexts } from "./replies-nl.js";
import { repliesIn, replyLanguage } from "./reply-language.js";
import { hybridRetrieve } from "./retrieval/hybrid-retrieve.js";
import { retrieve, type Retrieval } from "./retrieval/retrieve.js";
import { whenWordListNeeded } from "./text/dutch-dictionary.js";
import type { Vocabulary } from "./text/vocabulary.js";
import type { GidsAccess } from "./gids/gids-answers.js";
import { answerFromGids, withSuggestions } from "./gids/gids-in-reply.js";
import { SUGGESTION_TEXTS } from "./gids/suggestion.js";
import { sourceLabel } from "./types.js";

export type AssistantOptions = {
  index: KnowledgeIndex;
  questionLog?: QuestionLog;
  /** Longer questions are cut to this many characters (and the asker is told). */
  maxQuestionChars: number;
  /** Answer when the answerability confidence reaches this; hand off below it. */
  minConfidence: number;
  /** Vector search, fused with BM25 (hybrid retrieval); optional. */
  semantic?: SemanticSearch;
  /** A language model that writes the answer from the passages; optional. */
  generator?: AnswerGenerator;
  /** Synonyms and the English glossary of the field (knowledge/synoniemen.txt, engels-nederlands.txt). */
  vocabulary?: Vocabulary;
  /** Where the core reports a provider falling back (no message text). */
  warn?: (message: string) => void;
  /** The initiatievengids: direct questions to it, and initiatives suggested under answers; optional. */
  gids?: GidsAccess;
};

export type Assistant = {
  /** `generate: false` skips the language model (when only the findings are needed, e.g. for a handoff). */
  handle(message: IncomingMessage, mode?: { generate: boolean }): Promise<Reply>;
};

const PASSAGES_IN_REPLY = 10;
/** Passages a language model is given to answer from. */
const PASSAGES_FOR_GENERATION = 6;

/** The channel-neutral core: every message gets an answer or a handoff, never silence. */
export function createAssistant(options: AssistantOptions): Assistant {
  return {
    async handle(message, mode = { generate: true }) {
      const text = message.text.slice(0, options.maxQuestionChars);
      const language = replyLanguage(text);
      const NL = repliesIn(language);
      const notice =
        message.text.length > options.maxQuestionChars ? NL.shortened(options.maxQuestionChars) : undefined;
      const intent = classifyIntent(text);
      if (intent !== "question" && intent !== "human") return { ...smallTalk(intent, NL, notice), language };
      if (intent === "human") {
        const reply = { ...handoff("asked-for-human", NL.handoffAskedForHuman, NL, undefined, 0, notice), language };
        options.questionLog?.record({ channel: message.channel, asker: `${message.channel}:${message.userId}`, question: text, decision: "handoff", reason: reply.reason, confidence: 0 });
        return reply;
      }
      const searched = questionPart(text);
      // Asked while the word list is still being read (just after a start): wait for it, without holding the process, if needed.
      await whenWordListNeeded(() => wordListLookups(options, searched));
      const fromGids = options.gids ? answerFromGids(options.gids, message, searched, language) : { noneInGids: false };
      if (fromGids.reply) {
        options.questionLog?.record({ channel: message.channel, asker: `${message.channel}:${message.userId}`, question: text, decision: "answer", reason: "gids", confidence: 1 });
        return { ...fromGids.reply, notice };
      }
      const retrieval = await hybridRetrieve(options.index, options.semantic, searched, PASSAGES_IN_REPLY, { vocabulary: options.vocabulary });
      if (retrieval.semantic === "failed") options.warn?.(`vector search failed, BM25 only: ${retrieval.failure}`);
      const assessment = assessAnswerability(searched, retrieval);
      const passages = summarise(retrieval);
      let reply: Reply | undefined;
      let fallbackNotice: string | undefined;
      if (options.generator && mode.generate && !assessment.liveFacts && retrieval.hits.length) {
        const given = retrieval.hits.slice(0, PASSAGES_FOR_GENERATION);
        try {
          const generated = await options.generator.answer({ question: text, passages: numberPassages(given), userId: `${message.channel}:${message.userId}` });
          const answer = citeGeneratedAnswer(generated, given);
          // The model's "the passages do not answer this" (or an answer citing nothing) is a handoff.
          reply = answer
            ? answered("generated", answer, passages, assessment.confidence, notice)
            : handoff("not-in-knowledge", NL.handoffNotInKnowledge, NL, retrieval, assessment.confidence, notice);
        } catch (error) {
          const budget = error instanceof GenerationUnavailable && error.reason === "budget";
          options.warn?.(`generation ${budget ? "over budget" : "failed"}, offline answer instead: ${(error as Error).message}`);
          fallbackNotice = budget ? NL.generationOverBudget : NL.generationUnavailable;
        }
      }
      if (!reply) {
        const dated = assessment.datedDetail && assessment.confidence >= options.minConfidence ? NL.datedDetail : undefined;
        const shown = [notice, fallbackNotice, dated].filter(Boolean).join(" ") || undefined;
        if (assessment.confidence >= options.minConfidence) {
          const answer = composeAnswer(retrieval.hits, retrieval.terms, retrieval.passageCount, { list: asksForList(text), form: questionForm(text), question: text, texts: NL });
          // Nothing quotable (only a heading or a list of loose words matched): no answer, so a person.
          reply = answer.sources.length
            ? answered("answerable", answer, passages, assessment.confidence, shown)
            : handoff("no-quotable-answer", NL.handoffNotInKnowledge, NL, retrieval, assessment.confidence, shown);
        } else {
          const reason = assessment.liveFacts ? "live-facts" : "not-in-knowledge";
          const intro = assessment.liveFacts ? NL.handoffLiveFacts : NL.handoffNotInKnowledge;
          reply = handoff(reason, intro, NL, retrieval, assessment.confidence, shown);
        }
      }
      options.questionLog?.record({
        channel: message.channel, asker: `${message.channel}:${message.userId}`, question: text, decision: reply.decision, reason: reply.reason,
        confidence: assessment.confidence, topSource: passages[0]?.source,
      });
      if (fromGids.noneInGids) reply = { ...reply, notice: [reply.notice, SUGGESTION_TEXTS[language].none].filter(Boolean).join(" ") };
      return { ...(options.gids ? withSuggestions(options.gids, reply, message, searched) : reply), language };
    },
  };
}

/** What answering a question asks of the word list (its analysis, retrieval, the gids's match), without its side effects. */
function wordListLookups(options: AssistantOptions, searched: string): void {
  options.gids?.matcher.match(searched);
  retrieve(options.index, searched, PASSAGES_IN_REPLY, { vocabulary: options.vocabulary });
}

function summarise(retrieval: Retrieval): PassageSummary[] {
  return retrieval.hits.map((hit) => ({
    id: hit.passage.id,
    text: hit.passage.text,
    source: sourceLabel(hit),
    score: Math.round(hit.score * 1000) / 1000,
  }));
}

/** An answer from the knowledge store, quoted ("answerable") or written by a model ("generated"). */
function answered(reason: string, answer: ComposedAnswer, passages: PassageSummary[], confidence: number, notice?: string): Reply {
  return {
    kind: "answer", decision: "answer", reason, text: answer.text,
    sources: answer.sources, furtherReading: answer.furtherReading, passages, confidence, notice,
  };
}

function handoff(reason: string, intro: string, NL: ReplyTexts, retrieval: Retrieval | undefined, confidence: number, notice?: string): Reply {
  const passages = retrieval ? summarise(retrieval) : [];
  const related: SourceRef[] = [];
  for (const hit of retrieval?.hits ?? []) {
    const label = sourceLabel(hit);
    if (related.length < 2 && !related.some((r) => r.label === label)) {
      related.push({ label, documentId: hit.document.id, passageId: hit.passage.id });
    }
  }
  const text = related.length && confidence > 0.15
    ? [intro, "", NL.handoffPartialFindings, ...related.map((r) => `– ${r.label}`)].join("\n")
    : intro;
  return {
    kind: "handoff", decision: "handoff", reason, text, sources: [],
    furtherReading: confidence > 0.15 ? related : [], passages, confidence, notice,
  };
}

function smallTalk(intent: "empty" | "greeting" | "thanks" | "help", NL: ReplyTexts, notice?: string): Reply {
  const text = { empty: NL.empty, greeting: NL.greeting, thanks: NL.thanks, help: NL.help }[intent];
  return {
    kind: intent, decision: "answer", reason: "small-talk", text, sources: [], furtherReading: [],
    passages: [], confidence: 1, notice,
  };
}
