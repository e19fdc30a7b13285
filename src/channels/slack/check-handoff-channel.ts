import type { App } from "@slack/bolt";
import type { Logger } from "../../logger.js";
import { slackErrorCode } from "./slack-transient-retry.js";

/**
 * At start: can the bot post in the tolken's channel? It joins a public channel it is not in yet;
 * otherwise (private, archived, unknown, a missing scope) a warning names the channel and what to
 * do, instead of failing only when the first question is handed off.
 */
export async function checkHandoffChannel(client: App["client"], channel: string, logger: Logger): Promise<boolean> {
  const what = `het kanaal van de tolken ${channel} (SLACK_HANDOFF_CHANNEL)`;
  try {
    const info = (await client.conversations.info({ channel })).channel as { is_archived?: boolean; is_member?: boolean } | undefined;
    if (info?.is_archived) {
      logger.warn(`slack: ${what} is gearchiveerd: haal het uit het archief of stel een ander kanaal in; doorgegeven vragen wachten tot dan`);
      return false;
    }
    if (info?.is_member) return true;
    await client.conversations.join({ channel });
    logger.info(`slack: lid geworden van ${what}`);
    return true;
  } catch (error) {
    const code = slackErrorCode(error) ?? (error as Error).message;
    logger.warn(
      `slack: kan niet posten in ${what} (${code}): nodig de bot daar uit met /invite @Vliegwiel ` +
        "(een privékanaal vraagt dat), of controleer het kanaal-id en de rechten van de app (channels:read, channels:join); doorgegeven vragen wachten tot dan",
    );
    return false;
  }
}
