import { composeAnswer, type SourceRef } from "./answer/compose-answer.js";
import type { IncomingMessage } from "./channel.js";
import { assessAnswerability } from "./decision/answerability.js";
import { classifyIntent } from "./decision/classify-intent.js";
import type { KnowledgeIndex, QuestionLog } from "./ports.js";
import type { PassageSummary, Reply } from "./reply.js";
import { NL } from "./replies-nl.js";
import { retrieve, type Retrieval } from "./retrieval/retrieve.js";
import { sourceLabel } from "./types.js";

export type AssistantOptions = {
  index: KnowledgeIndex;
  questionLog?: QuestionLog;
  /** Longer questions are cut to this many characters (and the asker is told). */
  maxQuestionChars: number;
  /** Answer when the answerability confidence reaches this; hand off below it. */
  minConfidence: number;
};

export type Assistant = { handle(message: IncomingMessage): Promise<Reply> };

const PASSAGES_IN_REPLY = 10;

/** The channel-neutral core: every message gets an answer or a handoff, never silence. */
export function createAssistant(options: AssistantOptions): Assistant {
  return {
    async handle(message) {
      const notice =
        message.text.length > options.maxQuestionChars ? NL.shortened(options.maxQuestionChars) : undefined;
      const text = message.text.slice(0, options.maxQuestionChars);
      const intent = classifyIntent(text);
      if (intent !== "question" && intent !== "human") return smallTalk(intent, notice);
      if (intent === "human") {
        const reply = handoff("asked-for-human", NL.handoffAskedForHuman, undefined, 0, notice);
        options.questionLog?.record({ channel: message.channel, question: text, decision: "handoff", reason: reply.reason, confidence: 0 });
        return reply;
      }
      const retrieval = retrieve(options.index, text, PASSAGES_IN_REPLY);
      const assessment = assessAnswerability(text, retrieval);
      const passages = summarise(retrieval);
      let reply: Reply;
      if (assessment.confidence >= options.minConfidence) {
        const answer = composeAnswer(retrieval.hits, retrieval.terms, retrieval.passageCount);
        reply = {
          kind: "answer", decision: "answer", reason: "answerable", text: answer.text,
          sources: answer.sources, furtherReading: answer.furtherReading, passages,
          confidence: assessment.confidence, notice,
        };
      } else {
        const reason = assessment.liveFacts ? "live-facts" : "not-in-knowledge";
        const intro = assessment.liveFacts ? NL.handoffLiveFacts : NL.handoffNotInKnowledge;
        reply = handoff(reason, intro, retrieval, assessment.confidence, notice);
      }
      options.questionLog?.record({
        channel: message.channel, question: text, decision: reply.decision, reason: reply.reason,
        confidence: assessment.confidence, topSource: passages[0]?.source,
      });
      return reply;
    },
  };
}

function summarise(retrieval: Retrieval): PassageSummary[] {
  return retrieval.hits.map((hit) => ({
    id: hit.passage.id,
    text: hit.passage.text,
    source: sourceLabel(hit),
    score: Math.round(hit.score * 1000) / 1000,
  }));
}

function handoff(reason: string, intro: string, retrieval: Retrieval | undefined, confidence: number, notice?: string): Reply {
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

function smallTalk(intent: "empty" | "greeting" | "thanks" | "help", notice?: string): Reply {
  const text = { empty: NL.empty, greeting: NL.greeting, thanks: NL.thanks, help: NL.help }[intent];
  return {
    kind: intent, decision: "answer", reason: "small-talk", text, sources: [], furtherReading: [],
    passages: [], confidence: 1, notice,
  };
}
