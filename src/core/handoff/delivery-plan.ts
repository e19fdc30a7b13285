import type { PendingEffect } from "./handoff-repository.js";
import type { HandoffEffect } from "./handoff-types.js";

/**
 * The order effects must keep. Each handoff has three lanes: what the asker reads, what the team's
 * thread shows, and the knowledge store. Within a lane effects go out in order; lanes do not wait
 * for each other, except that "your question was passed on" waits for the thread's head, so the
 * asker is never told it was shared before the team can see it.
 */
export type Lane = "asker" | "team" | "knowledge";

export function laneOf(effect: HandoffEffect): Lane {
  switch (effect.type) {
    case "open_thread":
    case "update_thread":
    case "post_in_thread":
      return "team";
    case "add_to_knowledge":
      return "knowledge";
    default:
      return "asker";
  }
}

/** The lanes that must be clear before this effect may go: its own, and the team's for the "shared" notice. */
function lanesWaitedFor(effect: HandoffEffect): Lane[] {
  if (effect.type === "tell_asker" && effect.message === "shared") return ["asker", "team"];
  // Says that the head is stuck: it must not wait behind what waits for the head.
  if (effect.type === "tell_asker" && effect.message === "delivery_delayed") return [];
  return [laneOf(effect)];
}

/**
 * The effects that may be tried now, in order: not waiting for a backoff (or a parked one's retry), and not behind
 * an earlier effect of the same handoff and lane that is still undelivered (waiting, failing or parked).
 * Other handoffs are never held up by one that fails.
 */
export function deliverableNow(pending: readonly PendingEffect[], now: Date): PendingEffect[] {
  const held = new Set<string>();
  const ready: PendingEffect[] = [];
  for (const item of pending) {
    const key = (lane: Lane) => `${item.handoffId}\u0000${lane}`;
    const blocked = lanesWaitedFor(item.effect).some((lane) => held.has(key(lane)));
    // A parked effect waits for its (long) retry time like any other.
    const waiting = item.nextAttemptAt !== undefined && Date.parse(item.nextAttemptAt) > now.getTime();
    if (!blocked && !waiting) ready.push(item);
    // Whatever comes after it in its lane waits until it is delivered.
    if (lanesWaitedFor(item.effect).length) held.add(key(laneOf(item.effect)));
  }
  return ready;
}

export type RetryPolicy = {
  /** Attempts before an effect parks ("vastgelopen"). */
  maxAttempts: number;
  /** Wait after the first failure; doubled after each further one, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** A parked effect is tried again after this long (and at every start). */
  parkedRetryMs: number;
};

/** Backoff after the n-th failed attempt: first, 2×, 4×… up to the maximum; a parked effect waits longer. */
export function retryDelay(policy: RetryPolicy, failedAttempts: number): { delayMs: number; park: boolean } {
  const park = failedAttempts > 0 && failedAttempts % policy.maxAttempts === 0;
  if (park) return { delayMs: policy.parkedRetryMs, park };
  return { delayMs: Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (Math.max(1, failedAttempts) - 1)), park };
}

/** How much of a parked answer the notice to its writer quotes (enough to know which one it is). */
const QUOTED_CHARS = 80;

/**
 * What is queued when an effect parks, in the same transaction (the store queues it once per handoff and
 * notice): the asker hears that passing the question on does not work now, instead of nothing; the person
 * whose answer to the asker gave up hears that it may not have arrived (its outcome may have stayed unknown
 * on every try, so nobody told them yet).
 */
export function noticeOnPark(effect: HandoffEffect): HandoffEffect | undefined {
  if (effect.type === "open_thread") return { type: "tell_asker", message: "delivery_delayed" };
  if (effect.type === "relay_to_asker") {
    const flat = effect.text.replace(/\s+/g, " ").trim();
    const text = flat.length > QUOTED_CHARS ? `${flat.slice(0, QUOTED_CHARS).replace(/\s+\S*$/, "")}…` : flat;
    return { type: "post_in_thread", kind: "relay_parked", text, from: effect.from, mentions: [effect.from] };
  }
  return undefined;
}

/** A step's name in logs and reports: the effect type, with the notice or post kind. */
export function stepName(effect: HandoffEffect): string {
  if (effect.type === "tell_asker") return `tell_asker:${effect.message}`;
  if (effect.type === "post_in_thread") return `post_in_thread:${effect.kind}`;
  return effect.type;
}
