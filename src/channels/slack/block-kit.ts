import type { types } from "@slack/bolt";

/**
 * Escapes text for Slack mrkdwn (&, < and >). With `keepMentions`, user mentions (<@U…>) stay
 * working, for texts Vliegwiel itself puts mentions in.
 */
export function escapeMrkdwn(text: string, options: { keepMentions?: boolean } = {}): string {
  const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return options.keepMentions ? escaped.replace(/&lt;@([UW][A-Z0-9]+)&gt;/g, "<@$1>") : escaped;
}

/** A Block Kit button. */
export function button(actionId: string, text: string, value: string, style?: "primary" | "danger"): types.Button {
  return { type: "button", action_id: actionId, text: { type: "plain_text", text }, value, ...(style ? { style } : {}) };
}
