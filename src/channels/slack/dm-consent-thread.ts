import type { SlackContext, SlackMessageEvent } from "./slack-context.js";

/** How far back in a DM a waiting consent question is looked for (top-level messages). */
const LOOK_BACK = 20;

/**
 * A DM has one person in it: a top-level message there while a consent question waits in one of
 * the DM's threads answers that question ("ja", "anoniem", "nee"), as it would in the thread. The
 * thread whose handoff still awaits consent (the newest such), from the DM's history; undefined when none.
 * Only the asker can write in their DM, and the core still checks that the consent is theirs.
 */
export async function dmThreadAwaitingConsent(ctx: SlackContext, event: SlackMessageEvent): Promise<string | undefined> {
  if (event.channel_type !== "im" || event.thread_ts) return undefined;
  const history = await ctx.client.conversations.history({ channel: event.channel, latest: event.ts, limit: LOOK_BACK }).catch((error: Error) => {
    ctx.options.logger.warn(`slack: de DM ${event.channel} kon niet gelezen worden om een wachtende toestemmingsvraag te vinden: ${error.message}`);
    return undefined;
  });
  const earlier = (history?.messages ?? []).map((m) => m.ts).filter((ts): ts is string => !!ts && ts !== event.ts && Number(ts) < Number(event.ts));
  earlier.sort((a, b) => Number(b) - Number(a));
  return earlier.find((ts) => ctx.core.askerHandoff(ctx.name, `${event.channel}:${ts}`)?.status === "awaiting_consent");
}
