import { slackErrorCode, TRANSIENT_SLACK_ERRORS } from "./slack-transient-retry.js";

/**
 * Which failed calls of @slack/web-api (a client that does not retry by itself) may pass when tried
 * again: the connection was closed, reset or refused, or the call timed out (WebAPIRequestError, with
 * fetch's error as `original`), Slack answered 5xx (WebAPIHTTPError), or it asked us to wait (429,
 * WebAPIRateLimitedError); and Slack's own transient `ok: false` errors (fatal_error, internal_error,
 * request_timeout, service_unavailable, ratelimited). Like a cut connection, these may hide a post that
 * landed (Slack documents that a fatal_error may have partly succeeded): the caller looks before it
 * posts again (slack-reply-once.ts). Other `ok: false` errors are refusals.
 */
export function isSlackNetworkFailure(error: unknown): boolean {
  const e = error as { code?: unknown; statusCode?: unknown } | undefined;
  if (e?.code === "slack_webapi_request_error" || e?.code === "slack_webapi_rate_limited_error") return true;
  if (e?.code === "slack_webapi_platform_error") return TRANSIENT_SLACK_ERRORS.has(slackErrorCode(e) ?? "");
  return e?.code === "slack_webapi_http_error" && typeof e.statusCode === "number" && e.statusCode >= 500;
}

/** The pause Slack asked for (Retry-After of a 429, or of an `ok: false, error: ratelimited`), in ms; 0 for other failures. */
export function slackAskedPauseMs(error: unknown): number {
  const e = error as { code?: unknown; retryAfter?: unknown; data?: { response_metadata?: { retryAfter?: unknown } } } | undefined;
  const seconds = e?.code === "slack_webapi_rate_limited_error" ? e.retryAfter
    : e?.code === "slack_webapi_platform_error" ? e.data?.response_metadata?.retryAfter : undefined;
  return typeof seconds === "number" ? seconds * 1000 : 0;
}

/**
 * What went wrong, for the log: web-api's message with the cause underneath ("fetch failed: other side
 * closed", "… aborted due to timeout"), which its own message leaves out.
 */
export function slackFailureText(error: unknown): string {
  const causes: string[] = [];
  for (let e = error as { message?: unknown; original?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (typeof e.message === "string" && !causes.some((c) => c.includes(e!.message as string))) causes.push(e.message);
    e = (e.original ?? e.cause) as typeof e;
  }
  return causes.join(": ");
}
