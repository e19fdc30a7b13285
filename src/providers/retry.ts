import { APIConnectionError, APIError } from "openai";
import { Fault } from "../core/errors.js";

/** A reply that arrived but could not be used (bad JSON, wrong shape): worth one more try. */
export class MalformedReplyError extends Fault {
  constructor(message: string) {
    super("provider_malformed_reply", message);
    this.name = "MalformedReplyError";
  }
}

/** The provider could not give a usable reply within the time budget. */
export class ProviderUnavailableError extends Fault {
  constructor(message: string, readonly attempts: number) {
    super("provider_unavailable", message);
    this.name = "ProviderUnavailableError";
  }
}

export type RetryPolicy = {
  /** Everything, retries and waits included, must end within this. */
  budgetMs: number;
  /** One attempt's limit (also bounded by what is left of the budget). */
  attemptTimeoutMs: number;
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
};

/**
 * Runs a provider call, retrying timeouts, 429 (waiting as Retry-After asks), 5xx, dropped
 * connections and malformed replies with exponential backoff and jitter, all within one time
 * budget. Other errors (400, 401, 404) are not retried: they will not get better.
 */
export async function withRetries<T>(call: (timeoutMs: number) => Promise<T>, policy: RetryPolicy): Promise<T> {
  const now = policy.now ?? Date.now;
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deadline = now() + policy.budgetMs;
  const base = policy.baseDelayMs ?? 250;
  let lastError: unknown;
  for (let attempt = 1; ; attempt++) {
    const left = deadline - now();
    if (left <= 50) throw new ProviderUnavailableError(`no usable reply within ${policy.budgetMs} ms: ${describe(lastError)}`, attempt - 1);
    try {
      return await call(Math.min(policy.attemptTimeoutMs, left));
    } catch (error) {
      lastError = error;
      if (!isRetryable(error)) throw error;
      const wait = retryAfterMs(error) ?? base * 2 ** (attempt - 1) * (0.5 + Math.random() / 2);
      if (now() + wait >= deadline - 50) throw new ProviderUnavailableError(`no usable reply within ${policy.budgetMs} ms: ${describe(error)}`, attempt);
      await sleep(wait);
    }
  }
}

function isRetryable(error: unknown): boolean {
  if (error instanceof MalformedReplyError || error instanceof APIConnectionError) return true; // includes timeouts
  if (error instanceof APIError) return error.status === 408 || error.status === 409 || error.status === 429 || (error.status ?? 0) >= 500;
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}

/** Retry-After (seconds or an HTTP date) or retry-after-ms, as OpenAI-compatible servers send them. */
function retryAfterMs(error: unknown): number | undefined {
  if (!(error instanceof APIError) || !error.headers) return undefined;
  const headers = error.headers as Headers;
  const ms = Number(headers.get("retry-after-ms"));
  if (ms > 0) return ms;
  const value = headers.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function describe(error: unknown): string {
  if (error instanceof APIError) return `HTTP ${error.status ?? "?"}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : "no attempt";
}
