import type { CoreApi } from "../../core/channel.js";
import type { Reply } from "../../core/reply.js";
import type { WebMessages } from "../ports.js";

/**
 * The consent question a stop cut off. A question for a person makes its handoff (committed by the
 * core) and then the route keeps the reply that asks for consent; a stop in between leaves a handoff
 * waiting for a consent nobody was asked for. When the history of a conversation this process is not
 * working on is read, such a question is kept in its place (once), so the page asks it again; while
 * a question of the conversation is handled, its reply may simply not be kept yet.
 */
export class CutOffConsent {
  /** Conversations with a question or a press being handled now, and how many. */
  private readonly working = new Map<string, number>();

  /** Runs the handling of a question or press of the conversation, known as under way meanwhile. */
  async during<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    this.working.set(conversationId, (this.working.get(conversationId) ?? 0) + 1);
    try {
      return await work();
    } finally {
      const left = (this.working.get(conversationId) ?? 1) - 1;
      if (left > 0) this.working.set(conversationId, left);
      else this.working.delete(conversationId);
    }
  }

  /**
   * Before the conversation's history is read: the consent question of its handoff that waits for
   * consent, to keep, when no kept reply of the conversation belongs to that handoff; else undefined.
   */
  lost(conversationId: string, ctx: { core: CoreApi; messages: WebMessages; channel: string }, replyAuthor: string): Reply | undefined {
    if (this.working.has(conversationId)) return undefined;
    const question = ctx.core.consentQuestion(ctx.channel, conversationId);
    if (!question?.handoffId || hasReplyFor(ctx.messages, conversationId, question.handoffId, replyAuthor)) return undefined;
    return question;
  }
}

/** Whether a kept reply of the conversation belongs to this handoff (its consent question, or a later step). */
function hasReplyFor(messages: WebMessages, conversationId: string, handoffId: string, replyAuthor: string): boolean {
  for (let after = 0; ; ) {
    const batch = messages.since(conversationId, after);
    if (batch.length === 0) return false;
    // A reply keeps its handoff's id in its JSON; the text is searched first, so few are parsed.
    if (batch.some((m) => m.author === replyAuthor && m.text.includes(handoffId) && handoffIdOf(m.text) === handoffId)) return true;
    after = batch.at(-1)!.id;
  }
}

function handoffIdOf(text: string): string | undefined {
  try {
    return (JSON.parse(text) as { handoffId?: string }).handoffId;
  } catch {
    return undefined;
  }
}
