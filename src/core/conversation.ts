import type { Assistant } from "./assistant.js";
import { withAttachments } from "./attachments.js";
import type { IncomingMessage } from "./channel.js";
import type { HandoffRepository } from "./handoff/handoff-repository.js";
import type { ApplyResult, HandoffService } from "./handoff/handoff-service.js";
import { askerNoticeText } from "./handoff/handoff-texts.js";
import type { Handoff } from "./handoff/handoff-types.js";
import { REPEATED_PRESS, type Reply } from "./reply.js";
import { conversationTexts, rejectionText } from "./conversation-texts.js";
import { repliesIn } from "./reply-language.js";
import { classifyIntent } from "./decision/classify-intent.js";
import { withContext } from "./decision/follow-up.js";
import { asksAboutConsent, consentFromText } from "./consent-answer.js";
import { lateConsent } from "./late-consent.js";
import { askingConsent } from "./consent-question.js";

/** A button press from the asker, in the core's terms. */
export type AskerAction = {
  channel: string;
  conversationId: string;
  userId: string;
  userName?: string;
  /**
   * "reply": a message the asker deliberately sends to the person handling their question;
   * "write_to_helper": the asker's next message in this conversation goes to that person.
   */
  action: "ask_human" | "share" | "share_anonymous" | "dont_share" | "close" | "reopen" | "reply" | "write_to_helper";
  /** For reply: what the asker writes to that person. */
  text?: string;
  /** For ask_human: the question the asker wants a person for. */
  question?: string;
  handoffId?: string;
  /** A delivery id, so a repeated delivery of the same press does nothing twice. */
  eventKey?: string;
};

/** Earlier questions of a conversation, so a follow-up is understood. */
export interface ConversationMemory {
  remember(channel: string, conversationId: string, question: string, userId?: string): void;
  /** This person's latest questions in the conversation, oldest first. */
  recent(channel: string, conversationId: string, userId: string, limit: number): string[];
  /** The latest question this person asked in the conversation (a thread may hold several people's). */
  latestOf(channel: string, conversationId: string, userId: string): string | undefined;
}

/** Askers who chose to write to the person helping them ("Antwoord aan …"); take() also forgets the choice. */
export interface HelperReplyChoices {
  choose(channel: string, conversationId: string, handoffId: string): void;
  /** The handoff the conversation's next message goes to, left in place (taken once it is relayed). */
  peek(channel: string, conversationId: string): string | undefined;
  take(channel: string, conversationId: string): string | undefined;
}

export type ConversationOptions = {
  helperReplies: HelperReplyChoices;
  assistant: Assistant;
  memory?: ConversationMemory;
  handoffs: HandoffService;
  repository: HandoffRepository;
  /**
   * Makes a follow-up a question that stands on its own, with the earlier questions (a language
   * model); without it, or when it fails, a follow-up is read together with the question before it.
   */
  rewriteFollowUp?: (input: { question: string; earlier: readonly string[]; userId: string }) => Promise<string>;
  /** The theme a question is about, for routing (from the roster's themes and the found documents). */
  detectTheme(question: string, reply: Reply): string | undefined;
  /** A question handed to a person is cut at this length, as the assistant cuts what it reads (MAX_QUESTION_CHARS). */
  maxQuestionChars?: number;
};

export type Conversation = {
  handle(message: IncomingMessage & { userName?: string }): Promise<Reply>;
  act(action: AskerAction): Promise<Reply>;
};

/** What an asker who gave no name (the web chat sends none) is called in their handoff: nobody's own name. */
export const UNNAMED_ASKER = "de vrager";

/**
 * The asker's side of the assistant: questions get an answer or a handoff (with consent first).
 * Consent counts only from a reply that is the consent answer; while a handoff is under way, a new
 * question is still a question, and the asker reaches the person helping them deliberately (act "reply").
 */
