import { App, Assistant, LogLevel } from "@slack/bolt";
import type { ChannelAdapter, CoreApi } from "../../core/channel.js";
import type { AskerAction } from "../../core/conversation.js";
import type { HandoffEffectSink } from "../../core/handoff/handoff-service.js";
import { teamRejectionText, type TextOptions } from "../../core/handoff/handoff-texts.js";
import { NL } from "../../core/replies-nl.js";
import type { Reply } from "../../core/reply.js";
import type { Logger } from "../../logger.js";
import type { DeliveryMemory } from "../ports.js";
import { boltLogger } from "./bolt-logger.js";
import { renderSlackReply } from "./render-slack-reply.js";
import { homeView } from "./slack-home-view.js";
import { createSlackHandoffSink } from "./slack-handoff-sink.js";

export type SlackChannelOptions = {
  botToken: string;
  signingSecret: string;
  /** Socket Mode when set (no public URL needed); else HTTP on `port` at /slack/events. */
  appToken?: string;
  port: number;
  /** Web API base URL, default Slack's own (tests and proxies point it elsewhere). */
  apiUrl?: string;
  /** Channel id of the tolken's channel, when the team handles handoffs in Slack. */
  handoffChannel?: string;
  autoAnswerChannels: readonly string[];
  deliveries: DeliveryMemory;
  logger: Logger;
};

type SlackMessageEvent = {
  type: string;
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  channel: string;
  channel_type?: string;
};

type ActionBody = {
  user: { id: string; name?: string };
  channel?: { id: string };
  container?: { channel_id?: string; message_ts?: string; thread_ts?: string };
  message?: { ts: string; thread_ts?: string };
  trigger_id?: string;
  actions: Array<{ action_id: string; value?: string; action_ts?: string }>;
};

const MENTION = /<@[A-Z0-9]+>/g;
const SUGGESTED_PROMPTS = [
  "Hoe houden we vrijwilligers betrokken?",
  "Welke financiering is er naast subsidies?",
  "Hoe werken we goed samen met de gemeente?",
];
const THREADS = "slack-thread";
const ASKER_ACTIONS: Record<string, AskerAction["action"]> = {
  vliegwiel_ask_human: "ask_human",
  vliegwiel_share: "share",
  vliegwiel_share_anonymous: "share_anonymous",
  vliegwiel_dont_share: "dont_share",
};

/**
 * Slack adapter: turns mentions, direct messages, slash commands, button presses and replies in
 * handoff threads into core calls, and renders replies and handoff effects with Block Kit.
 * Transport and rendering only.
 */
export class SlackChannel implements ChannelAdapter {
  readonly name = "slack";
  private app: App | undefined;

  constructor(private readonly options: SlackChannelOptions) {}

  /** The sink that shows handoff steps in Slack (the asker's thread and the tolken's channel). */
  handoffSink(texts: TextOptions, slackIdOf: (userId: string) => string | undefined): HandoffEffectSink {
    return createSlackHandoffSink({
      client: () => {
        if (!this.app) throw new Error("slack is not started");
        return this.app.client;
      },
      handoffChannel: this.options.handoffChannel,
      slackIdOf,
      texts,
    });
  }

