import type { App } from "@slack/bolt";
import { NL } from "../../../core/replies-nl.js";
import { renderSlackReply } from "../render-slack-reply.js";
import { postReply, type SlackContext } from "../slack-context.js";
import { CHANNEL_NL } from "../../../core/channel-texts-nl.js";
import { escapeSlack, slackMention } from "../slack-escape.js";
import { openProfileModal } from "../profile-modal.js";

/** `/vliegwiel <vraag>`: the question is posted in the channel and answered in its thread (help without a question). */
export function registerVliegwielCommand(app: App, ctx: SlackContext): void {
  const { client, core, options } = ctx;
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
      if (!Number.isInteger(days) || days <= 0 || days > 366) return void (await respond({ response_type: "ephemeral", text: CHANNEL_NL.signalsDaysHint }));
      // Checked against the roster: only coordinators see the report (privately).
      const report = core.team.signals(command.user_id, days);
      await respond({ response_type: "ephemeral", text: report ? `\`\`\`${report.replace(/`/g, "'")}\`\`\`` : CHANNEL_NL.signalsForCoordinatorsOnly });
      return;
    }
    let questionTs: string | undefined;
    try {
      questionTs = (await client.chat.postMessage({ channel: command.channel_id, text: CHANNEL_NL.slashCommandQuestion(slackMention(command.user_id) ?? "", escapeSlack(text)) })).ts;
    } catch (error) {
      // Not invited to this channel (or a private one): answer privately instead of failing silently.
      options.logger.warn(`slack: kan niet posten in ${command.channel_id} (${(error as Error).message}); /vliegwiel wordt privé beantwoord`);
    }
    if (!questionTs) {
      const reply = await core.handle({ channel: ctx.name, conversationId: `${command.channel_id}:${command.trigger_id}`, userId: command.user_id, userName: await ctx.nameOf(command.user_id), text });
      await respond({ response_type: "ephemeral", ...renderSlackReply(reply) });
      return;
    }
    const reply = await core.handle({ channel: ctx.name, conversationId: `${command.channel_id}:${questionTs}`, userId: command.user_id, userName: await ctx.nameOf(command.user_id), text });
    await postReply(ctx, command.channel_id, questionTs, command.user_id, reply, command.channel_name === "directmessage");
  });
}
