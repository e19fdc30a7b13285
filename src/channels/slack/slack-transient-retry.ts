import type { App } from "@slack/bolt";
import type { Logger } from "../../logger.js";

/** Slack's own error codes for a failure on its side that a later try may not have. */
export const TRANSIENT_SLACK_ERRORS: ReadonlySet<string> = new Set(["internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited"]);

type WebClient = App["client"];

export type TransientRetryOptions = { attempts?: number; firstDelayMs?: number; logger?: Logger };

/** The Slack error code of a failed call (`ok: false, error: …`), if any. */
export function slackErrorCode(error: unknown): string | undefined {
  return (error as { data?: { error?: unknown } }).data?.error as string | undefined;
}

/**
 * Makes every call of this client retry Slack's transient errors (answered as `ok: false` with HTTP
 * 200, which the client itself does not retry; HTTP 5xx and 429 it already does), with backoff: a
 * reply is not lost to one `internal_error`. It sends a call again without looking whether it landed
 * (a fatal_error may have partly succeeded), so replies to people and handoff posts use clients of
 * their own that it does not wrap: slack-reply-once.ts and the outbox try them again after that look.
 */
export function retryTransientSlackErrors(client: WebClient, options: TransientRetryOptions = {}): void {
  // The client's methods are bound when it is made, so each method of the namespaces we use is wrapped.
  for (const path of WRAPPED_NAMESPACES) {
    const namespace = path.split(".").reduce<Record<string, unknown> | undefined>((at, key) => at?.[key] as Record<string, unknown> | undefined, client as unknown as Record<string, unknown>);
    if (!namespace) continue;
    for (const [name, method] of Object.entries(namespace)) {
      if (typeof method !== "function") continue;
      namespace[name] = withRetries(`${path}.${name}`, method as (args?: unknown) => Promise<unknown>, options);
    }
  }
}

const WRAPPED_NAMESPACES = ["chat", "reactions", "views", "conversations", "assistant.threads"];

function withRetries(method: string, call: (args?: unknown) => Promise<unknown>, options: TransientRetryOptions) {
  const attempts = options.attempts ?? 4;
  const firstDelayMs = options.firstDelayMs ?? 500;
  return async (args?: unknown) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call(args);
      } catch (error) {
        const code = slackErrorCode(error);
        if (!code || !TRANSIENT_SLACK_ERRORS.has(code) || attempt >= attempts) {
          if (code && TRANSIENT_SLACK_ERRORS.has(code)) options.logger?.error(`slack: ${method} failed ${attempt} times (${code}); giving up`);
          throw error;
        }
        options.logger?.warn(`slack: ${method} answered ${code}; trying again (attempt ${attempt + 1} of ${attempts})`);
        await new Promise((resolve) => setTimeout(resolve, firstDelayMs * 2 ** (attempt - 1)));
      }
    }
  };
}