  async start(core: CoreApi): Promise<void> {
    const { options } = this;
    const app = new App({
      token: options.botToken,
      signingSecret: options.signingSecret,
      ...(options.appToken ? { appToken: options.appToken, socketMode: true } : { port: options.port }),
      clientOptions: options.apiUrl ? { slackApiUrl: options.apiUrl } : {},
      logger: boltLogger(options.logger),
      logLevel: LogLevel.WARN,
    });
    this.app = app;
    const client = app.client;

    /** Posts a reply in the asker's thread; consent questions only to the asker (ephemeral) outside DMs. */
    const postReply = async (channel: string, threadTs: string, user: string, reply: Reply, direct: boolean) => {
      const rendered = renderSlackReply(reply);
      const privateReply = !direct && (reply.actions ?? []).some((a) => a === "share" || a === "share_anonymous" || a === "dont_share");
      if (privateReply) await client.chat.postEphemeral({ channel, user, thread_ts: threadTs, ...rendered });
      else await client.chat.postMessage({ channel, thread_ts: threadTs, ...rendered });
      options.deliveries.firstTime(THREADS, `${channel}:${threadTs}`);
    };

    const answer = async (event: SlackMessageEvent, deliveryId: string) => {
      if (!isFromPerson(event)) return;
      if (!options.deliveries.firstTime(this.name, deliveryId)) return; // Slack retry or duplicate
      const threadTs = event.thread_ts ?? event.ts;
      await client.reactions.add({ channel: event.channel, timestamp: event.ts, name: "eyes" }).catch(() => undefined);
      const reply = await core.handle({
        channel: this.name,
        conversationId: `${event.channel}:${threadTs}`,
        userId: event.user,
        userName: `<@${event.user}>`, // shown (with consent) in the tolken's channel as a mention
        text: (event.text ?? "").replace(MENTION, "").trim(),
      });
      await postReply(event.channel, threadTs, event.user, reply, event.channel_type === "im");
    };

    // Slack's assistant split view (where the workspace has it); registered first, so that its
    // threads are answered here and not a second time by the direct-message listener below.
    app.assistant(new Assistant({
      threadStarted: async ({ say, setSuggestedPrompts }) => {
        await say(NL.greeting);
        await setSuggestedPrompts({ title: "Bijvoorbeeld:", prompts: SUGGESTED_PROMPTS.map((message) => ({ title: message, message })) });
      },
      userMessage: async ({ message, body, setStatus, say }) => {
        const event = message as unknown as SlackMessageEvent;
        if (!isFromPerson(event)) return;
        if (!options.deliveries.firstTime(this.name, eventIdOf(body, event.ts))) return;
        await setStatus("zoekt in de kennisbank…");
        const reply = await core.handle({ channel: this.name, conversationId: `${event.channel}:${event.thread_ts ?? event.ts}`, userId: event.user, text: (event.text ?? "").trim() });
        await say(renderSlackReply(reply));
      },
    }));

    app.event("app_mention", async ({ event, body }) => {
      await answer(event as unknown as SlackMessageEvent, eventIdOf(body, event.ts));
    });

    app.message(async ({ message, body }) => {
      const event = message as unknown as SlackMessageEvent;
      if (!isFromPerson(event)) return;
      const mentioned = /<@[A-Z0-9]+>/.test(event.text ?? "");
      if (event.channel === options.handoffChannel && event.thread_ts) {
        await this.teamReply(core, event, eventIdOf(body, event.ts));
        return;
      }
      const direct = event.channel_type === "im";
      const autoAnswer = options.autoAnswerChannels.includes(event.channel) && !mentioned;
      const followUp = !!event.thread_ts && !mentioned && options.deliveries.has(THREADS, `${event.channel}:${event.thread_ts}`);
      if (!direct && !autoAnswer && !followUp) return; // mentions arrive as app_mention; other chatter is not ours
      await answer(event, eventIdOf(body, event.ts));
    });

    app.command("/vliegwiel", async ({ command, ack, respond }) => {
      await ack();
      const text = command.text.trim();
      if (!text || /^(help|hulp)$/i.test(text)) {
        await respond({ response_type: "ephemeral", text: NL.help });
        return;
      }
      let questionTs: string | undefined;
      try {
        questionTs = (await client.chat.postMessage({ channel: command.channel_id, text: `<@${command.user_id}> vraagt: ${text}` })).ts;
      } catch (error) {
        // Not invited to this channel (or a private one): answer privately instead of failing silently.
        options.logger.warn(`slack: cannot post in ${command.channel_id} (${(error as Error).message}); answering /vliegwiel privately`);
      }
      if (!questionTs) {
        const reply = await core.handle({ channel: this.name, conversationId: `${command.channel_id}:${command.trigger_id}`, userId: command.user_id, userName: `<@${command.user_id}>`, text });
        await respond({ response_type: "ephemeral", ...renderSlackReply(reply) });
        return;
      }
      const reply = await core.handle({ channel: this.name, conversationId: `${command.channel_id}:${questionTs}`, userId: command.user_id, userName: `<@${command.user_id}>`, text });
      await postReply(command.channel_id, questionTs, command.user_id, reply, command.channel_name === "directmessage");
    });

    app.action(/^vliegwiel_/, async ({ ack, body, action }) => {
      await ack();
      const press = body as unknown as ActionBody;
      const { action_id: actionId, value } = action as { action_id: string; value?: string };
      const channel = press.channel?.id ?? press.container?.channel_id ?? "";
      const threadTs = press.container?.thread_ts ?? press.message?.thread_ts ?? press.container?.message_ts ?? press.message?.ts ?? "";
      const eventKey = `slack:${press.trigger_id ?? `${actionId}:${press.user.id}:${(action as { action_ts?: string }).action_ts}`}`;
      const askerAction = ASKER_ACTIONS[actionId];
      if (askerAction) {
        const reply = await core.act({
          channel: this.name, conversationId: `${channel}:${threadTs}`, userId: press.user.id, userName: press.user.name,
          action: askerAction, handoffId: value && value !== askerAction ? value : undefined, eventKey,
          question: askerAction === "ask_human" ? await this.questionOf(channel, threadTs) : undefined,
        });
        await postReply(channel, threadTs, press.user.id, reply, channel.startsWith("D"));
        return;
      }
      if (actionId === "vliegwiel_feedback_up" || actionId === "vliegwiel_feedback_down") {
        if (!options.deliveries.firstTime(`${this.name}-feedback`, `${channel}:${threadTs}:${press.user.id}`)) return;
        core.feedback({ channel: this.name, conversationId: `${channel}:${threadTs}`, helpful: actionId.endsWith("up"), question: await this.questionOf(channel, threadTs) });
        await client.chat.postEphemeral({ channel, user: press.user.id, thread_ts: threadTs, text: "Dank je voor je reactie!" });
        return;
      }
      const button = actionId.replace(/^vliegwiel_/, "");
      if (button !== "claim" && button !== "close" && button !== "close_learn") return;
      const result = core.team.press(value ?? "", core.team.member(press.user.id), button, eventKey);
      if (!result.ok && result.code !== "duplicate") {
        await client.chat.postEphemeral({ channel, user: press.user.id, text: teamRejectionText(result.code) });
      }
    });

    app.event("app_home_opened", async ({ event }) => {
      if ((event as { tab?: string }).tab && (event as { tab?: string }).tab !== "home") return;
      await client.views.publish({ user_id: event.user, view: homeView(core, event.user) });
    });

    app.error(async (error) => {
      options.logger.error(`slack: ${error.message}`);
    });

    if (options.appToken) await app.start();
    else await app.start(options.port);
    options.logger.info(options.appToken ? "slack connected (socket mode)" : `slack listening on port ${options.port} at /slack/events`);
  }

