import fs from "node:fs";
import path from "node:path";
import { WebChatChannel } from "../channels/web/web-chat-channel.js";
import { createWebHandoffSink } from "../channels/web/web-handoff-sink.js";
import type { Config } from "../config.js";
import type { ChannelAdapter, CoreApi } from "../core/channel.js";
import { createConversation } from "../core/conversation.js";
import { detectTheme } from "../core/handoff/detect-theme.js";
import { HandoffService } from "../core/handoff/handoff-service.js";
import { createLearningEffectSink } from "../core/handoff/learning-effect-sink.js";
import { TeamService } from "../core/handoff/team-service.js";
import { dutchDictionaryState } from "../core/text/dutch-dictionary.js";
import { addWorkingTime } from "../core/handoff/working-time.js";
import type { Logger } from "../logger.js";
import { formatSummary } from "../ingest/format-summary.js";
import { SqliteConversationMemory } from "../store/conversation-memory.js";
import { DeliveryLog } from "../store/delivery-log.js";
import { SqliteEventInbox } from "../store/event-inbox.js";
import { SqliteHelperReplyChoices } from "../store/helper-reply-choices.js";
import { SqliteTeamAccess } from "../store/sqlite-team-access.js";
import { SqliteHandoffRepository } from "../store/sqlite-handoff-repository.js";
import { WebMessageStore } from "../store/web-message-store.js";
import { YamlRoster } from "../store/yaml-roster.js";
import { discordPlatform } from "./channels/discord-platform.js";
import { slackPlatform } from "./channels/slack-platform.js";
import { createCore } from "./create-core.js";
import { openGids } from "./open-gids.js";
import { ProfileService } from "../core/gids/profile-service.js";
import { createEffectRouter } from "./handoff-effect-router.js";
import { addDocumentFromChat, removeLeftoverUploads } from "./add-document-from-chat.js";
import { removeLeftTemporaries } from "../ingest/write-file-atomically.js";
import { deliveryReporter, deliveryRetryPolicy } from "./delivery-reporter.js";
import { askerHandoffOf, consentQuestionOf, consentWaitingOf, sourceDocumentOf } from "./asker-api.js";
import { createHealthCheck } from "./health.js";
import { sourceLinker } from "./link-sources.js";
import { signalSourcesOf } from "./signal-sources.js";
import { addAnswerToKnowledge } from "./learning-sink.js";
import { openKnowledgeWith, syncKnowledgeFolder } from "./open-knowledge.js";
import { openSemantic } from "./open-semantic.js";
import { RoleGrants } from "../core/handoff/role-grants.js";
import { safeHandler } from "./safe-handler.js";
import { wireIntroductions } from "./wire-introductions.js";
import { writeLessonToKnowledge } from "./lesson-writer.js";
import { createWebIntroSink } from "../channels/web/web-intro-sink.js";
import { SqliteInitiativeDirectory } from "../store/sqlite-initiative-directory.js";
import { createProfileForm } from "../core/gids/profile-form.js";
import { markRunning, runningAppOn } from "./running-marker.js";
import { startRetention } from "./retention-ticker.js";
import { warmUp } from "./warm-up.js";

export type App = {
  channels: ChannelAdapter[];
  handoffs: HandoffService;
  start(): Promise<void>;
  stop(): Promise<void>;
};

/**
 * The chat platforms, each wired in its own file under src/app/channels/ (a new platform is one line
 * here). When several have a handoff channel, the team works in the first: Slack, then Discord.
 */
const PLATFORMS = [slackPlatform, discordPlatform];

const ROSTER_EXAMPLE = path.resolve(import.meta.dirname, "../../roster.example.yaml");

