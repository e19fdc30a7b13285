import fs from "node:fs";
import path from "node:path";
import { DiscordChannel } from "../channels/discord/discord-channel.js";
import { SlackChannel } from "../channels/slack/slack-channel.js";
import { WebChatChannel } from "../channels/web/web-chat-channel.js";
import { createWebHandoffSink } from "../channels/web/web-handoff-sink.js";
import type { Config } from "../config.js";
import type { ChannelAdapter, CoreApi } from "../core/channel.js";
import { createConversation } from "../core/conversation.js";
import { detectTheme } from "../core/handoff/detect-theme.js";
import { collectSignals, formatSignals } from "../core/handoff/signals.js";
import { SHARED_STATUSES, teamViewOf } from "../core/handoff/team-view.js";
import { HandoffService } from "../core/handoff/handoff-service.js";
import { warmCommonTerms } from "../core/retrieval/retrieve.js";
import { dutchDictionaryState } from "../core/text/dutch-dictionary.js";
import { addWorkingTime } from "../core/handoff/working-time.js";
import type { Logger } from "../logger.js";
import { formatSummary } from "../cli/print-ingest.js";
import { SqliteConversationMemory } from "../store/conversation-memory.js";
import { DeliveryLog } from "../store/delivery-log.js";
import { SqliteHandoffRepository } from "../store/sqlite-handoff-repository.js";
import { WebMessageStore } from "../store/web-message-store.js";
import { YamlRoster } from "../store/yaml-roster.js";
import { createCore } from "./create-core.js";
import { createEffectRouter } from "./handoff-effect-router.js";
import { addDocumentFromChat } from "./add-document-from-chat.js";
import { addAnswerToKnowledge } from "./learning-sink.js";
import { openKnowledge, syncKnowledgeFolder } from "./open-knowledge.js";
import { RoleGrants } from "./role-grants.js";
import { safeHandler } from "./safe-handler.js";

export type App = {
  channels: ChannelAdapter[];
  handoffs: HandoffService;
  start(): Promise<void>;
  stop(): Promise<void>;
};

const ROSTER_EXAMPLE = path.resolve(import.meta.dirname, "../../roster.example.yaml");

