import type { App } from "@slack/bolt";
import { NL } from "../../../core/replies-nl.js";
import { renderSlackReply } from "../render-slack-reply.js";
import { inMessages } from "../slack-limits.js";
import { postReply, type SlackContext } from "../slack-context.js";
import { CHANNEL_NL } from "../../../core/channel-texts-nl.js";
import { echoSlashQuestion } from "../slash-question-echo.js";
import { escapeSlack } from "../slack-escape.js";
import { openProfileModal } from "../profile-modal.js";
import { MAX_SIGNAL_DAYS } from "../../../core/handoff/signal-report.js";

/** `/vliegwiel <vraag>`: the question is posted in the channel and answered in its thread (help without a question). */
export function registerVliegwielCommand(app: App, ctx: SlackContext): void {
  const { core } = ctx;
  app.command("/vliegwiel", async ({ command, ack, respond }) => {
    await ack();
    const text = command.text.trim();
    if (!text || /^(help|hulp)$/i.test(text)) {
      await respond({ response_type: "ephemeral", text: NL.help });
      return;
    }
    // The user's own initiative in the gids: a modal (prefilled when they have a profile).
    if (/^initiatief$/i.test(text)) return void (await openProfileModal(ctx, command.trigger_id, command.user_id));
    const signals = /^signalen(?:\s+(\S+))?$/i.exec(text);
    if (signals) {
      const days = Number(signals[1] ?? 30);
      if (!Number.isInteger(days) || days <= 0 || days > MAX_SIGNAL_DAYS) return void (await respond({ response_type: "ephemeral", text: CHANNEL_NL.signalsDaysHint }));
      // Checked against the roster: only coordinators see the report (privately).
      const report = core.team.signals(command.user_id, days);
      // The report holds the waiting questions as typed: escaped like all such text (Slack asks &, < and > escaped in code blocks too).
      await respond({ response_type: "ephemeral", text: report ? `\`\`\`${escapeSlack(report.replace(/`/g, "'"))}\`\`\`` : CHANNEL_NL.signalsForCoordinatorsOnly });
      return;
    }
    // Kept in the event inbox until handled (event-inbox.ts): after a crash it is handled again, its echo found, not repeated.
    const echo = await echoSlashQuestion(ctx, command, text);
    const eventKey = `slack:command:${command.trigger_id}`;
    if (!echo) {
      const reply = await core.handle({ channel: ctx.name, conversationId: `${command.channel_id}:${command.trigger_id}`, userId: command.user_id, userName: await ctx.nameOf(command.user_id), text, eventKey });
      for (const part of inMessages(renderSlackReply(reply, text))) await respond({ response_type: "ephemeral", ...part });
      return;
    }
    if (echo.answered) return; // answered before a crash cut the handling off
    const questionTs = echo.ts;
    const reply = await core.handle({ channel: ctx.name, conversationId: `${command.channel_id}:${questionTs}`, userId: command.user_id, userName: await ctx.nameOf(command.user_id), text, eventKey });
    await postReply(ctx, command.channel_id, questionTs, command.user_id, reply, { key: eventKey, direct: command.channel_name === "directmessage", question: text });
  });
}
