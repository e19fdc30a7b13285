import { ChannelType, Routes, type Client } from "discord.js";
import type { ChannelAdapter, CoreApi } from "../../core/channel.js";
import type { HandoffEffectSink } from "../../core/handoff/handoff-service.js";
import type { TextOptions } from "../../core/handoff/handoff-texts.js";
import type { DiscordContext } from "./discord-context.js";
import { connectGateway } from "./discord-gateway.js";
import { createDiscordHandoffSink, STATUS_TAGS, type HandoffChannelInfo } from "./discord-handoff-sink.js";
import { createDiscordIntroSink } from "./discord-intro-sink.js";
import type { IntroductionEffectSink } from "../../core/introductions/introduction-service.js";
import type { DiscordChannelOptions } from "./discord-settings.js";
import { onInteraction } from "./listeners/interaction-create.js";
import { onMessage } from "./listeners/message-create.js";
import { answerUnfinished } from "./message-inbox.js";
import { answerAskAgain, type PendingAsk } from "./commands/vraag-inbox.js";

export type { DiscordChannelOptions } from "./discord-settings.js";

/**
 * Discord adapter: turns mentions, direct messages, messages in auto-answer channels and answered
 * threads, slash commands and button presses into core calls, and renders replies and handoff
 * effects as Discord messages. Transport and rendering only; discord.js keeps the gateway connected
 * (heartbeats, resume) and honours REST rate limits. Each listener, command and button family has
 * its own file (listeners/, commands/, buttons/); this class holds the lifecycle.
 */
export class DiscordChannel implements ChannelAdapter {
  readonly name = "discord";
  private client: Client | undefined;
  private handoffInfo: Promise<HandoffChannelInfo | undefined> | undefined;

  constructor(private readonly options: DiscordChannelOptions) {}

  /** The sink that shows handoff steps on Discord (the asker's thread, and the tolken's forum or channel). */
  handoffSink(texts: TextOptions, discordIdOf: (userId: string) => string | undefined): HandoffEffectSink {
    return createDiscordHandoffSink({
      rest: () => this.started().rest,
      handoffChannel: () => this.handoffChannel(),
      discordIdOf,
      teamRoleIds: this.options.teamRoleIds,
      texts,
    });
  }

  /** The sink for introductions: requests and notices in DMs, notices in the asker's conversation. */
  introSink(): IntroductionEffectSink {
    return createDiscordIntroSink(() => this.started().rest);
  }

  async start(core: CoreApi): Promise<void> {
    const { options } = this;
    const ctx: DiscordContext = { name: this.name, options, core, started: () => this.started() };
    try {
      await connectGateway(options, {
        message: (message) => onMessage(ctx, message),
        interaction: (interaction) => onInteraction(ctx, interaction),
      }, (client) => (this.client = client));
    } catch (error) {
      this.client = undefined;
      throw error;
    }
    void answerUnfinished(ctx, (message) => onMessage(ctx, message, true), (key, body) => answerAskAgain(ctx, key, body as PendingAsk));
    if (options.handoffChannelId && !(await this.handoffChannel().catch(() => undefined))) {
      options.logger.warn(
        `discord: DISCORD_HANDOFF_CHANNEL_ID ${options.handoffChannelId} is geen forum of tekstkanaal dat de bot kan zien: controleer het id, en geef de bot ` +
          "daar View Channels, Send Messages, Create Public Threads en Send Messages in Threads; doorgegeven vragen wachten tot dan",
      );
    }
  }

  /** For /healthz: the gateway session is up (discord.js resumes it after a drop). */
  connected(): boolean {
    return this.client?.isReady() === true;
  }

  async stop(): Promise<void> {
    await this.client?.destroy();
    this.client = undefined;
    this.handoffInfo = undefined;
  }

  private started(): Client {
    if (!this.client) throw new Error("discord is not started");
    return this.client;
  }

  /** The tolken's channel: a forum (with status tags, created when missing) or a text channel. */
  private handoffChannel(): Promise<HandoffChannelInfo | undefined> {
    const id = this.options.handoffChannelId;
    if (!id) return Promise.resolve(undefined);
    this.handoffInfo ??= this.loadHandoffChannel(id).catch((error: unknown) => {
      this.handoffInfo = undefined; // try again next time
      throw error;
    });
    return this.handoffInfo;
  }

  private async loadHandoffChannel(id: string): Promise<HandoffChannelInfo | undefined> {
    const rest = this.started().rest;
    const channel = (await rest.get(Routes.channel(id))) as { id: string; type: number; available_tags?: Array<{ id?: string; name: string }> };
    if (channel.type === ChannelType.GuildText) return { id, kind: "text", tags: new Map() };
    if (channel.type !== ChannelType.GuildForum) return undefined;
    let tags = channel.available_tags ?? [];
    const missing = STATUS_TAGS.filter((name) => !tags.some((t) => t.name.toLowerCase() === name));
    if (missing.length) {
      try {
        const updated = (await rest.patch(Routes.channel(id), { body: { available_tags: [...tags, ...missing.map((name) => ({ name }))] } })) as typeof channel;
        tags = updated.available_tags ?? tags;
      } catch (error) {
        this.options.logger.warn(`discord: kon de statuslabels ${missing.join(", ")} niet aan het forum van de tolken toevoegen (${(error as Error).message}); geef de bot "Manage Channels" of voeg ze zelf toe`);
      }
    }
    return { id, kind: "forum", tags: new Map(tags.filter((t) => t.id).map((t) => [t.name.toLowerCase(), t.id!])) };
  }
}
