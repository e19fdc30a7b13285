import { retryDelay, type RetryPolicy } from "../handoff/delivery-plan.js";
import type { Introduction } from "./introduction-types.js";
import { decideLesson, setLessonSharing, submitLesson } from "./lesson-machine.js";
import { LessonVersionConflict, type LessonRepository } from "./lesson-repository.js";
import { LESSON_NL, lessonTexts } from "./lesson-texts.js";
import type { Lesson, LessonResult } from "./lesson-types.js";

export type LessonAuthor = { platform: string; userId: string };

/** What the author reads back after the form; `problem` is set when the text itself is the problem (shown at the field). */
export type LessonReply = { ok: boolean; text: string; shared?: boolean; problem?: "empty" | "too_long" };

/** A proposed addition as coordinators see it: the text, where it comes from, never who wrote it. */
export type ProposedLesson = { id: string; text: string; theme?: string; region?: string; from: string; helped?: boolean; proposedAt: string };

export type LessonDecision = { ok: boolean; text: string; status?: string; document?: string };

/** What channels may ask of the learning loop. */
export interface LessonApi {
  /** The form's starting point: the author's earlier lesson (to edit), or why they cannot write one. */
  form(author: LessonAuthor, introductionId: string): { ok: true; text?: string; shared: boolean; language?: "en" } | { ok: false; text: string; language?: "en" };
  submit(input: { author: LessonAuthor; introductionId: string; text: string; share: boolean; eventKey?: string }): LessonReply;
  setSharing(input: { author: LessonAuthor; introductionId: string; share: boolean; eventKey?: string }): LessonReply;
  /** For coordinators only (undefined for anyone else). */
  proposals(userId: string): ProposedLesson[] | undefined;
  decide(userId: string, lessonId: string, decision: "accept" | "reject", eventKey?: string): Promise<LessonDecision | undefined>;
}

export type LessonServiceOptions = {
  repository: LessonRepository;
  introduction(id: string): Introduction | undefined;
  /** Writes an accepted lesson to the knowledge store (the learning loop's writer); resolves to the document's name. */
  write(lesson: Lesson): Promise<string>;
  mayDecide(userId: string): boolean;
  log: { info(message: string): void; warn(message: string): void; error?(message: string): void };
  /** Backoff for a document that could not be written (as for handoff messages); without it, every tick tries again. */
  retry?: RetryPolicy;
  clock?: () => Date;
  newId?: () => string;
};

const CONFLICT_RETRIES = 3;

/**
 * The learning loop of introductions: each side may write what they learned, private unless they
 * share it; a shared lesson is a proposed addition coordinators accept (written to the knowledge
 * store through the learning loop's writer) or reject. Every change is stored with its audit line; a
 * repeated submit or press changes nothing; an accepted lesson not yet written is written on the next tick.
 */
export class LessonService implements LessonApi {
  private readonly clock: () => Date;
  private readonly newId: () => string;
  private writing: Promise<void> | undefined;
  /** Failed writes in this process: how often, and not before when to try again. */
  private readonly failures = new Map<string, { attempts: number; nextAt: number }>();

  constructor(private readonly options: LessonServiceOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.newId = options.newId ?? (() => crypto.randomUUID());
  }

  form(author: LessonAuthor, introductionId: string) {
    const intro = this.options.introduction(introductionId);
    if (!intro) return { ok: false as const, text: LESSON_NL.refused.unknown };
    const language = languageOf(intro, author);
    const texts = lessonTexts(language);
    const lang = language ? { language } : {};
    const probe = submitLesson(intro, undefined, { id: "probe", author, text: "x", share: false, now: this.clock() });
    if (!probe.ok) return { ok: false as const, text: texts.refused[probe.code], ...lang };
    const existing = this.options.repository.of(introductionId, probe.lesson.role)?.lesson;
    if (existing && (existing.status === "accepted" || existing.status === "rejected")) return { ok: false as const, text: texts.refused.decided, ...lang };
    return { ok: true as const, text: existing?.text || undefined, shared: existing?.shared ?? false, ...lang };
  }

  submit(input: { author: LessonAuthor; introductionId: string; text: string; share: boolean; eventKey?: string }): LessonReply {
    return this.change(input.introductionId, input.author, input.eventKey, (intro, existing) =>
      submitLesson(intro, existing, { id: this.newId(), author: input.author, text: input.text, share: input.share, now: this.clock() }), "submitted");
  }

  setSharing(input: { author: LessonAuthor; introductionId: string; share: boolean; eventKey?: string }): LessonReply {
    return this.change(input.introductionId, input.author, input.eventKey, (_intro, existing) =>
      existing ? setLessonSharing(existing, input.share, this.clock()) : { ok: false, code: "empty" }, input.share ? "shared" : "unshared");
  }

  proposals(userId: string): ProposedLesson[] | undefined {
    if (!this.options.mayDecide(userId)) return undefined;
    return this.options.repository.proposed().map((l) => ({
      id: l.id, text: l.text, theme: l.theme, region: l.region, from: LESSON_NL.role[l.role], helped: l.helped, proposedAt: l.updatedAt,
    }));
  }

