import type { DiscordContext } from "../discord-context.js";

/** Discord lets an interaction's token edit its reply and send follow-ups for 15 minutes. */
export const TOKEN_LIFETIME_MS = 15 * 60_000;
const DISCORD_EPOCH = 1_420_070_400_000n;

/** When Discord created the interaction (a snowflake carries its time). */
export function createdAt(snowflake: string): number {
  return Number((BigInt(snowflake) >> 22n) + DISCORD_EPOCH);
}

type WithToken = { interactionId: string; token: string };

/**
 * Keeps a `/vraag` in the inbox without its interaction token, once the token is no longer needed
 * (the deferred reply was edited into the answer, or its 15 minutes passed): a secret is kept no
 * longer than it is of use. `extra` says what a restart needs to know instead.
 */
export function forgetToken(ctx: DiscordContext, key: string, ask: WithToken, extra: Record<string, unknown> = {}): void {
  ctx.options.inbox?.rewrite(key, { ...ask, token: "", ...extra });
}

/** Forgets the token when its window closes while the answer is still being worked on; returns the cancel. */
export function forgetTokenWhenExpired(ctx: DiscordContext, key: string, ask: WithToken): () => void {
  const left = createdAt(ask.interactionId) + TOKEN_LIFETIME_MS - Date.now();
  const timer = setTimeout(() => forgetToken(ctx, key, ask), Math.max(0, left));
  timer.unref();
  return () => clearTimeout(timer);
}
