import type { Config } from "../config.js";
import type { ConversationMemory } from "../core/conversation.js";
import type { InitiativeDirectory } from "../core/gids/initiative.js";
import { createIntroductionApi, type IntroductionApi } from "../core/introductions/introduction-api.js";
import { IntroductionService, type IntroductionEffectSink } from "../core/introductions/introduction-service.js";
import { LessonService } from "../core/introductions/lesson-service.js";
import type { Lesson } from "../core/introductions/lesson-types.js";
import { SqliteLessonRepository } from "../store/sqlite-lesson-repository.js";
import type { Logger } from "../logger.js";
import type Database from "better-sqlite3";
import { SqliteIntroductionRepository } from "../store/sqlite-introduction-repository.js";
import { deliveryRetryPolicy } from "./delivery-reporter.js";
import { createIntroEffectRouter } from "./introduction-effect-router.js";

/** How long an asker has to choose what is passed on before the introduction lapses quietly. */
const CHOICE_TIMEOUT_MS = 24 * 3_600_000;

export type WiredIntroductions = {
  service: IntroductionService;
  api: IntroductionApi;
  /** The learning loop: what people learned, proposed to the coordinators for the knowledge store. */
  lessons: LessonService;
  /** Fires due timers and delivers the outbox (the app's tick). */
  tick(): void;
  deliver(): void;
};

/** The introductions workflow, wired to the store, the gids and each platform's sink. */
export function wireIntroductions(deps: {
  config: Config;
  db: Database.Database;
  directory: InitiativeDirectory;
  memory: ConversationMemory;
  /** Per platform ("web", "slack", "discord"). */
  sinks: Record<string, IntroductionEffectSink>;
  logger: Logger;
  /** Writes an accepted lesson to the knowledge store (see lesson-writer.ts). */
  writeLesson(lesson: Lesson): Promise<string>;
  /** Coordinators (and whoever a platform role vouched for) decide on proposed lessons. */
  mayDecide(userId: string): boolean;
  clock?: () => Date;
}): WiredIntroductions {
  const log = deps.logger;
  const service = new IntroductionService({
    repository: new SqliteIntroductionRepository(deps.db),
    directory: deps.directory,
    policy: { choiceTimeoutMs: CHOICE_TIMEOUT_MS, answerTimeoutMs: deps.config.introductions.answerTimeoutMs, followUpMs: deps.config.introductions.followUpMs },
    sink: createIntroEffectRouter(deps.sinks),
    // A request must reach a contact privately: only chat platforms with direct messages.
    contactPlatforms: Object.keys(deps.sinks).filter((p) => p !== "web"),
    retry: deliveryRetryPolicy(deps.config.handoff.tickMs),
    reporter: { failed: (m) => log.warn(m), parked: (m) => log.error(`vastgelopen: ${m}`) },
    clock: deps.clock,
  });
  const deliver = () => {
    service.deliverPending().catch((error: unknown) => log.error(`afleveren van berichten over introducties mislukt, wordt opnieuw geprobeerd: ${(error as Error).message}`));
  };
  const api = createIntroductionApi({
    service,
    latestQuestion: (platform, conversationId, userId) => deps.memory.latestOf(platform, conversationId, userId),
    changed: deliver,
  });
  const lessons = new LessonService({
    repository: new SqliteLessonRepository(deps.db),
    introduction: (id) => service.get(id),
    write: deps.writeLesson,
    mayDecide: deps.mayDecide,
    log,
    retry: deliveryRetryPolicy(deps.config.handoff.tickMs),
    clock: deps.clock,
  });
  return {
    service,
    api,
    lessons,
    deliver,
    tick() {
      try {
        service.fireDueTimers();
      } catch (error) {
        log.error(`timers van introducties mislukt: ${(error as Error).message}`);
      }
      deliver();
      lessons.writeAccepted().catch((error: unknown) => log.error(`wegschrijven van goedgekeurde lessen mislukt: ${(error as Error).message}`));
    },
  };
}
