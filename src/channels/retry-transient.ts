import type { Logger } from "../logger.js";

/** After this many tries (some five minutes in all) an answer waits in the inbox for the next start. */
export const ANSWER_RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000, 60_000, 60_000, 60_000, 60_000];

/** An answer that could not be given now, for network trouble: it stays in the inbox and the next start answers it. */
export class KeptForNextStart extends Error {
  constructor(what: string, cause: unknown, readonly causeText = (cause as Error).message) {
    super(`${what} lukte na herhaalde pogingen niet (${causeText}); het blijft bewaard en wordt bij de volgende start opnieuw geprobeerd`, { cause });
    this.name = "KeptForNextStart";
  }
}

/**
 * The KeptForNextStart that `error` is, or that a framework wrapped in it (as `original`, as Bolt does
 * for one listener, or among `originals`, as Bolt does when several listeners of one event failed: a
 * shared file is both a message and a file); else undefined.
 */
export function keptForNextStart(error: unknown): KeptForNextStart | undefined {
  if (error instanceof KeptForNextStart) return error;
  const wrapped = error as { original?: unknown; originals?: unknown } | undefined;
  const originals = [wrapped?.original, ...(Array.isArray(wrapped?.originals) ? wrapped.originals : [])];
  for (const original of originals) {
    const kept = original === error ? undefined : keptForNextStart(original);
    if (kept) return kept;
  }
  return undefined;
}

export type RetryOptions = {
  logger: Logger;
  /** The channel was stopped (an answer still waiting is then left for the next start). */
  stopped: () => boolean;
  /** Whether a failure may pass when tried again (network trouble, the platform's 5xx), not a refusal. */
  isTransient: (error: unknown) => boolean;
  /** For the log: "discord", "slack". */
  platform: string;
  delaysMs?: readonly number[];
  /** A pause the platform asked for (a rate limit's Retry-After), in ms, if longer than the next one planned. */
  pauseAtLeastMs?: (error: unknown) => number;
  /** The failure for the log, if its message alone says too little. */
  describe?: (error: unknown) => string;
};

/**
 * Runs `first`, and after a transient failure `again` (the same work, safe to repeat: it looks for
 * what landed before it posts, or the platform drops repeats), with growing pauses. A refusal is
 * thrown at once; still failing after the last pause, or when the channel stopped meanwhile
 * (`stopped`), it throws KeptForNextStart.
 */
export async function retryTransient(what: string, first: () => Promise<void>, again: () => Promise<void>, options: RetryOptions): Promise<void> {
  const delays = options.delaysMs ?? ANSWER_RETRY_DELAYS_MS;
  let work = first;
  for (let attempt = 0; ; attempt++) {
    try {
      await work();
      return;
    } catch (error) {
      if (!options.isTransient(error)) throw error;
      const text = options.describe?.(error) ?? (error as Error).message;
      const planned = delays[attempt];
      if (planned === undefined || options.stopped()) throw new KeptForNextStart(what, error, text);
      const delay = Math.max(planned, options.pauseAtLeastMs?.(error) ?? 0);
      options.logger.warn(`${options.platform}: ${what} mislukt (${text}); nieuwe poging over ${Math.round(delay / 1000)} s`);
      await new Promise((resolve) => setTimeout(resolve, delay).unref());
      if (options.stopped()) throw new KeptForNextStart(what, error, text);
      work = again;
    }
  }
}
