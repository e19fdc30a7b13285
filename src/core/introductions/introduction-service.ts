import { retryDelay, type RetryPolicy } from "../handoff/delivery-plan.js";
import { DeliveryError } from "../handoff/delivery-error.js";
import type { InitiativeDirectory, InitiativeProfile } from "../gids/initiative.js";
import { signalRegion } from "../gids/signal-region.js";
import { newIntroduction, transitionIntroduction } from "./introduction-machine.js";
import { IntroVersionConflict, type IntroductionRepository, type PendingIntroEffect } from "./introduction-repository.js";
import type { IntroAsker, Introduction, IntroductionEffect, IntroductionEvent, IntroductionPolicy, IntroTimer, IntroTransition, Party } from "./introduction-types.js";

/** One effect to carry out, with what a sink needs to carry it out exactly once. */
export type IntroDeliveryInput = {
  effectId: number;
  intro: Introduction;
  effect: IntroductionEffect;
  attempt: number;
  /** What the sink recorded on an earlier try: it was posted, do not post again. */
  posted?: string;
  recordPost(ref: string): void;
};

export interface IntroductionEffectSink {
  deliver(input: IntroDeliveryInput): Promise<void>;
}

export type IntroRequestResult =
  | { ok: true; intro: Introduction }
  | { ok: false; code: "unknown_initiative" | "not_contactable" | "own_initiative" | "no_question" | "recently_declined" };

/** How long after a contact's "liever niet" the same asker may ask that initiative again. */
export const ASK_AGAIN_AFTER_DECLINE_MS = 90 * 86_400_000;

/** contact_gone: the contact left the initiative's profile (or it left the gids) before the request went out; nothing is sent. */
export type IntroApplyResult = IntroTransition | { ok: false; code: "duplicate" | "unknown_introduction" | "contact_gone" };

export type IntroductionServiceOptions = {
  repository: IntroductionRepository;
  directory: InitiativeDirectory;
  policy: IntroductionPolicy;
  sink: IntroductionEffectSink;
  /** Platforms a contact can get a private request on ("slack", "discord"). */
  contactPlatforms: readonly string[];
  retry: RetryPolicy;
  reporter?: { failed(message: string): void; parked(message: string): void };
  clock?: () => Date;
  newId?: () => string;
};

const TIMER_EVENTS: Record<IntroTimer, IntroductionEvent> = {
  choice_timeout: { type: "choice_timeout" },
  answer_timeout: { type: "answer_timeout" },
  follow_up: { type: "follow_up_due" },
};
const CONFLICT_RETRIES = 3;

/**
 * Runs introductions like handoffs: each event goes through the pure machine and is stored (state,
 * audit line, timers, outbox) in one transaction before anything is sent; the outbox is delivered
 * afterwards, so a crash in between loses nothing and a repeated delivery changes nothing.
 */
export class IntroductionService {
  private readonly clock: () => Date;
  private readonly newId: () => string;
  private delivering: Promise<void> | undefined;

  constructor(private readonly options: IntroductionServiceOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.newId = options.newId ?? (() => crypto.randomUUID());
  }

  /** "Breng me in contact": starts an introduction, which first asks the asker what may be passed on. */
  request(input: { initiativeId: string; question: string; asker: IntroAsker; eventKey?: string }): IntroRequestResult {
    const { repository, directory } = this.options;
    if (input.eventKey) {
      const seen = repository.introOfEventKey(input.eventKey);
      if (seen) return { ok: true, intro: seen };
    }
    if (!input.question.trim()) return { ok: false, code: "no_question" };
    const initiative = directory.get(input.initiativeId);
    if (!initiative || initiative.status !== "published") return { ok: false, code: "unknown_initiative" };
    if (isMember(initiative, input.asker)) return { ok: false, code: "own_initiative" };
    const contact = this.contactOf(initiative, input.asker.platform);
    if (!contact) return { ok: false, code: "not_contactable" };
    const active = repository.findActive(input.asker, initiative.id);
    if (active) return { ok: true, intro: active };
    // A "liever niet" stands for a while: the contact is not asked again and again by the same person.
    const declinedAt = repository.lastDeclinedAt(input.asker, initiative.id);
    if (declinedAt && this.clock().getTime() - Date.parse(declinedAt) < ASK_AGAIN_AFTER_DECLINE_MS) return { ok: false, code: "recently_declined" };
    const { intro, effects } = newIntroduction({
      id: this.newId(), question: input.question, asker: input.asker, initiativeId: initiative.id, initiativeName: initiative.name, initiativeWebsite: initiative.website, contact,
      theme: initiative.themes[0], region: signalRegion(initiative), now: this.clock(), policy: this.options.policy,
    });
    const recorded = repository.record({ intro, event: { type: "created" }, eventKey: input.eventKey, actor: input.asker.userId, outcome: "ok", effects });
    if (recorded) return { ok: true, intro };
    const existing = input.eventKey ? repository.introOfEventKey(input.eventKey) : undefined;
    if (!existing) throw new Error(`introduction request ${input.eventKey} was seen before, but its introduction is missing`);
    return { ok: true, intro: existing };
  }

  get(id: string): Introduction | undefined {
    return this.options.repository.get(id)?.intro;
  }