/** The composition root: store, core, handoff workflow and every configured channel, wired together. */
export function createApp(config: Config, logger: Logger, options: { clock?: () => Date } = {}): App {
  const knowledge = openKnowledge(config, logger);
  const assistant = createCore(config, knowledge, logger.child({ component: "core" }));
  const messages = new WebMessageStore(knowledge.db);
  const repository = new SqliteHandoffRepository(knowledge.db);
  ensureRosterFile(config.rosterFile, logger);
  const roster = new YamlRoster(config.rosterFile, (message) => logger.warn(message));
  const grants = new RoleGrants();
  const handoffLog = logger.child({ component: "handoff" });
  const texts = { showHelperNames: config.handoff.showHelperNames };
  const webSink = createWebHandoffSink(messages, texts);
  const slack = config.slack
    ? new SlackChannel({ ...config.slack, deliveries: new DeliveryLog(knowledge.db), logger: logger.child({ component: "slack" }) })
    : undefined;
  const slackSink = slack?.handoffSink(texts, (userId) => roster.platformId(userId, "slack"));
  const discord = config.discord
    ? new DiscordChannel({ ...config.discord, deliveries: new DeliveryLog(knowledge.db), logger: logger.child({ component: "discord" }), maxFileBytes: config.ingestMaxFileBytes })
    : undefined;
  const discordSink = discord?.handoffSink(texts, (userId) => roster.platformId(userId, "discord"));
  const teamSinks = {
    ...(slackSink && config.slack?.handoffChannel ? { slack: slackSink } : {}),
    ...(discordSink && config.discord?.handoffChannelId ? { discord: discordSink } : {}),
  };

  const handoffs = new HandoffService({
    repository,
    roster: grants.extend(roster),
    clock: options.clock,
    policy: {
      consentTimeoutMs: config.handoff.consentTimeoutMs,
      reminderIntervalMs: config.handoff.reminderIntervalMs,
      remindersBeforeEscalation: config.handoff.remindersBeforeEscalation,
      reopenWindowMs: config.handoff.reopenWindowMs,
      addWorkingTime: (from, ms) => addWorkingTime(from, ms, config.handoff.workingHours),
    },
    sink: createEffectRouter({
      askerSinks: { web: webSink, ...(slackSink ? { slack: slackSink } : {}), ...(discordSink ? { discord: discordSink } : {}) },
      // The team works where a handoff channel is set (Slack first, then Discord); else in the local team view.
      teamSinks,
      defaultTeamSink: teamSinks.slack ?? teamSinks.discord ?? webSink,
      learningSink: {
        async deliver({ handoff, effect }) {
          if (effect.type !== "add_to_knowledge") return;
          const file = await addAnswerToKnowledge(effect, handoff.id, { knowledgeDir: config.knowledgeDir, store: knowledge.store, maxFileBytes: config.ingestMaxFileBytes });
          await knowledge.semantic.refreshVectors();
          // The file name holds words of the question: only at debug, like all message text.
          handoffLog.info(`answer of handoff ${handoff.id} added to the knowledge store`);
          handoffLog.debug("learned answer file", { text: file });
        },
      },
    }),
  });

  const deliver = () => {
    handoffs.deliverPending().catch((error: unknown) => handoffLog.error(`delivering handoff messages failed, will retry: ${(error as Error).message}`));
  };
  const afterwards = <T>(value: T): T => {
    deliver();
    return value;
  };
  const conversation = createConversation({
    assistant,
    memory: new SqliteConversationMemory(knowledge.db),
    rewriteFollowUp: knowledge.semantic.generator ? (input) => knowledge.semantic.generator!.rewrite(input) : undefined,
    handoffs,
    repository,
    detectTheme: (question, reply) => {
      const topDocument = reply.passages[0]?.id.split("#")[0];
      const documentThemes = topDocument ? (knowledge.store.getDocument(topDocument)?.themes ?? []) : [];
      return detectTheme(question, roster.themes(), documentThemes);
    },
  });
  const handle = safeHandler(conversation.handle, logger.child({ component: "core" }));
  const core: CoreApi = {
    handle: async (message) => afterwards(await handle(message)),
    act: async (action) => afterwards(await conversation.act(action)),
    feedback: (entry) => knowledge.questionLog.recordFeedback(entry),
    team: {
      member: (userId) => roster.find(userId),
      vouch: (userId, name, rights) => {
        grants.grant(userId, rights);
        return roster.find(userId) ?? { userId, name };
      },
      list: () => repository.list(SHARED_STATUSES).map(teamViewOf),
      byThread: (threadRef) => {
        const handoff = repository.findByThread(threadRef);
        return handoff && (SHARED_STATUSES as readonly string[]).includes(handoff.status) ? teamViewOf(handoff) : undefined;
      },
      claim: (id, by, key) => afterwards(handoffs.apply(id, { type: "claim", by, onRoster: true }, key)),
      reply: (id, by, text, key) => afterwards(handoffs.apply(id, { type: "tolk_reply", by, onRoster: true, text }, key)),
      close: (id, by, addToKnowledge, key) => afterwards(handoffs.apply(id, { type: "close", by, role: "tolk", addToKnowledge }, key)),
      press: (id, by, button, key) => {
        if (!by) return { ok: false, code: "not_on_roster" };
        return button === "claim" ? core.team.claim(id, by, key) : core.team.close(id, by, button === "close_learn", key);
      },
      addDocument: async (userId, source) => {
        if (!roster.isCoordinator(userId) && !grants.has(userId, "knowledge")) return undefined;
        const result = await addDocumentFromChat(source, { knowledgeDir: config.knowledgeDir, store: knowledge.store, maxFileBytes: config.ingestMaxFileBytes });
        await knowledge.semantic.refreshVectors();
        return result;
      },
      signals: (userId, days) => {
        if (!roster.isCoordinator(userId) && !grants.has(userId, "knowledge")) return undefined;
        const since = new Date(Date.now() - days * 86_400_000);
        // Only questions the askers agreed to share feed what coordinators see.
        const shared = repository.list(SHARED_STATUSES);
        return formatSignals(collectSignals({
          since,
          handoffs: shared,
          unansweredQuestions: shared.filter((h) => Date.parse(h.createdAt) >= since.getTime()).map((h) => h.question),
          counts: knowledge.questionLog.counts(since),
        }));
      },
    },
  };

  const channels: ChannelAdapter[] = [];
  if (config.web.enabled) {
    channels.push(new WebChatChannel({ host: config.web.host, port: config.web.port, logger: logger.child({ component: "web" }), messages }));
  }
  if (slack) channels.push(slack);
  if (discord) channels.push(discord);
  let ticker: NodeJS.Timeout | undefined;
  const warming = new AbortController();
  return {
    channels,
    handoffs,
    async start() {
      const summary = await syncKnowledgeFolder(config, knowledge);
      logger.info(formatSummary(summary).replace(/\n/g, " | "));
      logger.info(`answering with ${knowledge.semantic.mode}`);
      // Read only when first needed (a few seconds); when it cannot be, nothing breaks, but say so.
      if (dutchDictionaryState() === "unavailable") logger.warn("the Dutch word list could not be loaded: OCR words are not repaired, typos not corrected");
      // On a large store, the first questions of common words only are as quick as later ones.
      warmCommonTerms(knowledge.store, { signal: warming.signal })
        .then((terms) => terms > 0 && logger.debug(`looked up the best passages of ${terms} common terms`))
        .catch((error: Error) => logger.warn(`looking up common terms failed: ${error.message}`));
      if (channels.length === 0) logger.warn("no channel is configured: set WEB_ENABLED=true or connect Slack or Discord");
      for (const channel of channels) await channel.start(core);
      const tick = () => {
        try {
          handoffs.fireDueTimers();
        } catch (error) {
          handoffLog.error(`handoff timers failed: ${(error as Error).message}`);
        }
        deliver();
      };
      tick(); // timers that fell due while Vliegwiel was down, and messages not yet delivered
      ticker = setInterval(tick, config.handoff.tickMs);
    },
    async stop() {
      warming.abort();
      if (ticker) clearInterval(ticker);
      for (const channel of channels) await channel.stop();
      await handoffs.deliverPending().catch(() => undefined);
      knowledge.close();
    },
  };
}

/** A first start gets a roster to edit, copied from the example, so the whole flow can be tried. */
function ensureRosterFile(file: string, logger: Logger): void {
  if (fs.existsSync(file) || !fs.existsSync(ROSTER_EXAMPLE)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.copyFileSync(ROSTER_EXAMPLE, file);
  logger.info(`created ${file} from roster.example.yaml: put the real tolken and vrije actoren in it`);
}
