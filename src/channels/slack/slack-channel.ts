import { App, LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { ChannelAdapter, CoreApi } from "../../core/channel.js";
import type { Logger } from "../../logger.js";
import type { DeliveryLog } from "../../store/delivery-log.js";
import { renderSlackReply } from "./render-slack-reply.js";

export type SlackChannelOptions = {
  botToken: string;
  signingSecret: string;
  /** Socket Mode when set (no public URL needed); else HTTP on `port` at /slack/events. */
  appToken?: string;
  port: number;
  /** Web API base URL, default Slack's own (tests and proxies point it elsewhere). */
  apiUrl?: string;
  autoAnswerChannels: readonly string[];
  deliveries: DeliveryLog;
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

const MENTION = /<@[A-Z0-9]+>/g;

/**
 * Slack adapter: turns mentions, direct messages and auto-answer channel messages into core
 * messages and renders the replies in threads with Block Kit. Transport and rendering only.
 */
export class SlackChannel implements ChannelAdapter {
  readonly name = "slack";
  private app: App | undefined;

  constructor(private readonly options: SlackChannelOptions) {}

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

    const answer = async (event: SlackMessageEvent, deliveryId: string, client: App["client"]) => {
      if (event.subtype || event.bot_id || !event.user) return; // edits, joins, bots and ourselves
      if (!options.deliveries.firstTime(this.name, deliveryId)) return; // Slack retry or duplicate
      const threadTs = event.thread_ts ?? event.ts;
      await client.reactions.add({ channel: event.channel, timestamp: event.ts, name: "eyes" }).catch(() => undefined);
      const reply = await core.handle({
        channel: this.name,
        conversationId: `${event.channel}:${threadTs}`,
        userId: event.user,
        text: (event.text ?? "").replace(MENTION, "").trim(),
      });
      await client.chat.postMessage({ channel: event.channel, thread_ts: threadTs, ...renderSlackReply(reply) });
    };

    app.event("app_mention", async ({ event, body, client }) => {
      await answer(event as unknown as SlackMessageEvent, String((body as { event_id?: string }).event_id ?? event.ts), client);
    });
    app.message(async ({ message, body, client }) => {
      const event = message as unknown as SlackMessageEvent;
      const direct = event.channel_type === "im";
      const autoAnswer = options.autoAnswerChannels.includes(event.channel) && !MENTION.test(event.text ?? "");
      MENTION.lastIndex = 0;
      if (!direct && !autoAnswer) return; // mentions arrive as app_mention; other chatter is not ours
      await answer(event, String((body as { event_id?: string }).event_id ?? event.ts), client);
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
}

/** Bolt's log lines through our logger (which keeps tokens out). */
function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.WARN;
  return {
    debug: (...m: unknown[]) => logger.debug(m.map(String).join(" ")),
    info: (...m: unknown[]) => logger.info(m.map(String).join(" ")),
    warn: (...m: unknown[]) => logger.warn(m.map(String).join(" ")),
    error: (...m: unknown[]) => logger.error(m.map(String).join(" ")),
    setLevel: (l: LogLevel) => void (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}
