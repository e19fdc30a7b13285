import { App, LogLevel, webApi } from "@slack/bolt";
import type { ChannelAdapter, CoreApi } from "../../core/channel.js";
import type { HandoffEffectSink } from "../../core/handoff/handoff-service.js";
import type { TextOptions } from "../../core/handoff/handoff-texts.js";
import { registerActions } from "./actions/on-action.js";
import { boltLogger, quietLogger } from "./bolt-logger.js";
import { checkHandoffChannel } from "./check-handoff-channel.js";
import { keepEventsInInbox } from "./event-inbox.js";
import { registerVliegwielCommand } from "./commands/vliegwiel.js";
import { registerProfileModal } from "./profile-modal.js";
import { registerLessonModal } from "./lesson-modal.js";
import { registerAppHome } from "./listeners/app-home.js";
import { registerAssistant } from "./listeners/assistant.js";
import { registerFileShare } from "./listeners/file-share.js";
import { registerMessages } from "./listeners/messages.js";
import type { SlackChannelOptions, SlackContext } from "./slack-context.js";
import { createSlackHandoffSink } from "./slack-handoff-sink.js";
import { createSlackIntroSink } from "./slack-intro-sink.js";
import type { IntroductionEffectSink } from "../../core/introductions/introduction-service.js";
import { retryTransientSlackErrors } from "./slack-transient-retry.js";
import { botIdentity, refusesToken } from "./bot-identity.js";
import { keptForNextStart } from "../retry-transient.js";
import { createNameLookup } from "./slack-names.js";
import { PROBE_TIMEOUT_MS, SlackReachability } from "./slack-reachability.js";

export type { SlackChannelOptions } from "./slack-context.js";

/** A reply's request that Slack leaves unanswered this long is given up and tried again (after a look whether it landed). */
const REPLY_TIMEOUT_MS = 15_000;

/**
 * Slack adapter: turns mentions, direct messages, slash commands, button presses and replies in
 * handoff threads into core calls, and renders replies and handoff effects with Block Kit.
 * Transport and rendering only. Each listener, command and button family has its own file
 * (listeners/, commands/, actions/); this class holds Bolt's lifecycle.
 */
export class SlackChannel implements ChannelAdapter {
  readonly name = "slack";
  private app: App | undefined;
  private effectClient: App["client"] | undefined;
  /** Socket Mode: whether the WebSocket to Slack is open now; HTTP mode: whether the server listens. */
  private socketOpen = false;
  /** Whether the Web API answers with this token (a listening server or an open socket does not say so). */
  private readonly reachability: SlackReachability;

  constructor(private readonly options: SlackChannelOptions) {
    // Its own client: a time limit per request, and the client's own warning for each failed request
    // only at debug (the probe says once, in Dutch, that Slack cannot be reached).
    let probeClient: App["client"] | undefined;
    this.reachability = new SlackReachability(
      () => (probeClient ??= this.onceOnlyClient({ timeout: PROBE_TIMEOUT_MS, logger: quietLogger(options.logger), logLevel: LogLevel.DEBUG })),
      options.logger,
    );
  }

  /** The sink that shows handoff steps in Slack (the asker's thread and the tolken's channel). */
  handoffSink(texts: TextOptions, slackIdOf: (userId: string) => string | undefined): HandoffEffectSink {
    return createSlackHandoffSink({
      // Without the client's automatic re-sending: a post whose answer got lost is not sent again
      // blindly; the outbox's next attempt looks for it first.
      client: () => this.deliveryClient(),
      handoffChannel: this.options.handoffChannel,
      slackIdOf,
      texts,
    });
  }

  /** The sink for introductions: requests in the contact's DM, notices in the asker's thread, group DMs. */
  introSink(): IntroductionEffectSink {
    return createSlackIntroSink(() => this.deliveryClient());
  }

  /** The client without automatic re-sending, for once-only posts (the outbox retries after checking). */
  private deliveryClient(): App["client"] {
    return (this.effectClient ??= this.onceOnlyClient({ logger: boltLogger(this.options.logger), logLevel: LogLevel.WARN }));
  }

