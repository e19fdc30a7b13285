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
      log.warn(`doorgegeven vraag ${r.handoffId}: ${r.step} via ${r.channel} mislukt (poging ${r.attempt}): ${r.error}; volgende poging om ${r.retryAt}`),
    parked: (r) =>
      log.error(
        `vastgelopen: doorgegeven vraag ${r.handoffId}, stap ${r.step} via ${r.channel}, na ${r.attempt} pogingen: ${r.error}. ` +
          `Andere doorgegeven vragen gaan door; deze wordt opnieuw geprobeerd om ${r.retryAt} en bij de volgende start (zie de teampagina).`,
      ),
  };
}
