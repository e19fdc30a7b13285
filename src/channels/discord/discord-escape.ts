/**
 * The one way a user's or a document's text goes into Discord: markdown shown as typed (no headings,
 * quotes, spoilers or masked links `[bank](https://…)`), and @everyone / @here broken. Messages are
 * also sent with `allowed_mentions: { parse: [] }`, so a typed `<@id>` pings no one.
 */
export function escapeDiscord(text: string): string {
  return text.replace(/([\\*_~`|>#[\]-])/g, "\\$1").replace(/@(everyone|here)/g, "@\u200b$1");
}