  /**
   * The client replies to people go out with: a time limit per request, and nothing sent again by
   * itself. A 429 and Slack's transient `ok: false` errors (fatal_error may have partly succeeded) are
   * handed to slack-reply-once.ts, which tries again only after looking whether the first try landed.
   */
  private replyClient(): App["client"] {
    return this.onceOnlyClient({ timeout: REPLY_TIMEOUT_MS, rejectRateLimitedCalls: true, logger: boltLogger(this.options.logger), logLevel: LogLevel.WARN });
  }

  /** A Web API client of this bot that never sends a request again by itself. */
  private onceOnlyClient(extra: Pick<webApi.WebClientOptions, "timeout" | "logger" | "logLevel" | "rejectRateLimitedCalls">): App["client"] {
    return new webApi.WebClient(this.options.botToken, { slackApiUrl: this.options.apiUrl, retryConfig: { retries: 0 }, ...extra });
  }

  async start(core: CoreApi): Promise<void> {
    const { options } = this;
    // Known before Bolt starts, so it does not check the token where nothing awaits it (bot-identity.ts).
    const identity = await botIdentity(this.onceOnlyClient({ timeout: REPLY_TIMEOUT_MS, logger: boltLogger(options.logger), logLevel: LogLevel.WARN }));
    const app = new App({
      token: options.botToken,
      ...(identity ?? { tokenVerificationEnabled: false }),
      signingSecret: options.signingSecret,
      ...(options.appToken ? { appToken: options.appToken, socketMode: true } : { port: options.port }),
      clientOptions: options.apiUrl ? { slackApiUrl: options.apiUrl } : {},
      logger: boltLogger(options.logger),
      logLevel: LogLevel.WARN,
    });
    this.app = app;
    const inbox = options.inbox && keepEventsInInbox(app, { inbox: options.inbox, deliveries: options.deliveries, channel: this.name, logger: options.logger });
    retryTransientSlackErrors(app.client, { logger: options.logger });
    const ctx: SlackContext = {
      name: this.name, options, core, client: app.client, replyClient: this.replyClient(), stopped: () => this.app !== app, nameOf: createNameLookup(() => app.client),
    };
    // The assistant view first, so that its threads are not answered again as direct messages.
    registerAssistant(app, ctx);
    registerMessages(app, ctx);
    registerFileShare(app, ctx);
    registerVliegwielCommand(app, ctx);
    registerActions(app, ctx);
    registerProfileModal(app, ctx);
    registerLessonModal(app, ctx);
    registerAppHome(app, ctx);

    app.error(async (error) => {
      // Network trouble outlasted the retries: the event stays in the inbox (event-inbox.ts), said by the retry's log.
      if (keptForNextStart(error)) throw error;
      options.logger.error(`slack: ${error.message}`);
    });

    if (options.appToken) {
      const socket = (app as unknown as { receiver?: { client?: { on(event: string, listener: () => void): void } } }).receiver?.client;
      socket?.on("connected", () => (this.socketOpen = true));
      socket?.on("disconnected", () => (this.socketOpen = false));
      socket?.on("reconnecting", () => (this.socketOpen = false));
      await app.start().catch((error: unknown) => {
        const refused = refusesToken(error);
        if (!refused) throw error;
        throw new Error(`Slack weigerde SLACK_APP_TOKEN (${refused}): maak onder Basic Information → App-Level Tokens een token (xapp-…) met de scope connections:write`);
      });
      this.socketOpen = true;
    } else {
      await app.start(options.port);
      this.socketOpen = true;
    }
    options.logger.info(options.appToken ? "Slack verbonden (socket mode)" : `Slack luistert op poort ${options.port} op /slack/events`);
    this.reachability.start();
    if (options.handoffChannel) await checkHandoffChannel(app.client, options.handoffChannel, options.logger);
    // Events acknowledged before a crash cut their handling off: handled now (not awaited by start).
    void inbox?.replay();
  }

  /** For /healthz. */
  connected(): boolean {
    return !!this.app && this.socketOpen && this.reachability.ok();
  }

  async stop(): Promise<void> {
    this.reachability.stop();
    this.socketOpen = false;
    await this.app?.stop();
    this.app = undefined;
  }
}
