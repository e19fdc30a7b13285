import { Assistant, type App } from "@slack/bolt";
import { NL } from "../../../core/replies-nl.js";
import { renderSlackReply } from "../render-slack-reply.js";
import { inMessages } from "../slack-limits.js";
import { eventIdOf, isFromPerson, sendOnce, type SlackContext, type SlackMessageEvent } from "../slack-context.js";
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
    userMessage: async ({ message, body, setStatus }) => {
      const event = message as unknown as SlackMessageEvent;
      if (!isFromPerson(event)) return;
      if (!options.deliveries.firstTime(ctx.name, eventIdOf(body, event.ts))) return;
      await setStatus(CHANNEL_NL.searching);
      const question = fromSlack((event.text ?? "").trim());
      const threadTs = event.thread_ts ?? event.ts;
      const eventKey = `slack:${eventIdOf(body, event.ts)}`;
      const reply = await core.handle({ channel: ctx.name, conversationId: `${event.channel}:${threadTs}`, userId: event.user, text: question, eventKey });
      // Each part once, also when a connection is cut under it (Bolt's `say` would post it again).
      const send = sendOnce(ctx, eventKey, threadTs);
      for (const [index, part] of inMessages(renderSlackReply(reply, question)).entries()) await send.post({ channel: event.channel, thread_ts: threadTs, ...part }, String(index + 1));
    },
  }));
}
