import {
  ChannelType,
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Partials,
  Routes,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type Message,
} from "discord.js";
import type { Config } from "../../config.js";
import type { ChannelAdapter, CoreApi } from "../../core/channel.js";
import type { AskerAction } from "../../core/conversation.js";
import type { HandoffEffectSink } from "../../core/handoff/handoff-service.js";
import { teamRejectionText, type TextOptions } from "../../core/handoff/handoff-texts.js";
import type { Person } from "../../core/handoff/handoff-types.js";
import { NL } from "../../core/replies-nl.js";
import type { Reply } from "../../core/reply.js";
import type { Logger } from "../../logger.js";
import type { DeliveryLog } from "../../store/delivery-log.js";
import { createDiscordHandoffSink, STATUS_TAGS, threadName, type HandoffChannelInfo } from "./discord-handoff-sink.js";
import { asReplyOptions, postMessage } from "./discord-rest.js";
import { parseCustomId, plainMessage, promptMessage, renderDiscordReply } from "./render-discord-reply.js";

export type DiscordChannelOptions = NonNullable<Config["discord"]> & {
  deliveries: DeliveryLog;
  logger: Logger;
  /** Largest document a maintainer may add from chat. */
  maxFileBytes: number;
};

/** Threads Vliegwiel answered in: follow-ups there reach it without a new mention. */
const THREADS = "discord-thread";
const TYPING_EVERY_MS = 8_000;
const READY_TIMEOUT_MS = 30_000;

const ASKER_ACTIONS: ReadonlySet<string> = new Set<AskerAction["action"]>(["ask_human", "share", "share_anonymous", "dont_share"]);
/** Who may act is decided by Discord roles when they are mapped in config. */
const REJECTION_OVERRIDES = { not_on_roster: "Je hebt hier de rol van tolk of vrije actor voor nodig (of een plek op de roster)." };

