import type { SlackContext, SlackMessageEvent } from "./slack-context.js";

/**
 * A DM has one person in it: a top-level message there while a consent question waits in one of
 * the DM's threads answers that question ("ja", "anoniem", "nee"), as it would in the thread. The
 * thread whose handoff still awaits this asker's consent (the newest such before the message), as the
 * core's handoffs know it: an ordinary DM question, with nothing waiting, costs no call to Slack.
 * Undefined when none. The core still checks that the consent is theirs.
 */
export async function dmThreadAwaitingConsent(ctx: SlackContext, event: SlackMessageEvent): Promise<string | undefined> {
  if (event.channel_type !== "im" || event.thread_ts || !event.user) return undefined;
  const prefix = `${event.channel}:`;
  const threads = ctx.core.consentWaitingFor(ctx.name, event.user)
    .filter((conversation) => conversation.startsWith(prefix))
    .map((conversation) => conversation.slice(prefix.length))
    .filter((ts) => ts !== event.ts && Number(ts) < Number(event.ts));
  threads.sort((a, b) => Number(b) - Number(a));
  return threads[0];
}
