import type { App } from "@slack/bolt";
import type { Logger } from "../../logger.js";
import { slackErrorCode } from "./slack-transient-retry.js";

/**
 * At start: can the bot post in the tolken's channel? It joins a public channel it is not in yet;
 * otherwise (private, archived, unknown, a missing scope) a warning names the channel and what to
 * do, instead of failing only when the first question is handed off.
 */
export async function checkHandoffChannel(client: App["client"], channel: string, logger: Logger): Promise<boolean> {
  const what = `the tolken's channel ${channel} (SLACK_HANDOFF_CHANNEL)`;
  try {
    const info = (await client.conversations.info({ channel })).channel as { is_archived?: boolean; is_member?: boolean } | undefined;
    if (info?.is_archived) {
      logger.warn(`slack: ${what} is archived: unarchive it or set another channel; handed-off questions wait until then`);
      return false;
    }
    if (info?.is_member) return true;
    await client.conversations.join({ channel });
    logger.info(`slack: joined ${what}`);
    return true;
  } catch (error) {
    const code = slackErrorCode(error) ?? (error as Error).message;
    logger.warn(
      `slack: cannot post in ${what} (${code}): invite the bot there with /invite @Vliegwiel ` +
        "(a private channel needs that), or check the channel id and the app's scopes (channels:read, channels:join); handed-off questions wait until then",
    );
    return false;
  }
}
