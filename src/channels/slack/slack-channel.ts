import { App, LogLevel } from "@slack/bolt";
import type { ChannelAdapter, CoreApi } from "../../core/channel.js";
import type { HandoffEffectSink } from "../../core/handoff/handoff-service.js";
import type { TextOptions } from "../../core/handoff/handoff-texts.js";
import { registerActions } from "./actions/on-action.js";
import { boltLogger } from "./bolt-logger.js";
import { registerVliegwielCommand } from "./commands/vliegwiel.js";
import { registerAppHome } from "./listeners/app-home.js";
import { registerAssistant } from "./listeners/assistant.js";
import { registerFileShare } from "./listeners/file-share.js";
import { registerMessages } from "./listeners/messages.js";
import type { SlackChannelOptions, SlackContext } from "./slack-context.js";
import { createSlackHandoffSink } from "./slack-handoff-sink.js";

export type { SlackChannelOptions } from "./slack-context.js";

/**
 * Slack adapter: turns mentions, direct messages, slash commands, button presses and replies in
 * handoff threads into core calls, and renders replies and handoff effects with Block Kit.
 * Transport and rendering only. Each listener, command and button family has its own file
 * (listeners/, commands/, actions/); this class holds Bolt's lifecycle.
 */
export class SlackChannel implements ChannelAdapter {
  readonly name = "slack";
  private app: App | undefined;
  /** Socket Mode: whether the WebSocket to Slack is open now; HTTP mode: whether the server listens. */
  private socketOpen = false;

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
    const ctx: SlackContext = { name: this.name, options, core, client: app.client };
    // The assistant view first, so that its threads are not answered again as direct messages.
    registerAssistant(app, ctx);
    registerMessages(app, ctx);
    registerFileShare(app, ctx);
    registerVliegwielCommand(app, ctx);
    registerActions(app, ctx);
    registerAppHome(app, ctx);

    app.error(async (error) => {
      options.logger.error(`slack: ${error.message}`);
    });

    if (options.appToken) {
      const socket = (app as unknown as { receiver?: { client?: { on(event: string, listener: () => void): void } } }).receiver?.client;
      socket?.on("connected", () => (this.socketOpen = true));
      socket?.on("disconnected", () => (this.socketOpen = false));
      socket?.on("reconnecting", () => (this.socketOpen = false));
      await app.start();
      this.socketOpen = true;
    } else {
      await app.start(options.port);
      this.socketOpen = true;
    }
    options.logger.info(options.appToken ? "slack connected (socket mode)" : `slack listening on port ${options.port} at /slack/events`);
  }

  /** For /healthz. */
  connected(): boolean {
    return !!this.app && this.socketOpen;
  }

  async stop(): Promise<void> {
    this.socketOpen = false;
    await this.app?.stop();
    this.app = undefined;
  }
}