  async stop(): Promise<void> {
    await this.app?.stop();
    this.app = undefined;
  }

  /** What a roster member writes in a handoff thread reaches the asker; others' messages stay in the thread. */
  private async teamReply(core: CoreApi, event: SlackMessageEvent, deliveryId: string): Promise<void> {
    if (!this.options.deliveries.firstTime(this.name, deliveryId)) return;
    const member = core.team.member(event.user!);
    const handoff = member && core.team.byThread(`${event.channel}:${event.thread_ts}`);
    if (!member || !handoff) return;
    const result = core.team.reply(handoff.id, member, event.text ?? "", `slack:${deliveryId}`);
    if (!result.ok && result.code !== "duplicate" && result.code !== "not_claimer") {
      await this.app?.client.chat.postEphemeral({ channel: event.channel, user: event.user!, thread_ts: event.thread_ts, text: teamRejectionText(result.code) });
    }
  }

  /** The question that started a thread (for "Vraag een mens" under an answer). */
  private async questionOf(channel: string, threadTs: string): Promise<string | undefined> {
    const history = await this.app?.client.conversations.replies({ channel, ts: threadTs, limit: 1 }).catch(() => undefined);
    // A slash command's question was posted as "<@U…> vraagt: …"; a mention's question as "<@BOT> …".
    return history?.messages?.[0]?.text?.replace(MENTION, "").trim().replace(/^vraagt:\s*/, "");
  }
}

/** A new message typed by a person: not an edit, join or other subtype, not a bot, not ourselves. */
function isFromPerson(event: SlackMessageEvent): event is SlackMessageEvent & { user: string } {
  return !event.subtype && !event.bot_id && !!event.user;
}

function eventIdOf(body: unknown, fallback: string): string {
  return String((body as { event_id?: string }).event_id ?? fallback);
}
