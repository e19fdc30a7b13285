import type { Logger } from "../../logger.js";
import { retryTransient as retryWithPauses } from "../retry-transient.js";

/**
 * Network failures worth another try: the connection was closed or reset (a kept-alive connection
 * the server closed while this process was busy: undici's "other side closed"), could not be made, or
 * timed out. discord.js retries only its own time-outs and ECONNRESET, so these reach us.
 */
const TRANSIENT_CODES = new Set([
  "UND_ERR_SOCKET", "UND_ERR_CLOSED", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT",
  "ECONNRESET", "ECONNREFUSED", "ECONNABORTED", "EPIPE", "ETIMEDOUT", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH",
]);

/** Whether a failed call to Discord may succeed when tried again (network trouble, Discord's 5xx or 429), not a refusal. */
export function isTransient(error: unknown): boolean {
  for (let e = error as { name?: string; code?: unknown; status?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.name === "AbortError" || e.name === "RateLimitError") return true;
    if (typeof e.code === "string" && TRANSIENT_CODES.has(e.code)) return true;
    if (typeof e.status === "number" && (e.status >= 500 || e.status === 429)) return true;
  }
  return false;
}

export { KeptForNextStart } from "../retry-transient.js";

/**
 * Runs `first`, and after a transient failure `again` (the same work, safe to repeat: posts carry a
 * nonce, a thread already started is reused, the core knows the event's key), with growing pauses.
 * A refusal (4xx) is thrown at once; still failing after the last pause, or when the channel stopped
 * meanwhile (`stopped`), it throws KeptForNextStart (retry-transient.ts).
 */
export function retryTransient(
  what: string,
  first: () => Promise<void>,
  again: () => Promise<void>,
  options: { logger: Logger; stopped: () => boolean; delaysMs?: readonly number[] },
): Promise<void> {
  return retryWithPauses(what, first, again, { ...options, isTransient, platform: "discord" });
}
