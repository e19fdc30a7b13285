/**
 * The one way a user's or a document's text goes into Slack: `&`, `<` and `>` escaped, so that
 * `<!channel>`, `<!here>`, `<@U…>` and disguised links (`<https://…|bank>`) show as typed and ping or
 * mislead no one. Slack's mrkdwn and a message's top-level `text` (used for notifications) both need it.
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A mention Vliegwiel itself makes (a routed tolk): only for a real Slack user id, never from typed text. */
export function slackMention(userId: string): string | undefined {
  return /^[UW][A-Z0-9]{2,}$/.test(userId) ? `<@${userId}>` : undefined;
}

/** Text as Slack delivers it in events (`&lt;`, `&gt;`, `&amp;`) back to what the person typed. */
export function fromSlack(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