/** The composition root: store, core, handoff workflow and every configured channel, wired together. */
export function createApp(config: Config, logger: Logger, options: { clock?: () => Date } = {}): App {
  const knowledge = openKnowledgeWith(config, openSemantic, logger);
  const gids = openGids(config, knowledge);
  const assistant = createCore(config, knowledge, { logger: logger.child({ component: "core" }), gids: gids.access });
  const messages = new WebMessageStore(knowledge.db);
  const repository = new SqliteHandoffRepository(knowledge.db);
  ensureRosterFile(config.rosterFile, logger);
  const roster = new YamlRoster(config.rosterFile, (message) => logger.warn(message));
  const grants = new RoleGrants();
  const handoffLog = logger.child({ component: "handoff" });
  const texts = { showHelperNames: config.handoff.showHelperNames };
  const webSink = createWebHandoffSink(messages, texts);
  const inbox = new SqliteEventInbox(knowledge.db);
  const platforms = PLATFORMS
    .map((platform) => platform({ config, logger, deliveries: new DeliveryLog(knowledge.db), inbox, platformId: (userId, name) => roster.platformId(userId, name), texts }))
    .filter((wired) => wired !== undefined);
  const teamSinks = Object.fromEntries(platforms.flatMap((p) => (p.teamSink ? [[p.adapter.name, p.teamSink] as const] : [])));

  const introductions = wireIntroductions({
    config, db: knowledge.db, directory: new SqliteInitiativeDirectory(knowledge.db), memory: new SqliteConversationMemory(knowledge.db),
    sinks: { web: createWebIntroSink(messages), ...Object.fromEntries(platforms.flatMap((p) => (p.introSink ? [[p.adapter.name, p.introSink] as const] : []))) },
    logger: logger.child({ component: "introductions" }), clock: options.clock,
    writeLesson: (lesson) => writeLessonToKnowledge(lesson, {
      knowledgeDir: config.knowledgeDir, store: knowledge.store, maxFileBytes: config.ingestMaxFileBytes, refreshVectors: () => knowledge.semantic.refreshVectors(),
    }),
    mayDecide: (userId) => roster.isCoordinator(userId) || grants.has(userId, "knowledge"),
  });

  const handoffs = new HandoffService({
    repository,
    roster: grants.extend(roster),
    clock: options.clock,
    retry: deliveryRetryPolicy(config.handoff.tickMs),
    reporter: deliveryReporter(handoffLog),
    policy: {
      consentTimeoutMs: config.handoff.consentTimeoutMs,
      reminderIntervalMs: config.handoff.reminderIntervalMs,
      remindersBeforeEscalation: config.handoff.remindersBeforeEscalation,
      reopenWindowMs: config.handoff.reopenWindowMs,
      addWorkingTime: (from, ms) => addWorkingTime(from, ms, config.handoff.workingHours),
    },
    sink: createEffectRouter({
      askerSinks: { web: webSink, ...Object.fromEntries(platforms.map((p) => [p.adapter.name, p.askerSink])) },
      // The team works where a handoff channel is set (the first such platform); else in the local team view.
      teamSinks,
      defaultTeamSink: platforms.find((p) => p.teamSink)?.teamSink ?? webSink,
      learningSink: createLearningEffectSink({
        addAnswer: async (effect, handoffId) => {
          // vergeet (another process) may have forgotten the asker while this waited for metadata.yaml's lock: the question it carries is theirs.
          const stillWanted = () => repository.get(handoffId)?.handoff.question === effect.question;
          const file = await addAnswerToKnowledge(effect, handoffId, { knowledgeDir: config.knowledgeDir, store: knowledge.store, maxFileBytes: config.ingestMaxFileBytes, stillWanted });
          if (file !== undefined) await knowledge.semantic.refreshVectors();
          return file;
        },
        log: handoffLog,
      }),
    }),
  });

  const deliver = () => {
    handoffs.deliverPending().catch((error: unknown) => handoffLog.error(`afleveren van berichten over doorgegeven vragen mislukt, wordt opnieuw geprobeerd: ${(error as Error).message}`));
  };
  const afterwards = <T>(value: T): T => {
    deliver();
    return value;
  };
  const conversation = createConversation({
    assistant,
    memory: new SqliteConversationMemory(knowledge.db),
    helperReplies: new SqliteHelperReplyChoices(knowledge.db),
    rewriteFollowUp: knowledge.semantic.generator ? (input) => knowledge.semantic.generator!.rewrite(input) : undefined,
    handoffs,
    repository,
    maxQuestionChars: config.maxQuestionChars,
    detectTheme: (question, reply) => {
      const topDocument = reply.passages[0]?.id.split("#")[0];
      const documentThemes = topDocument ? (knowledge.store.getDocument(topDocument)?.themes ?? []) : [];
      return detectTheme(question, roster.themes(), documentThemes);
    },
  });
  const handle = safeHandler(conversation.handle, logger.child({ component: "core" }));
  const withLinks = sourceLinker(config.publicBaseUrl, (documentId) => knowledge.store.getDocument(documentId)?.url);
  const core: CoreApi = {
    handle: async (message) => afterwards(withLinks(await handle(message))),
    act: async (action) => afterwards(withLinks(await conversation.act(action))),
    feedback: (entry) => knowledge.questionLog.recordFeedback(entry),
    introductions: introductions.api,
    lessons: introductions.lessons,
    // Through the modals a person edits only the profile they are a contact of (coordinators use the other tools).
    profileForm: createProfileForm(new ProfileService(new SqliteInitiativeDirectory(knowledge.db), () => false)),
    askerHandoff: askerHandoffOf(knowledge.db, config.handoff.reopenWindowMs),
    consentWaitingFor: consentWaitingOf(knowledge.db),
    consentQuestion: consentQuestionOf(repository),
    source: sourceDocumentOf(knowledge.store),
    gids: new ProfileService(gids.directory, (user) => roster.isCoordinator(user.userId) || grants.has(user.userId, "knowledge")),
    health: createHealthCheck({ db: knowledge.db, channels: () => channels, tickMs: config.handoff.tickMs, now: options.clock }),
    team: new TeamService({
      handoffs,
      repository,
      roster,
      grants,
      addDocument: async (source) => {
        const result = await addDocumentFromChat(source, { knowledgeDir: config.knowledgeDir, store: knowledge.store, maxFileBytes: config.ingestMaxFileBytes });
        await knowledge.semantic.refreshVectors();
        return result;
      },
      signalSources: signalSourcesOf({ db: knowledge.db, repository, questionLog: knowledge.questionLog, store: knowledge.store, roster, gids }),
      changed: deliver,
    }),
  };

  const channels: ChannelAdapter[] = [];
  if (config.web.enabled) {
    channels.push(new WebChatChannel({
      host: config.web.host, port: config.web.port, publicUrl: config.web.publicUrl, maxFileBytes: config.ingestMaxFileBytes, maxQuestionChars: config.maxQuestionChars, rateLimits: config.web.rateLimits, now: options.clock && (() => options.clock!().getTime()),
      logger: logger.child({ component: "web" }), messages, teamAccess: new SqliteTeamAccess(knowledge.db),
    }));
  }
  channels.push(...platforms.map((p) => p.adapter));
  let ticker: NodeJS.Timeout | undefined;
  let stopRetention: (() => void) | undefined;
  let unmarkRunning: (() => void) | undefined;
  const warming = new AbortController();
  return {
    channels,
    handoffs,
    async start() {
      // `kennis -- restore` refuses while this runs on the same database (from the first write on).
      const other = runningAppOn(config.databasePath);
      if (other) logger.warn(`er draait al een Vliegwiel op deze database (proces ${other}); dat is niet de bedoeling: stop er één, of geef elk een eigen DATA_DIR`);
      unmarkRunning = markRunning(config.databasePath);
      removeLeftoverUploads(config.knowledgeDir);
      removeLeftTemporaries(config.knowledgeDir);
      const summary = await syncKnowledgeFolder(config, knowledge);
      logger.info(formatSummary(summary, config.logLevel === "debug").replace(/\n/g, " | "));
      logger.info(`werkwijze: ${knowledge.semantic.mode}`);
      // Read only when first needed (a few seconds); when it cannot be, nothing breaks, but say so.
      if (dutchDictionaryState() === "unavailable") logger.warn("de Nederlandse woordenlijst kon niet geladen worden: OCR-fouten worden niet hersteld en tikfouten niet verbeterd");
      // The first questions as quick as later ones: common terms now, the word list once ready (warm-up.ts).
      const warmWordList = warmUp(knowledge.store, warming.signal, logger);
      if (channels.length === 0) logger.warn("geen kanaal ingesteld: zet WEB_ENABLED=true of koppel Slack of Discord (zie README)");
      for (const channel of channels) await channel.start(core);
      const tick = () => {
        try {
          handoffs.fireDueTimers();
        } catch (error) {
          handoffLog.error(`timers van doorgegeven vragen mislukt: ${(error as Error).message}`);
        }
        deliver();
        introductions.tick();
      };
      // A restart is when a cause may have been fixed (the bot invited, a channel unarchived): try parked ones again.
      if (handoffs.retryParked() > 0) handoffLog.info("vastgelopen berichten over doorgegeven vragen worden opnieuw geprobeerd");
      introductions.service.retryParked();
      tick(); // timers that fell due while Vliegwiel was down, and messages not yet delivered
      stopRetention = startRetention(knowledge.db, config.retentionDays, logger);
      ticker = setInterval(tick, config.handoff.tickMs);
      warmWordList();
    },
    async stop() {
      warming.abort();
      if (ticker) clearInterval(ticker);
      stopRetention?.();
      for (const channel of channels) await channel.stop();
      await handoffs.deliverPending().catch(() => undefined);
      await introductions.service.deliverPending().catch(() => undefined);
      knowledge.close();
      unmarkRunning?.();
    },
  };
}

/** A first start gets a roster to edit, copied from the example, so the whole flow can be tried. */
function ensureRosterFile(file: string, logger: Logger): void {
  if (fs.existsSync(file) || !fs.existsSync(ROSTER_EXAMPLE)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.copyFileSync(ROSTER_EXAMPLE, file);
  logger.info(`${file} aangemaakt uit roster.example.yaml: zet er de echte tolken en vrije actoren in`);
}