/**
 * Discord adapter: turns mentions, direct messages, messages in auto-answer channels and answered
 * threads, slash commands and button presses into core calls, and renders replies and handoff
 * effects as Discord messages. Transport and rendering only; discord.js keeps the gateway connected
 * (heartbeats, resume) and honours REST rate limits.
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

  async start(core: CoreApi): Promise<void> {
    const { options } = this;
    const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];
    if (options.messageContentIntent) intents.push(GatewayIntentBits.MessageContent);
    const client = new Client({
      intents,
      partials: [Partials.Channel], // direct-message channels arrive uncached
      allowedMentions: { parse: [] },
      ...(options.apiUrl ? { rest: { api: options.apiUrl } } : {}),
    });
    this.client = client;
    const log = options.logger;
    const guard = (what: string, work: () => Promise<void>) => {
      work().catch((error: unknown) => log.error(`discord: handling a ${what} failed: ${(error as Error).message}`));
    };
    client.on(Events.MessageCreate, (message) => guard("message", () => this.onMessage(core, message)));
    client.on(Events.InteractionCreate, (interaction) => guard("interaction", () => this.onInteraction(core, interaction)));
    client.on(Events.Error, (error) => log.error(`discord: ${error.message}`));
    client.on(Events.Warn, (message) => log.warn(`discord: ${message}`));
    client.on(Events.ShardDisconnect, (event) => log.warn(`discord: gateway closed (${event.code}); discord.js reconnects`));
    client.on(Events.ShardResume, (_id, replayed) => log.info(`discord: gateway resumed (${replayed} events replayed)`));

    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no READY from Discord within ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
      client.once(Events.ClientReady, () => {
        clearTimeout(timer);
        resolve();
      });
    });
    try {
      await client.login(options.token);
      await ready;
    } catch (error) {
      await client.destroy();
      this.client = undefined;
      throw new Error(explainLoginError(error as Error));
    }
    log.info(`discord connected as ${client.user?.tag} (${client.guilds.cache.size} server(s))`);
    if (options.handoffChannelId && !(await this.handoffChannel().catch(() => undefined))) {
      log.warn(`discord: DISCORD_HANDOFF_CHANNEL_ID ${options.handoffChannelId} is not a forum or text channel the bot can see`);
    }
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
        this.options.logger.warn(`discord: could not add the status tags ${missing.join(", ")} to the handoff forum (${(error as Error).message}); give the bot "Manage Channels" or add them by hand`);
      }
    }
    return { id, kind: "forum", tags: new Map(tags.filter((t) => t.id).map((t) => [t.name.toLowerCase(), t.id!])) };
  }

  private inScope(guildId: string | null): boolean {
    return !guildId || this.options.guildIds.length === 0 || this.options.guildIds.includes(guildId);
  }

  private async onMessage(core: CoreApi, message: Message): Promise<void> {
    const { options } = this;
    const client = this.started();
    if (message.author.bot || message.webhookId || message.system || message.author.id === client.user?.id) return;
    if (!this.inScope(message.guildId)) return;
    const channel = message.channel;
    const thread = channel.isThread() ? channel : undefined;
    if (thread && options.handoffChannelId && thread.parentId === options.handoffChannelId) {
      await this.teamReply(core, message, `${thread.parentId}:${thread.id}`);
      return;
    }
    const direct = !message.guildId;
    const mentioned = !!client.user && message.mentions.users.has(client.user.id);
    // Without the Message Content intent, only mentions and direct messages carry text.
    const readsAll = options.messageContentIntent;
    const autoAnswer = readsAll && (options.autoAnswerChannelIds.includes(message.channelId) || (!!thread?.parentId && options.autoAnswerChannelIds.includes(thread.parentId)));
    const followUp = readsAll && !!thread && options.deliveries.has(THREADS, thread.id);
    if (!direct && !mentioned && !autoAnswer && !followUp) return; // other chatter is not ours
    if (!options.deliveries.firstTime(this.name, message.id)) return; // replayed after a resume
    const text = message.content.replace(/<@!?\d+>/g, "").trim();

    // In a channel, answer in a thread started on the question; in a thread or DM, right there.
    let conversationChannel = direct || thread ? message.channelId : undefined;
    if (!conversationChannel) {
      try {
        conversationChannel = (await message.startThread({ name: threadName(text), autoArchiveDuration: 1440 })).id;
      } catch (error) {
        options.logger.warn(`discord: cannot start a thread in ${message.channelId} (${(error as Error).message}); answering in the channel`);
      }
    }
    const conversationId = conversationChannel ?? `${message.channelId}:${message.id}`;
    const reply = await this.withTyping(conversationChannel ?? message.channelId, () =>
      core.handle({ channel: this.name, conversationId, userId: message.author.id, userName: displayName(message), text }),
    );
    const rest = client.rest;
    for (const [index, rendered] of renderDiscordReply(reply).entries()) {
      await postMessage(rest, conversationChannel ?? message.channelId, rendered, conversationChannel || index > 0 ? undefined : message.id);
    }
    if (conversationChannel && !direct) options.deliveries.firstTime(THREADS, conversationChannel);
  }

  /** What a tolk writes in a handoff thread reaches the asker; others' messages stay in the thread. */
  private async teamReply(core: CoreApi, message: Message, threadRef: string): Promise<void> {
    if (!this.options.deliveries.firstTime(this.name, message.id)) return;
    const member = this.teamMember(core, message.author.id, displayName(message), message.member?.roles.cache.map((r) => r.id) ?? []);
    const handoff = member && core.team.byThread(threadRef);
    if (!member || !handoff) return;
    const text = message.content.replace(/<@!?\d+>/g, "").trim();
    if (!text) return;
    const result = core.team.reply(handoff.id, member, text, `discord:${message.id}`);
    if (!result.ok && result.code !== "duplicate" && result.code !== "not_claimer") {
      await postMessage(this.started().rest, message.channelId, plainMessage(teamRejectionText(result.code, REJECTION_OVERRIDES)), message.id);
    }
  }

  /**
   * The person as a team member, if they may act: with team roles mapped in config, a mapped role
   * decides (checked now, on this action); without, the roster does.
   */
  private teamMember(core: CoreApi, userId: string, name: string, roles: readonly string[]): Person | undefined {
    const mapped = this.options.teamRoleIds;
    if (mapped.length === 0) return core.team.member(userId);
    return roles.some((role) => mapped.includes(role)) ? core.team.vouch(userId, name, ["team"]) : undefined;
  }

  /**
   * With knowledge roles mapped in config: whether the person holds one now (and if so, the core is
   * told, so it lets them manage knowledge). Without mapped roles the roster's coordinators decide in
   * the core, so this is true.
   */
  private vouchForKnowledgeRole(core: CoreApi, interaction: ChatInputCommandInteraction): boolean {
    const mapped = this.options.knowledgeRoleIds;
    if (mapped.length === 0) return true;
    if (!memberRoles(interaction).some((role) => mapped.includes(role))) return false;
    core.team.vouch(interaction.user.id, interaction.user.displayName, ["knowledge"]);
    return true;
  }

  private async onInteraction(core: CoreApi, interaction: Interaction): Promise<void> {
    if (!interaction.isChatInputCommand() && !interaction.isButton()) return;
    if (!this.inScope(interaction.guildId)) {
      // Never leave a press or command unanswered ("interaction failed"): say why, privately.
      await interaction.reply({ ...asReplyOptions(plainMessage("Vliegwiel is op deze server niet ingeschakeld.")), flags: MessageFlags.Ephemeral });
      return;
    }
    if (!this.options.deliveries.firstTime(`${this.name}-interaction`, interaction.id)) return; // replayed
    if (interaction.isButton()) return this.onButton(core, interaction);
    if (interaction.commandName === "vraag") return this.onAsk(core, interaction);
    if (interaction.commandName !== "vliegwiel") return;
    const sub = interaction.options.getSubcommand(false) ?? "help";
    if (sub === "kennis-toevoegen") return this.onAddKnowledge(core, interaction);
    if (sub === "signalen") {
      const days = interaction.options.getInteger("dagen") ?? 30;
      this.vouchForKnowledgeRole(core, interaction); // coordinators on the roster see the report either way
      const report = core.team.signals(interaction.user.id, days);
      await interaction.reply({ ...asReplyOptions(plainMessage(report ?? "Dit overzicht is voor coördinatoren van het netwerk.")), flags: MessageFlags.Ephemeral });
      return;
    }
    await interaction.reply({ ...asReplyOptions(plainMessage(NL.help)), flags: MessageFlags.Ephemeral });
  }

  /**
   * `/vraag`: acknowledged at once (Discord allows 3 seconds), answered when ready; consent privately.
   * In a plain channel the answer gets a thread, where follow-ups and a person's answer arrive.
   */
  private async onAsk(core: CoreApi, interaction: ChatInputCommandInteraction): Promise<void> {
    const question = interaction.options.getString("vraag", true);
    const response = await interaction.deferReply({ withResponse: true });
    const answerId = response.resource?.message?.id ?? (await interaction.fetchReply()).id;
    let conversationId = this.conversationOf(interaction, answerId);
    if (conversationId !== interaction.channelId) {
      try {
        await this.started().rest.post(Routes.threads(interaction.channelId, answerId), { body: { name: threadName(question), auto_archive_duration: 1440 } });
        conversationId = answerId; // a thread started on a message has the message's id
      } catch (error) {
        this.options.logger.warn(`discord: cannot start a thread on the /vraag answer (${(error as Error).message}); replies will quote the answer`);
      }
    }
    const reply = await core.handle({ channel: this.name, conversationId, userId: interaction.user.id, userName: interaction.user.displayName, text: question });
    await this.respond(interaction, reply);
    if (conversationId === answerId) this.options.deliveries.firstTime(THREADS, answerId);
  }

  private async onButton(core: CoreApi, interaction: ButtonInteraction): Promise<void> {
    const parsed = parseCustomId(interaction.customId);
    if (!parsed) return;
    const { action, value } = parsed;
    const eventKey = `discord:${interaction.id}`;
    if (ASKER_ACTIONS.has(action)) {
      const askerAction = action as AskerAction["action"];
      const act = {
        channel: this.name,
        conversationId: this.conversationOf(interaction, interaction.message.id),
        userId: interaction.user.id,
        userName: interaction.user.displayName,
        action: askerAction,
        handoffId: value,
        eventKey,
      };
      if (askerAction === "ask_human") {
        // Searching again may take a moment: acknowledge first, privately.
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        const reply = await core.act(act);
        await interaction.editReply(asReplyOptions(renderDiscordReply(reply)[0]!));
        return;
      }
      const reply = await core.act(act);
      // The consent question is answered: it gives way to the outcome. A refusal goes to the presser only.
      if (reply.reason === "not-allowed") await interaction.reply({ ...asReplyOptions(plainMessage(reply.text)), flags: MessageFlags.Ephemeral });
      else await interaction.update(asReplyOptions(plainMessage(reply.text)));
      return;
    }
    if (action === "feedback_up" || action === "feedback_down") {
      if (this.options.deliveries.firstTime(`${this.name}-feedback`, `${interaction.message.id}:${interaction.user.id}`)) {
        core.feedback({ channel: this.name, conversationId: this.conversationOf(interaction, interaction.message.id), helpful: action === "feedback_up" });
      }
      await interaction.reply({ ...asReplyOptions(plainMessage("Dank je voor je reactie!")), flags: MessageFlags.Ephemeral });
      return;
    }
    if (action === "claim" || action === "close" || action === "close_learn") {
      const member = this.teamMember(core, interaction.user.id, interaction.user.displayName, memberRoles(interaction));
      const result = core.team.press(value ?? "", member, action, eventKey);
      if (result.ok || result.code === "duplicate") await interaction.deferUpdate(); // the head message is updated by the sink
      else await interaction.reply({ ...asReplyOptions(plainMessage(teamRejectionText(result.code, REJECTION_OVERRIDES))), flags: MessageFlags.Ephemeral });
    }
  }

  /** `/vliegwiel kennis-toevoegen`: a file or a web page into the knowledge store, for those allowed. */
  private async onAddKnowledge(core: CoreApi, interaction: ChatInputCommandInteraction): Promise<void> {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const say = (text: string) => interaction.editReply(asReplyOptions(plainMessage(text)));
    if (!this.vouchForKnowledgeRole(core, interaction)) return void (await say("Documenten toevoegen kan alleen met de beheerdersrol voor de kennisbank."));
    const file = interaction.options.getAttachment("bestand");
    const url = interaction.options.getString("url")?.trim();
    if (!file && !url) return void (await say("Voeg een bestand toe, of geef het adres van een webpagina."));
    let source: { fileName: string; bytes: Buffer } | { url: string };
    if (file) {
      if (file.size > this.options.maxFileBytes) return void (await say(`${file.name}: te groot (${Math.round(file.size / 1_048_576)} MB; het maximum is ${Math.round(this.options.maxFileBytes / 1_048_576)} MB).`));
      const download = await fetch(file.url, { signal: AbortSignal.timeout(30_000) }).catch((error: Error) => error);
      if (download instanceof Error || !download.ok) return void (await say(`${file.name}: kon het bestand niet ophalen bij Discord. Probeer het nog eens.`));
      source = { fileName: file.name, bytes: Buffer.from(await download.arrayBuffer()) };
    } else {
      source = { url: url! };
    }
    const result = await core.team.addDocument(interaction.user.id, source);
    await say(result ?? "Documenten toevoegen kan alleen voor coördinatoren van het netwerk (zie de roster).");
  }

  /** Answers an interaction: the public part in the deferred reply, the consent question only to the asker. */
  private async respond(interaction: ChatInputCommandInteraction, reply: Reply): Promise<void> {
    const [first, ...more] = renderDiscordReply(reply, { withoutPrompt: true });
    await interaction.editReply(asReplyOptions(first!));
    for (const message of more) await interaction.followUp(asReplyOptions(message));
    const prompt = promptMessage(reply);
    if (prompt) await interaction.followUp({ ...asReplyOptions(prompt), flags: MessageFlags.Ephemeral });
  }

  /** In a thread or DM the conversation is the channel; in a plain channel, the answer's thread or the answer itself. */
  private conversationOf(interaction: ChatInputCommandInteraction | ButtonInteraction, messageId: string): string {
    const channel = interaction.channel;
    const whole = !interaction.guildId || channel?.isThread() || channel?.type === ChannelType.DM;
    if (whole) return interaction.channelId;
    // An answer that has its own thread (after /vraag): the conversation lives in that thread.
    return this.options.deliveries.has(THREADS, messageId) ? messageId : `${interaction.channelId}:${messageId}`;
  }

  /** Shows "Vliegwiel is typing…" while the work runs (Discord shows it for ten seconds per call). */
  private async withTyping<T>(channelId: string, work: () => Promise<T>): Promise<T> {
    const rest = this.started().rest;
    const type = () => rest.post(Routes.channelTyping(channelId)).catch(() => undefined);
    void type();
    const timer = setInterval(() => void type(), TYPING_EVERY_MS);
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }
}

function memberRoles(interaction: ChatInputCommandInteraction | ButtonInteraction): string[] {
  const roles = interaction.member?.roles;
  if (!roles) return [];
  return Array.isArray(roles) ? roles : roles.cache.map((r) => r.id);
}

function displayName(message: Message): string {
  return message.member?.displayName ?? message.author.displayName;
}

function explainLoginError(error: Error): string {
  if (/disallowed intent/i.test(error.message)) {
    return "Discord weigert de Message Content intent. Zet 'Message Content Intent' aan in het Developer Portal (Bot → Privileged Gateway Intents), of zet DISCORD_MESSAGE_CONTENT_INTENT=false.";
  }
  if (/token/i.test(error.message)) return "Discord weigert DISCORD_TOKEN: kopieer het bot-token opnieuw uit het Developer Portal (Bot → Reset Token).";
  return `Discord: verbinden mislukt: ${error.message}`;
}