  /** Applies an event; a repeated event key is ignored, a lost race is retried on fresh state. */
  apply(id: string, event: IntroductionEvent, eventKey?: string, firedTimer?: IntroTimer): IntroApplyResult {
    const { repository } = this.options;
    if (eventKey && repository.hasEventKey(eventKey)) return { ok: false, code: "duplicate" };
    for (let attempt = 1; ; attempt++) {
      const current = repository.get(id);
      if (!current) return { ok: false, code: "unknown_introduction" };
      // The contact was chosen when the asker pressed; one who since left the gids is not asked after all.
      if (this.requestsGoneContact(current.intro, event)) {
        this.apply(id, { type: "choice_timeout" });
        return { ok: false, code: "contact_gone" };
      }
      const result = transitionIntroduction(current.intro, event, { now: this.clock(), policy: this.options.policy });
      const stale = result.ok && result.effects.length === 0 && result.intro === current.intro;
      try {
        if (stale && firedTimer) repository.deleteTimer(id, firedTimer);
        if (stale && !eventKey) return result;
        const recorded = repository.record({
          intro: result.intro, expectedVersion: current.version, event, eventKey, actor: "by" in event ? `${event.by.platform}:${event.by.userId}` : undefined,
          outcome: result.ok ? "ok" : result.code, effects: result.ok ? result.effects : [], firedTimer,
        });
        return recorded ? result : { ok: false, code: "duplicate" };
      } catch (error) {
        if (!(error instanceof IntroVersionConflict) || attempt >= CONFLICT_RETRIES) throw error;
      }
    }
  }

  /** Fires every due timer (also those that fell due while the process was down); a failing one backs off. */
  fireDueTimers(): number {
    const { repository } = this.options;
    const due = repository.dueTimers(this.clock());
    for (const timer of due) {
      try {
        this.apply(timer.introductionId, TIMER_EVENTS[timer.kind], undefined, timer.kind);
      } catch (error) {
        const { delayMs, park } = retryDelay(this.options.retry, timer.attempts + 1);
        const retryAt = new Date(this.clock().getTime() + delayMs).toISOString();
        repository.recordTimerFailure(timer.introductionId, timer.kind, { error: (error as Error).message, retryAt, park });
        this.report(park, `introduction ${timer.introductionId}: timer ${timer.kind} failed (${(error as Error).message}); next try ${retryAt}`);
      }
    }
    return due.length;
  }

  retryParked(): number {
    return this.options.repository.retryParked(this.clock());
  }

  /** Delivers what waits in the outbox; one round at a time. */
  deliverPending(): Promise<void> {
    this.delivering ??= this.drain().finally(() => (this.delivering = undefined));
    return this.delivering;
  }

  /** Effects of one introduction go out in order: one that fails holds up only the later ones of its introduction. */
  private async drain(): Promise<void> {
    for (let round = 0; round < 10_000; round++) {
      const next = deliverable(this.options.repository.pendingEffects(), this.clock());
      if (!next) return;
      await this.deliverOne(next);
    }
  }

  private async deliverOne({ id, introductionId, effect }: PendingIntroEffect): Promise<void> {
    const { repository, sink } = this.options;
    const current = repository.get(introductionId);
    if (!current) return repository.markDelivered(id);
    const attempt = repository.beginAttempt(id);
    try {
      await sink.deliver({ effectId: id, intro: current.intro, effect, attempt, posted: repository.postedRef(id), recordPost: (ref) => repository.recordPost(id, ref) });
      repository.markDelivered(id);
    } catch (error) {
      const { delayMs, park } = retryDelay(this.options.retry, attempt);
      const retryAt = new Date(this.clock().getTime() + delayMs).toISOString();
      const channel = error instanceof DeliveryError ? error.channel : "onbekend";
      const message = (error as Error).message ?? String(error);
      repository.recordFailure(id, { error: message, channel, retryAt, park });
      this.report(park, `introduction ${introductionId}: ${effect.type} in ${channel} failed (attempt ${attempt}): ${message}; next try ${retryAt}`);
    }
  }

  private report(park: boolean, message: string): void {
    if (park) this.options.reporter?.parked(message);
    else this.options.reporter?.failed(message);
  }

  /**
   * The asker chose what to pass on, but the chosen contact is no longer a contactable contact of the
   * published initiative (they left or removed the profile, or no longer want to be approached).
   */
  private requestsGoneContact(intro: Introduction, event: IntroductionEvent): boolean {
    if (event.type !== "sharing_chosen" || intro.status !== "choosing") return false;
    if (event.by.platform !== intro.asker.platform || event.by.userId !== intro.asker.userId) return false;
    const initiative = this.options.directory.get(intro.initiativeId);
    const { platform, userId } = intro.contact;
    return !initiative || initiative.status !== "published" || !initiative.contacts.some((c) => c.contactable && c.handles[platform] === userId);
  }

  /** A contact who agreed to be contacted, on a platform where a private request can reach them (the asker's first). */
  private contactOf(initiative: InitiativeProfile, askerPlatform: string): Party | undefined {
    const platforms = [askerPlatform, ...this.options.contactPlatforms.filter((p) => p !== askerPlatform)].filter((p) => this.options.contactPlatforms.includes(p));
    for (const platform of platforms) {
      const person = initiative.contacts.find((c) => c.contactable && c.handles[platform]);
      if (person) return { platform, userId: person.handles[platform]!, name: person.name };
    }
    return undefined;
  }
}

/** Whether the asker is one of the initiative's own contacts: never introduce someone to their own initiative. */
function isMember(initiative: InitiativeProfile, asker: { platform: string; userId: string }): boolean {
  return initiative.contacts.some((c) => c.handles[asker.platform] === asker.userId);
}

/** The first effect that may go now: not waiting for a backoff, and not behind an undelivered one of its introduction. */
function deliverable(pending: readonly PendingIntroEffect[], now: Date): PendingIntroEffect | undefined {
  const held = new Set<string>();
  for (const item of pending) {
    const waiting = item.nextAttemptAt !== undefined && Date.parse(item.nextAttemptAt) > now.getTime();
    if (!held.has(item.introductionId) && !waiting) return item;
    held.add(item.introductionId);
  }
  return undefined;
}