  async decide(userId: string, lessonId: string, decision: "accept" | "reject", eventKey?: string): Promise<LessonDecision | undefined> {
    if (!this.options.mayDecide(userId)) return undefined;
    const { repository } = this.options;
    if (eventKey && repository.hasEventKey(eventKey)) return this.decisionOf(lessonId, true);
    for (let attempt = 1; ; attempt++) {
      const current = repository.get(lessonId);
      if (!current) return { ok: false, text: LESSON_NL.refused.unknown };
      const result = decideLesson(current.lesson, { decision, by: userId }, this.clock());
      if (!result.ok) {
        repository.audit(lessonId, { type: decision === "accept" ? "accepted" : "rejected", actor: userId, outcome: result.code, eventKey });
        return { ok: false, text: result.code === "decided" ? LESSON_NL.alreadyDecided : LESSON_NL.refused[result.code], status: current.lesson.status };
      }
      if (!result.changed) return this.decisionOf(lessonId, true);
      try {
        repository.record({ lesson: result.lesson, expectedVersion: current.version, type: result.lesson.status, eventKey, actor: userId, outcome: "ok" });
        break;
      } catch (error) {
        if (!(error instanceof LessonVersionConflict) || attempt >= CONFLICT_RETRIES) throw error;
      }
    }
    if (decision === "accept") await this.writeAccepted();
    return this.decisionOf(lessonId, false);
  }

  /** Writes accepted lessons that are not in the knowledge store yet (after a decision, and on every tick). */
  writeAccepted(): Promise<void> {
    this.writing ??= this.writeAll().finally(() => (this.writing = undefined));
    return this.writing;
  }

  private async writeAll(): Promise<void> {
    const { repository } = this.options;
    for (const lesson of repository.unwritten()) {
      const failed = this.failures.get(lesson.id);
      if (failed && failed.nextAt > this.clock().getTime()) continue;
      try {
        const document = await this.options.write(lesson);
        for (let attempt = 1; ; attempt++) {
          const current = repository.get(lesson.id)!;
          try {
            repository.record({ lesson: { ...current.lesson, document }, expectedVersion: current.version, type: "written", outcome: "ok" });
            break;
          } catch (error) {
            if (!(error instanceof LessonVersionConflict) || attempt >= CONFLICT_RETRIES) throw error;
          }
        }
        this.failures.delete(lesson.id);
        this.options.log.info(`les ${lesson.id} toegevoegd aan de kennisbank`);
      } catch (error) {
        const attempts = (failed?.attempts ?? 0) + 1;
        const { delayMs, park } = this.options.retry ? retryDelay(this.options.retry, attempts) : { delayMs: 0, park: false };
        this.failures.set(lesson.id, { attempts, nextAt: this.clock().getTime() + delayMs });
        const message = `lesson ${lesson.id} could not be added to the knowledge store (attempt ${attempts}): ${(error as Error).message}; next try in ${Math.round(delayMs / 1000)} s`;
        if (park) (this.options.log.error ?? this.options.log.warn)(`vastgelopen: ${message}`);
        else this.options.log.warn(message);
      }
    }
  }

  private decisionOf(lessonId: string, repeated: boolean): LessonDecision {
    const lesson = this.options.repository.get(lessonId)?.lesson;
    if (!lesson) return { ok: false, text: LESSON_NL.refused.unknown };
    const text = lesson.status === "accepted" ? LESSON_NL.accepted(lesson.document) : lesson.status === "rejected" ? LESSON_NL.rejected : LESSON_NL.refused.not_proposed;
    return { ok: true, text: repeated ? `${LESSON_NL.alreadyDecided} ${text}` : text, status: lesson.status, document: lesson.document };
  }

  /** One change by the author, stored with its audit line; a repeated delivery or the same text again changes nothing. */
  private change(introductionId: string, author: LessonAuthor, eventKey: string | undefined, make: (intro: Introduction, existing: Lesson | undefined) => LessonResult, type: string): LessonReply {
    const { repository } = this.options;
    const intro = this.options.introduction(introductionId);
    if (!intro) return { ok: false, text: LESSON_NL.refused.unknown };
    const texts = lessonTexts(languageOf(intro, author));
    const role = intro.asker.platform === author.platform && intro.asker.userId === author.userId ? "asker"
      : intro.contact.platform === author.platform && intro.contact.userId === author.userId ? "contact" : undefined;
    if (eventKey && repository.hasEventKey(eventKey)) {
      const seen = role && repository.of(introductionId, role)?.lesson;
      return { ok: true, text: texts.unchanged, shared: seen ? seen.shared : undefined };
    }
    for (let attempt = 1; ; attempt++) {
      const current = role ? repository.of(introductionId, role) : undefined;
      const result = make(intro, current?.lesson);
      if (!result.ok) {
        const problem = result.code === "empty" || result.code === "too_long" ? result.code : undefined;
        return { ok: false, text: texts.refused[result.code], ...(problem ? { problem } : {}) };
      }
      if (!result.changed) return { ok: true, text: texts.unchanged, shared: result.lesson.shared };
      try {
        repository.record({ lesson: result.lesson, expectedVersion: current?.version, type, eventKey, actor: author.userId, outcome: "ok" });
        return { ok: true, text: result.lesson.shared ? texts.savedShared : texts.savedPrivate, shared: result.lesson.shared };
      } catch (error) {
        if (!(error instanceof LessonVersionConflict) || attempt >= CONFLICT_RETRIES) throw error;
      }
    }
  }
}

/** An asker who asked in English reads the learning loop in English; a contact in Dutch. */
function languageOf(intro: Introduction, author: LessonAuthor): "en" | undefined {
  return intro.asker.platform === author.platform && intro.asker.userId === author.userId ? intro.asker.language : undefined;
}