export function createConversation(options: ConversationOptions): Conversation {
  const { assistant, handoffs, repository } = options;

  const startHandoff = (message: { channel: string; conversationId: string; userId: string; userName?: string; text?: string }, question: string, reply: Reply, eventKey?: string): Reply => {
    const handoff = handoffs.request({
      question: options.maxQuestionChars ? question.slice(0, options.maxQuestionChars) : question,
      typed: message.text,
      asker: {
        channel: message.channel, conversationId: message.conversationId, userId: message.userId, name: message.userName ?? UNNAMED_ASKER,
        ...(reply.language === "en" ? { language: "en" as const } : {}),
      },
      theme: options.detectTheme(question, reply),
      findings: reply.passages.slice(0, 3).map((p) => p.source),
      eventKey,
    });
    const asking = askingConsent(handoff, reply.language);
    return { ...reply, ...asking, text: `${reply.text}\n\n${asking.prompt}` };
  };

  /** What the asker deliberately writes to the person handling their question; undefined when that is not possible now. */
  const relayToHelper = (handoffId: string, userId: string, text: string, eventKey?: string): Reply | undefined => {
    const handoff = repository.get(handoffId)?.handoff;
    if (!handoff || !text.trim() || handoff.asker.userId !== userId || (handoff.status !== "open" && handoff.status !== "claimed")) return undefined;
    const result = handoffs.apply(handoff.id, { type: "asker_reply", by: userId, text: text.trim() }, eventKey);
    const language = handoff.asker.language;
    if (!result.ok) return result.code === "duplicate" ? plain("relayed", rejectionText(result, language), handoff.id, "relayed", language) : undefined;
    return { ...plain("relayed", conversationTexts(language).relayed, handoff.id, "relayed", language), actions: ["write_to_helper"] };
  };

  const standalone = async (message: IncomingMessage, earlier: string[]): Promise<string> => {
    // Greetings, thanks and "ik wil een mens" need no rewriting (nor a call to a model).
    if (!options.rewriteFollowUp || earlier.length === 0 || classifyIntent(message.text) !== "question") return withContext(message.text, earlier);
    try {
      const rewritten = (await options.rewriteFollowUp({ question: message.text, earlier, userId: `${message.channel}:${message.userId}` })).trim();
      return rewritten || withContext(message.text, earlier);
    } catch {
      return withContext(message.text, earlier);
    }
  };

  return {
    async handle(message) {
      // This very message was relayed before a stop cut its reply off: it stays relayed, once.
      const relayedBefore = message.eventKey && repository.eventTypeOfKey(message.eventKey) === "asker_reply" ? repository.handoffOfEventKey(message.eventKey) : undefined;
      if (relayedBefore) {
        return { ...plain("relayed", conversationTexts(relayedBefore.asker.language).relayed, relayedBefore.id, "relayed", relayedBefore.asker.language), actions: ["write_to_helper"] };
      }
      // The choice is removed only once the message is relayed (committed with its event key), so a crash in between loses nothing.
      const chosen = options.helperReplies.peek(message.channel, message.conversationId);
      if (chosen) {
        const relayed = relayToHelper(chosen, message.userId, withAttachments(message.text, message.attachments), message.eventKey);
        // Someone else wrote in the asker's thread: the asker's choice stands.
        const handoff = repository.get(chosen)?.handoff;
        if (relayed || !handoff || handoff.asker.userId === message.userId) options.helperReplies.take(message.channel, message.conversationId);
        if (relayed) return relayed;
      }
      const active = repository.findActiveByAsker(message.channel, message.conversationId);
      const waiting = active?.status === "awaiting_consent" && active.asker.userId === message.userId ? active : undefined;
      const choice = waiting && consentFromText(message.text);
      if (waiting && choice) {
        return consentReply(waiting, handoffs.apply(waiting.id, choice === "dont_share"
          ? { type: "consent_refused", by: message.userId }
          : { type: "consent_given", by: message.userId, anonymous: choice === "share_anonymous" }));
      }
      // "is het met naam", "mag dat anoniem": a question about the choice, not a new question that would replace it.
      if (waiting && asksAboutConsent(message.text)) return plain("consent", conversationTexts(waiting.asker.language).consentChoices, waiting.id, "consent-explained", waiting.asker.language);
      const late = !active && lateConsent(repository, message);
      if (late) return plain("consent", conversationTexts(late.language)[late.text], late.handoffId, "consent-too-late", late.language);
      // Only the writer's own earlier questions: in a thread several people share, another's question is not theirs to continue.
      const earlier = options.memory?.recent(message.channel, message.conversationId, message.userId, 3) ?? [];
      const question = await standalone(message, earlier);
      const reply = await assistant.handle({ ...message, text: question });
      // This very message was handled before a stop cut its answer off: the handoff it started stands.
      const again = !!message.eventKey && !!waiting && repository.handoffOfEventKey(message.eventKey)?.id === waiting.id;
      if (!again && (reply.kind === "answer" || reply.kind === "handoff")) options.memory?.remember(message.channel, message.conversationId, message.text, message.userId);
      if (reply.decision === "handoff") {
        // A new question for a person replaces the one still waiting for consent (never shared).
        if (!waiting || again) return startHandoff(message, question, reply, message.eventKey);
        handoffs.apply(waiting.id, { type: "consent_refused", by: message.userId });
        // With the message's key: handled again after a stop, it finds this handoff ("again" above), not a third.
        return { ...startHandoff(message, question, reply, message.eventKey), notice: [reply.notice, conversationTexts(reply.language).earlierNotShared].filter(Boolean).join(" ") };
      }
      const answered = reply.kind === "answer" ? { ...reply, actions: ["ask_human" as const] } : reply;
      // Still waiting for consent: asked again, briefly; a plain "ja", "anoniem" or "nee" answers it.
      return waiting ? { ...answered, notice: [answered.notice, conversationTexts(reply.language).consentStillOpen].filter(Boolean).join(" ") } : answered;
    },

    async act(action) {
      if (action.action === "reply" || action.action === "write_to_helper") {
        const handoff = action.handoffId ? repository.get(action.handoffId)?.handoff : repository.findActiveByAsker(action.channel, action.conversationId);
        if (!handoff || (handoff.status !== "open" && handoff.status !== "claimed")) return notInProgress(handoff?.id, handoff?.asker.language);
        const language = handoff.asker.language;
        if (!isAsker(handoff, action)) return plain("relayed", rejectionText({ ok: false, code: "not_asker", handoff }, language), handoff.id, "not-allowed", language);
        if (action.action === "reply") {
          if (!action.text?.trim()) return plain("empty", conversationTexts(language).writeFirst, handoff.id, "empty", language);
          return relayToHelper(handoff.id, action.userId, action.text, action.eventKey) ?? notInProgress(handoff.id, language);
        }
        // Where the asker's next message arrives: the conversation the question came from.
        options.helperReplies.choose(handoff.asker.channel, handoff.asker.conversationId, handoff.id);
        return plain("relayed", conversationTexts(language).writeHere, handoff.id, "relayed", language);
      }
      if (action.action === "ask_human") {
        // Without the question (a button under an answer), the presser's own last question in the conversation is meant.
        const question = action.question?.trim() || options.memory?.latestOf(action.channel, action.conversationId, action.userId);
        if (!question) return plain("empty", conversationTexts("nl").whichQuestion);
        // Only what the store found is needed (for the tolk): no generated answer.
        const reply = await assistant.handle({ ...action, text: question }, { generate: false });
        return startHandoff({ ...action, text: question }, question, { ...reply, text: repliesIn(reply.language).askHumanAgain }, action.eventKey);
      }
      const handoff = action.handoffId ? repository.get(action.handoffId)?.handoff : repository.findActiveByAsker(action.channel, action.conversationId);
      if (!handoff) return plain("empty", conversationTexts("nl").questionGone);
      const language = handoff.asker.language;
      // The same user id on another platform (a web request naming a Slack id) is someone else.
      if (handoff.asker.channel !== action.channel) return plain("relayed", rejectionText({ ok: false, code: "not_asker", handoff }, language), handoff.id, "not-allowed", language);
      if (action.action === "share" || action.action === "share_anonymous" || action.action === "dont_share") {
        const event = action.action === "dont_share"
          ? { type: "consent_refused" as const, by: action.userId }
          : { type: "consent_given" as const, by: action.userId, anonymous: action.action === "share_anonymous" };
        return consentReply(handoff, handoffs.apply(handoff.id, event, action.eventKey));
      }
      const person = { userId: action.userId, name: action.userName ?? UNNAMED_ASKER };
      const result = action.action === "close"
        ? handoffs.apply(handoff.id, { type: "close", by: person, role: "asker" }, action.eventKey)
        : handoffs.apply(handoff.id, { type: "reopen", by: action.userId }, action.eventKey);
      const texts = conversationTexts(language);
      if (result.ok) return plain("relayed", action.action === "close" ? texts.closed : texts.reopened, handoff.id, "relayed", language);
      return plain("relayed", rejectionText(result, language), handoff.id, "not-allowed", language);
    },
  };
}

