import type { webApi } from "@slack/bolt";
import { slackErrorCode } from "./slack-transient-retry.js";

/** Slack's answers to a token it will not accept, whatever is tried again. */
const REFUSED_TOKEN: ReadonlySet<string> = new Set(["invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "not_allowed_token_type"]);

export type BotIdentity = { botId: string; botUserId: string };

/** Whether a Slack error is a refusal of the token itself. */
export function refusesToken(error: unknown): string | undefined {
  const code = slackErrorCode(error);
  return code && REFUSED_TOKEN.has(code) ? code : undefined;
}

/**
 * Who the bot is, asked once at start (auth.test), awaited, so Bolt need not ask in its constructor
 * where nothing awaits it (a refused token there ended the whole process with a stack trace). A token
 * Slack refuses stops the start with a Dutch line naming SLACK_BOT_TOKEN; Slack out of reach gives
 * undefined, and Bolt asks at each event instead (the reachability probe reports the outage).
 */
export async function botIdentity(client: webApi.WebClient): Promise<BotIdentity | undefined> {
  try {
    const result = await client.auth.test();
    return result.bot_id && result.user_id ? { botId: result.bot_id, botUserId: result.user_id } : undefined;
  } catch (error) {
    const refused = refusesToken(error);
    if (refused) {
      throw new Error(
        `Slack weigerde SLACK_BOT_TOKEN (${refused}): zet in .env de Bot User OAuth Token (xoxb-…) van de app, onder OAuth & Permissions ` +
          "(na opnieuw installeren of intrekken is dat een nieuwe)",
      );
    }
    return undefined;
  }
}
