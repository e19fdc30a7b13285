import type { App } from "@slack/bolt";
import type { Logger } from "../../logger.js";

/** Slack's own error codes for a failure on its side that a later try may not have. */
export const TRANSIENT_SLACK_ERRORS: ReadonlySet<string> = new Set(["internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited"]);

/** The metadata event type of handoff posts: those are retried by the outbox, which first looks for the post. */
export const EFFECT_METADATA_TYPE = "vliegwiel_handoff_effect";

type WebClient = App["client"];

export type TransientRetryOptions = { attempts?: number; firstDelayMs?: number; logger?: Logger };

/** The Slack error code of a failed call (`ok: false, error: …`), if any. */
export function slackErrorCode(error: unknown): string | undefined {
  return (error as { data?: { error?: unknown } }).data?.error as string | undefined;
}

/**
 * Makes every call of this client retry Slack's transient errors (answered as `ok: false` with HTTP
 * 200, which the client itself does not retry; HTTP 5xx and 429 it already does), with backoff: a
 * reply is not lost to one `internal_error`. A handoff post carrying its effect id is left to the
 * outbox, whose retry first looks whether the post landed after all.
 */
export function retryTransientSlackErrors(client: WebClient, options: TransientRetryOptions = {}): void {
  const attempts = options.attempts ?? 4;
  const firstDelayMs = options.firstDelayMs ?? 500;
  const original = client.apiCall.bind(client);
  client.apiCall = async (method, args) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await original(method, args);
      } catch (error) {
        const code = slackErrorCode(error);
        const ownRetry = (args as { metadata?: { event_type?: string } } | undefined)?.metadata?.event_type === EFFECT_METADATA_TYPE;
        if (!code || !TRANSIENT_SLACK_ERRORS.has(code) || ownRetry || attempt >= attempts) {
          if (code && TRANSIENT_SLACK_ERRORS.has(code) && !ownRetry) options.logger?.error(`slack: ${method} failed ${attempt} times (${code}); giving up`);
          throw error;
        }
        options.logger?.warn(`slack: ${method} answered ${code}; trying again (attempt ${attempt + 1} of ${attempts})`);
        await new Promise((resolve) => setTimeout(resolve, firstDelayMs * 2 ** (attempt - 1)));
      }
    }
  };
}