/** Whether this press or message comes from the asker: their user id, on their own platform. */
function isAsker(handoff: Handoff, from: { channel: string; userId: string }): boolean {
  return handoff.asker.userId === from.userId && handoff.asker.channel === from.channel;
}

function consentReply(handoff: Handoff, result: ApplyResult): Reply {
  if (result.ok) {
    // "Passed on" is said by the outbox once the team's thread exists; here only that it is under way.
    const notice = result.handoff.status === "declined" ? "not_shared" : "passing_on";
    // A press after the choice was made changes nothing: told where things stand, marked as a repeat ("repeat").
    const reason = result.effects.length === 0 ? REPEATED_PRESS : "consent";
    return plain("consent", askerNoticeText(notice, result.handoff), handoff.id, reason, handoff.asker.language);
  }
  return plain("consent", rejectionText(result, handoff.asker.language), handoff.id, "not-allowed", handoff.asker.language);
}

const notInProgress = (handoffId: string | undefined, language: "en" | undefined) =>
  plain("relayed", conversationTexts(language).notInProgress, handoffId, "not-allowed", language);

function plain(kind: Reply["kind"], text: string, handoffId?: string, reason: string = kind, language?: "en"): Reply {
  return { kind, decision: "answer", reason, text, sources: [], furtherReading: [], passages: [], confidence: 1, handoffId, ...(language ? { language } : {}) };
}
