import { Assistant, type App } from "@slack/bolt";
import { NL } from "../../../core/replies-nl.js";
import { renderSlackReply } from "../render-slack-reply.js";
import { inMessages } from "../slack-limits.js";
import { eventIdOf, isFromPerson, type SlackContext, type SlackMessageEvent } from "../slack-context.js";
import { CHANNEL_NL } from "../../../core/channel-texts-nl.js";
import { fromSlack } from "../slack-escape.js";

/**
 * Slack's assistant split view (where the workspace has it); registered first, so that its
 * threads are answered here and not a second time by the direct-message listener.
 */
export function registerAssistant(app: App, ctx: SlackContext): void {
  const { core, options } = ctx;
  app.assistant(new Assistant({
    threadStarted: async ({ say, setSuggestedPrompts }) => {
      await say(NL.greeting);
      await setSuggestedPrompts({ title: CHANNEL_NL.suggestedPromptsTitle, prompts: CHANNEL_NL.suggestedPrompts.map((message) => ({ title: message, message })) });
    },
    userMessage: async ({ message, body, setStatus, say }) => {
      const event = message as unknown as SlackMessageEvent;
      if (!isFromPerson(event)) return;
      if (!options.deliveries.firstTime(ctx.name, eventIdOf(body, event.ts))) return;
      await setStatus(CHANNEL_NL.searching);
      const question = fromSlack((event.text ?? "").trim());
      const reply = await core.handle({ channel: ctx.name, conversationId: `${event.channel}:${event.thread_ts ?? event.ts}`, userId: event.user, text: question, eventKey: `slack:${eventIdOf(body, event.ts)}` });
      for (const part of inMessages(renderSlackReply(reply, question))) await say(part);
    },
  }));
}
