import type { Logger } from "../../logger.js";

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

/** After this many tries (some five minutes in all) an answer waits in the inbox for the next start. */
export const ANSWER_RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000, 60_000, 60_000, 60_000, 60_000];

/** An answer that could not be given now, for network trouble: it stays in the inbox and the next start answers it. */
export class KeptForNextStart extends Error {
  constructor(what: string, cause: unknown) {
    super(`${what} lukte na herhaalde pogingen niet (${(cause as Error).message}); het blijft bewaard en wordt bij de volgende start opnieuw geprobeerd`, { cause });
    this.name = "KeptForNextStart";
  }
}

/**
 * Runs `first`, and after a transient failure `again` (the same work, safe to repeat: posts carry a
 * nonce, a thread already started is reused, the core knows the event's key), with growing pauses.
 * A refusal (4xx) is thrown at once; still failing after the last pause, or when the channel stopped
 * meanwhile (`stopped`), it throws KeptForNextStart.
 */
export async function retryTransient(
  what: string,
  first: () => Promise<void>,
  again: () => Promise<void>,
  options: { logger: Logger; stopped: () => boolean; delaysMs?: readonly number[] },
): Promise<void> {
  const delays = options.delaysMs ?? ANSWER_RETRY_DELAYS_MS;
  let work = first;
  for (let attempt = 0; ; attempt++) {
    try {
      await work();
      return;
    } catch (error) {
      if (!isTransient(error)) throw error;
      const delay = delays[attempt];
      if (delay === undefined || options.stopped()) throw new KeptForNextStart(what, error);
      options.logger.warn(`discord: ${what} mislukt (${(error as Error).message}); nieuwe poging over ${Math.round(delay / 1000)} s`);
      await new Promise((resolve) => setTimeout(resolve, delay).unref());
      if (options.stopped()) throw new KeptForNextStart(what, error);
      work = again;
    }
  }
}
