import type { RetryPolicy } from "../core/handoff/delivery-plan.js";
import type { DeliveryReporter } from "../core/handoff/handoff-service.js";
import type { Logger } from "../logger.js";

/** Attempts per handoff message: the first retry after one tick, doubling to 5 minutes; parked after 6. */
export function deliveryRetryPolicy(tickMs: number): RetryPolicy {
  return { maxAttempts: 6, firstDelayMs: tickMs, maxDelayMs: 300_000, parkedRetryMs: 3_600_000 };
}

/**
 * Failed handoff deliveries in the log, saying which handoff, step and channel, and what went wrong
 * (platform errors, never message text). A failure that will be retried is a warning with its next
 * try; one that gives up ("vastgelopen") is an error that says what to do.
 */
export function deliveryReporter(log: Logger): DeliveryReporter {
  return {
    failed: (r) =>
      log.warn(`handoff ${r.handoffId}: ${r.step} via ${r.channel} failed (attempt ${r.attempt}): ${r.error}; next try at ${r.retryAt}`),
    parked: (r) =>
      log.error(
        `vastgelopen: handoff ${r.handoffId}, step ${r.step} via ${r.channel}, after ${r.attempt} attempts: ${r.error}. ` +
          `Other handoffs go on; this one is tried again at ${r.retryAt} and at the next start (see the team view).`,
      ),
  };
}
