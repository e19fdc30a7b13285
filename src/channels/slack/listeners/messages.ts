import type { App } from "@slack/bolt";
import { answer, eventIdOf, isFromPerson, THREADS, type SlackContext, type SlackMessageEvent } from "../slack-context.js";
import { teamReply } from "./team-reply.js";

/**
 * Mentions (app_mention), and messages: direct messages, auto-answer channels, follow-ups in
 * threads Vliegwiel answered in, and tolken's replies in handoff threads.
 */
export function registerMessages(app: App, ctx: SlackContext): void {
  const { options } = ctx;
  app.event("app_mention", async ({ event, body }) => {
    await answer(ctx, event as unknown as SlackMessageEvent, eventIdOf(body, event.ts));
  });

  app.message(async ({ message, body, context }) => {
    const event = message as unknown as SlackMessageEvent;
    if (!isFromPerson(event)) return;
    // Only a mention of Vliegwiel itself (its user id, from auth.test) arrives as app_mention too; a colleague's does not.
    const mentioned = mentionsBot(event.text ?? "", context.botUserId);
    if (event.channel === options.handoffChannel && event.thread_ts) {
      await teamReply(ctx, event, eventIdOf(body, event.ts));
      return;
    }
    const direct = event.channel_type === "im";
    const autoAnswer = options.autoAnswerChannels.includes(event.channel) && !mentioned;
    const followUp = !!event.thread_ts && !mentioned && options.deliveries.has(THREADS, `${event.channel}:${event.thread_ts}`);
    if (!direct && !autoAnswer && !followUp) return; // mentions arrive as app_mention; other chatter is not ours
    await answer(ctx, event, eventIdOf(body, event.ts));
  });
}

/** Whether a message mentions the bot itself (`<@BOT>` or `<@BOT|name>`); without its id known, any mention counts. */
export function mentionsBot(text: string, botUserId: string | undefined): boolean {
  return botUserId ? new RegExp(`<@${botUserId}(\\|[^>]*)?>`).test(text) : /<@[A-Z0-9]+>/.test(text);
}
